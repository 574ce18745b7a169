import type Stripe from 'stripe';
import { snapshotAccount } from './account-status';
import type { MarketkitConfig } from './parse-options';
import * as repository from './stores/repository';
import type { AccountRecord } from './stores/repository';

export interface EnsureAccountInput {
  /** The marketplace's user id for the seller. */
  userId: string;
  displayName: string;
  email?: string;
  /** ISO country of the seller; default the platform's country. */
  country?: string;
}

export interface AccountService {
  /** Gets or creates the user's connected account; concurrent calls create one account. */
  ensureAccount(input: EnsureAccountInput): Promise<AccountRecord & { accountId: string }>;
  /** Reads the account from Stripe and updates the cached status. */
  refresh(accountId: string): Promise<AccountRecord | null>;
  findByUser(userId: string): Promise<AccountRecord | null>;
}

export function createAccountService(config: MarketkitConfig): AccountService {
  const inFlight = new Map<string, Promise<AccountRecord & { accountId: string }>>();

  async function create(input: EnsureAccountInput): Promise<AccountRecord & { accountId: string }> {
    const { store, stripe } = config;
    const existing = await repository.upsertAccountUser(store, {
      userId: input.userId,
      displayName: input.displayName,
      email: input.email ?? null,
      country: input.country ?? null,
    });
    if (existing.accountId) return existing as AccountRecord & { accountId: string };
    const country = existing.country ?? input.country ?? config.platform.country;
    const params: Stripe.AccountCreateParams = {
      country,
      ...(input.email ? { email: input.email } : {}),
      // Platform-liable Express: the platform pays fees and bears losses; Stripe collects requirements.
      controller: {
        fees: { payer: 'application' },
        losses: { payments: 'application' },
        stripe_dashboard: { type: 'express' },
        requirement_collection: 'stripe',
      },
      capabilities: { transfers: { requested: true } },
      metadata: { marketkit_user_id: input.userId },
      ...config.accountDefaults,
    };
    // The idempotency key makes two instances racing on the same user get the same account back.
    const account = await stripe.accounts.create(params, {
      idempotencyKey: `account:${input.userId}`,
    });
    const linked = await repository.linkAccount(
      store,
      input.userId,
      account.id,
      snapshotAccount(account),
    );
    config.logger.info(
      { userId: input.userId, accountId: linked.accountId },
      'Connected account ready',
    );
    return linked as AccountRecord & { accountId: string };
  }

  return {
    ensureAccount(input) {
      const pending = inFlight.get(input.userId);
      if (pending) return pending;
      const promise = create(input).finally(() => inFlight.delete(input.userId));
      inFlight.set(input.userId, promise);
      return promise;
    },
    async refresh(accountId) {
      const account = await config.stripe.accounts.retrieve(accountId);
      await repository.saveAccountStatus(config.store, accountId, snapshotAccount(account));
      return repository.findAccountById(config.store, accountId);
    },
    findByUser(userId) {
      return repository.findAccountByUser(config.store, userId);
    },
  };
}
