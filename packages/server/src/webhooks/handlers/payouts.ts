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
