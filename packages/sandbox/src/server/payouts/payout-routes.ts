import { invalidRequest } from '../http/errors';
import { type Route, apiRoute, at, listRoute } from '../http/route';
import { createPayout, payoutRecord } from './payouts';
export const payoutRoutes: Route[] = [
  apiRoute('POST', '/v1/payouts', ({ engine, params, account }) =>
    structuredClone(createPayout(engine, account, params)),
  ),
  listRoute('/v1/payouts', {
    allow: ['status', 'destination', 'arrival_date', 'created'],
    collection: ({ engine }) => Object.values(engine.state.payouts),
    filter: ({ engine, params, account }) => {
      const status = params.string('status');
      return (payout) =>
        engine.ownerOf(payout.id) === account && (!status || payout.status === status);
    },
  }),
  apiRoute('GET', '/v1/payouts/:id', (context) =>
    structuredClone(payoutRecord(context.engine, context.account, at(context, 0))),
  ),
  apiRoute('POST', '/v1/payouts/:id/cancel', (context) => {
    const { engine, account } = context;
    const payout = payoutRecord(engine, account, at(context, 0));
    // https://docs.stripe.com/api/payouts/cancel: "You can't cancel automatic Stripe payouts."
    if (payout.automatic) {
      throw invalidRequest('Automatic payouts cannot be canceled.', {
        code: 'payout_not_cancelable',
      });
    }
    if (payout.status !== 'pending' || payout.method === 'instant') {
      throw invalidRequest('Payouts can only be canceled while they are pending.', {
        code: 'payout_not_cancelable',
      });
    }
    engine.addBalanceTransaction(account, {
      amount: payout.amount,
      currency: payout.currency,
      type: 'payout_cancel',
      reporting_category: 'payout_reversal',
      source: payout.id,
    });
    const previous = { status: payout.status };
    payout.status = 'canceled';
    engine.emit('payout.canceled', payout, account, previous);
    return structuredClone(payout);
  }),
];
