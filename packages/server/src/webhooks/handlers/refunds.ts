import type Stripe from 'stripe';
import * as repository from '../../stores/repository';
import { syncPayment } from './payments';
import { findOrderForPayment, idOf, requestOptionsOf, type EventFamily } from './types';

/** charge.refunded and charge.refund.updated: every refund of the charge is recorded once. */
export const refundEvents: EventFamily = {
  types: ['charge.refunded', 'charge.refund.updated'],
  async handle(context, event, record) {
    const { store, stripe } = context.config;
    const object = event.data.object as { id: string; object: string };
    const chargeId =
      object.object === 'refund' ? idOf((event.data.object as Stripe.Refund).charge) : object.id;
    if (!chargeId) return record();
    const charge = await stripe.charges.retrieve(chargeId, {}, requestOptionsOf(event));
    const order = await findOrderForPayment(context, idOf(charge.payment_intent));
    if (!order) return record();
    // Make sure the payment side is applied first: a refund can arrive before payment_intent.succeeded.
    if (order.status === 'awaiting_payment' || order.status === 'processing')
      await syncPayment(context, null, order.paymentIntentId, record);
    const refunds = await stripe.refunds.list(
      { charge: chargeId, limit: 100 },
      requestOptionsOf(event),
    );
    const fresh = (await repository.findOrder(store, order.id))!;
    for (const refund of [...refunds.data].sort(
      (a, b) => a.created - b.created || a.id.localeCompare(b.id),
    )) {
      if (refund.status !== 'succeeded' && refund.status !== 'pending') continue;
      if (await repository.findRefundByStripeId(store, refund.id)) continue;
      // Throws order_not_paid while transfers are still in flight; the non-2xx makes Stripe retry later.
      await context.refunds.record(fresh, refund, `stripe:${refund.id}`);
    }
    return record();
  },
};
