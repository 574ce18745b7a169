import type Stripe from 'stripe';
import { snapshotAccount } from '../accounts/account-status';
import type { StoredAccountSnapshot } from '../stores/repository';

export interface AccountRefresher {
  /**
   * The account as Stripe has it, from an `accounts.retrieve` that started after this call: callers
   * that arrive while one is in flight share the next one, never the one in flight (it may have been
   * answered before the change they were told about).
   */
  refresh(accountId: string): Promise<StoredAccountSnapshot>;
}

interface Waiter {
  resolve(value: StoredAccountSnapshot): void;
  reject(error: unknown): void;
}

/**
 * Coalesces `account.updated` work per account: a burst of events for one seller costs one
 * `accounts.retrieve` per round instead of one each. Stripe does not guarantee event order and
 * tells integrations to fetch the object's latest state (docs: webhooks, "Event ordering"), so one
 * fresh read answers every event that arrived before it started.
 */
export function createAccountRefresher(stripe: Stripe): AccountRefresher {
  const accounts = new Map<string, { running: boolean; waiting: Waiter[] }>();
  const read = async (accountId: string) =>
    snapshotAccount(await stripe.accounts.retrieve(accountId));

  function start(accountId: string, state: { running: boolean; waiting: Waiter[] }) {
    // Everyone waiting arrived before this read starts, so it is fresh enough for all of them.
    const waiters = state.waiting;
    state.waiting = [];
    state.running = true;
    read(accountId)
      .then(
        (snapshot) => waiters.forEach((waiter) => waiter.resolve(snapshot)),
        (error: unknown) => waiters.forEach((waiter) => waiter.reject(error)),
      )
      .finally(() => {
        state.running = false;
        if (state.waiting.length > 0) start(accountId, state);
        else accounts.delete(accountId);
      });
  }

  return {
    refresh(accountId) {
      let state = accounts.get(accountId);
      if (!state) {
        state = { running: false, waiting: [] };
        accounts.set(accountId, state);
      }
      const account = state;
      return new Promise((resolve, reject) => {
        account.waiting.push({ resolve, reject });
        if (!account.running) {
          // On the next turn of the event loop, so deliveries already read from their sockets share it.
          account.running = true;
          setImmediate(() => start(accountId, account));
        }
      });
    },
  };
}
