import { deriveOnboardingState } from '@marketkit/core';
import Stripe from 'stripe';
import * as repository from '../../stores/repository';
import type { StoredAccountSnapshot } from '../../stores/repository';
import type { EventFamily } from './types';

/**
 * account.updated: the cached status follows the account as Stripe has it now. Concurrent events for
 * one account share a retrieve that started after they arrived (account-refresher.ts) and, in one
 * batch, one statement recording them all and writing the newest snapshot. Repeating it is harmless,
 * so duplicates are told apart by that statement's insert of the event ids rather than by a query of
 * their own first.
 */
export const accountEvents: EventFamily = {
  types: ['account.updated'],
  checkDuplicateFirst: false,
  async handle(context, event, record, { accounts }) {
    const accountId = event.account ?? (event.data.object as { id: string }).id;
    const snapshot = await accounts.refresh(accountId).catch((error: unknown) => {
      // An account Stripe no longer has (deleted, or never this platform's) has nothing to follow.
      if (error instanceof Stripe.errors.StripeError && error.statusCode === 404) return null;
      throw error;
    });
    if (!snapshot) return record();
    const written: { replaced?: { previous: StoredAccountSnapshot | null } | null } = {};
    const result = await record({
      key: `account:${accountId}`,
      async write(client, events) {
        const { fresh, replaced } = await repository.recordAccountEvents(
          client,
          events,
          accountId,
          snapshot,
        );
        written.replaced = replaced;
        return fresh;
      },
    });
    context.accounts.forget(accountId);
    // Only a write that ran knows what it replaced (one per batch and account): one announcement
    // per change, however many events told of it.
    const { replaced } = written;
    if (replaced && deriveOnboardingState(replaced.previous) !== deriveOnboardingState(snapshot))
      await context.config.hooks.onRiskChanged?.({ accountId, reason: 'account.updated' });
    return result;
  },
};
