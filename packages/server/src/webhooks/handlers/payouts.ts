import * as repository from '../../stores/repository';
import type { EventFamily } from './types';

/** payout.failed: the app hears about it (payouts themselves are read from Stripe, not stored). */
export const payoutEvents: EventFamily = {
  types: ['payout.failed'],
  async handle(context, event, record) {
    const { config } = context;
    const accountId = event.account;
    const result = await record();
    if (accountId && (await repository.findAccountById(config.store, accountId)))
      await config.hooks.onRiskChanged?.({ accountId, reason: 'payout.failed' });
    return result;
  },
};

/**
 * balance.available on a connected account: its pending funds became available, so the reversals it
 * refused for lack of balance are worth trying again now (the worker's periodic pass tries them too).
 * Stripe: "Occurs whenever your Stripe balance has been updated (e.g., when a charge is available to be
 * paid out)" (https://docs.stripe.com/api/events/types#event_types-balance.available).
 */
export const balanceEvents: EventFamily = {
  types: ['balance.available'],
  async handle(context, event, record) {
    const accountId = event.account;
    const result = await record(async (client) => {
      if (accountId) await repository.scheduleDebtRecovery(client, accountId);
    });
    if (accountId) context.worker.wake();
    return result;
  },
};
