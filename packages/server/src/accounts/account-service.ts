import type Stripe from 'stripe';
import type { MarketkitConfig } from '../parse-options';
import * as repository from '../stores/repository';
import type { AccountRecord, StoredAccountSnapshot } from '../stores/repository';
import { snapshotAccount } from './account-status';

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
  /** The user's account as Stripe has it now (null before onboarding starts). */
  currentStatus(userId: string): Promise<StoredAccountSnapshot | null>;
  /**
   * Sellers for checkout, from a cache of at most `SELLER_CACHE_MS` (refreshed or dropped whenever this
   * process sees the account change) so a busy checkout does not read the same rows every request.
   */
  findSellers(userIds: readonly string[]): Promise<Map<string, AccountRecord>>;
  /** Drops a cached seller after an account.updated event. */
  forget(accountId: string): void;
}

const SELLER_CACHE_MS = 5_000;

export function createAccountService(config: MarketkitConfig): AccountService {
  const inFlight = new Map<string, Promise<AccountRecord & { accountId: string }>>();
  const sellerCache = new Map<string, { record: AccountRecord; at: number }>();
  const remember = (record: AccountRecord | null) => {
    if (record) sellerCache.set(record.userId, { record, at: Date.now() });
    return record;
  };

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
      return remember(await repository.findAccountById(config.store, accountId));
    },
    async findSellers(userIds) {
      const now = Date.now();
      const found = new Map<string, AccountRecord>();
      const missing: string[] = [];
      for (const userId of userIds) {
        const cached = sellerCache.get(userId);
        if (cached && now - cached.at < SELLER_CACHE_MS) found.set(userId, cached.record);
        else missing.push(userId);
      }
      if (missing.length > 0) {
        for (const record of await repository.findAccountsByUsers(config.store, missing)) {
          found.set(record.userId, record);
          if (record.accountId) remember(record);
        }
      }
      if (sellerCache.size > 10_000) sellerCache.clear();
      return found;
    },
    forget(accountId) {
      for (const [userId, entry] of sellerCache)
        if (entry.record.accountId === accountId) sellerCache.delete(userId);
    },
    findByUser(userId) {
      return repository.findAccountByUser(config.store, userId);
    },
    async currentStatus(userId) {
      const record = await repository.findAccountByUser(config.store, userId);
      if (!record?.accountId) return null;
      const fresh = await this.refresh(record.accountId);
      return fresh?.status ?? record.status;
    },
  };
}
