import type { Store } from '../stores/store';
import { takeCall } from '../stores/call-budget-queries';

/**
 * The platform's Stripe call budget: Stripe rate-limits per account, not per process, so every
 * instance takes from one bucket kept in the store. Bursts up to half a second's worth.
 */
export interface CallBudget {
  /** Resolves when this instance may make one more Stripe call. */
  take(): Promise<void>;
}

export function createCallBudget(store: Store, ratePerSecond: number): CallBudget {
  const capacity = Math.max(1, ratePerSecond / 2);
  // One database round trip at a time per process; callers are served in order.
  let queue: Promise<void> = Promise.resolve();
  return {
    take() {
      const turn = queue.then(async () => {
        for (;;) {
          const wait = await takeCall(store, 'stripe', ratePerSecond, capacity);
          if (wait === 0) return;
          await new Promise((resolve) => setTimeout(resolve, wait));
        }
      });
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}
