import type Stripe from 'stripe';
import type { RouteContext } from '../../context';
import * as repository from '../../stores/repository';
import type { DisputeRecord, OrderStatus } from '../../stores/repository';
import { findOrderForPayment, idOf, requestOptionsOf, type EventFamily } from './types';

function disputeStatus(status: Stripe.Dispute.Status): DisputeRecord['status'] {
  if (status === 'won' || status === 'warning_closed' || status === 'prevented') return 'won';
  if (status === 'lost') return 'lost';
  if (status === 'under_review' || status === 'warning_under_review') return 'under_review';
  return 'needs_response';
}

async function paymentIntentOfCharge(
  context: RouteContext,
  chargeId: string | null,
  options: Stripe.RequestOptions | undefined,
): Promise<string | null> {
  if (!chargeId) return null;
  const charge = await context.config.stripe.charges.retrieve(chargeId, {}, options);
  return idOf(charge.payment_intent);
}

/** charge.dispute.*: the order shows the dispute; a lost one reverses sellers' transfers. */
export const disputeEvents: EventFamily = {
  types: [
    'charge.dispute.created',
    'charge.dispute.updated',
    'charge.dispute.closed',
    'charge.dispute.funds_withdrawn',
    'charge.dispute.funds_reinstated',
  ],
  async handle(context, event, record) {
    const { config } = context;
    const object = event.data.object as { id: string };
    const options = requestOptionsOf(event);
    const dispute = await config.stripe.disputes.retrieve(object.id, {}, options);
    const order = await findOrderForPayment(
      context,
      idOf(dispute.payment_intent) ??
        (await paymentIntentOfCharge(context, idOf(dispute.charge), options)),
    );
    if (!order) return record();
    const status = disputeStatus(dispute.status);
    const result = await record(async (client) => {
      const locked = (await repository.findOrder(client, order.id, { forUpdate: true }))!;
      const open = status === 'needs_response' || status === 'under_review';
      const settledStatus: OrderStatus =
        locked.refunded >= locked.total
          ? 'refunded'
          : locked.refunded > 0
            ? 'partially_refunded'
            : 'paid';
      await repository.updateOrder(client, order.id, {
        // A lost dispute is final: the bank already returned the money, nothing is left to refund.
        status: status === 'lost' ? 'dispute_lost' : open ? 'disputed' : settledStatus,
        dispute: { id: dispute.id, status, amount: dispute.amount, reason: dispute.reason },
      });
    });
    if (status === 'lost') await context.refunds.recordDisputeLoss(order, dispute);
    for (const seller of order.sellers)
      await config.hooks.onRiskChanged?.({ accountId: seller.accountId, reason: event.type });
    return result;
  },
};
