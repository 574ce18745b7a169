import type Stripe from 'stripe';
import type { RouteContext } from '../../context';
import * as repository from '../../stores/repository';
import type { OrderStatus } from '../../stores/repository';
import type { SqlClient } from '../../stores/store';
import {
  findOrderForPayment,
  idOf,
  requestOptionsOf,
  type EventFamily,
  type ProcessResult,
  type Recorder,
} from './types';

/** Brings an order in line with its PaymentIntent; plans the transfers once it has succeeded. */
export async function syncPayment(
  context: RouteContext,
  event: Stripe.Event | null,
  paymentIntentId: string | null,
  record: Recorder,
): Promise<ProcessResult> {
  const { config } = context;
  const order = await findOrderForPayment(context, paymentIntentId);
  if (!order || !paymentIntentId) return event ? record() : 'ignored';
  const paymentIntent = await config.stripe.paymentIntents.retrieve(
    paymentIntentId,
    {},
    requestOptionsOf(event),
  );
  const chargeId = idOf(paymentIntent.latest_charge);
  // Refunds made before we saw the payment are taken off the transfers as they are planned.
  let earlyRefunds: Stripe.Refund[] = [];
  if (
    paymentIntent.status === 'succeeded' &&
    chargeId &&
    (order.status === 'awaiting_payment' ||
      order.status === 'processing' ||
      order.status === 'payment_failed')
  ) {
    const charge = await config.stripe.charges.retrieve(chargeId, {}, requestOptionsOf(event));
    if (charge.amount_refunded > 0) {
      const page = await config.stripe.refunds.list(
        { charge: chargeId, limit: 100 },
        requestOptionsOf(event),
      );
      earlyRefunds = page.data
        .filter((refund) => refund.status === 'succeeded' || refund.status === 'pending')
        .sort((a, b) => a.created - b.created || a.id.localeCompare(b.id));
    }
  }
  let newlyPaid = false;
  const debts: Awaited<ReturnType<typeof context.refunds.netBeforeTransfers>> = [];
  const apply = async (client: SqlClient) => {
    debts.length = 0;
    const locked = (await repository.findOrder(client, order.id, { forUpdate: true }))!;
    const unpaid =
      locked.status === 'awaiting_payment' ||
      locked.status === 'processing' ||
      locked.status === 'payment_failed';
    if (paymentIntent.status === 'succeeded' && chargeId) {
      if (paymentIntent.amount !== locked.total || paymentIntent.currency !== locked.currency) {
        // Someone changed the PaymentIntent outside MarketKit: paying sellers from it would be guesswork.
        config.logger.error(
          { orderId: locked.id, paymentIntentId },
          'PaymentIntent amount does not match the order; transfers not planned',
        );
        return;
      }
      if (unpaid) {
        await repository.updateOrder(client, locked.id, { status: 'paid', chargeId });
        newlyPaid = true;
        await repository.planTransfers(client, locked, chargeId);
        for (const refund of earlyRefunds)
          debts.push(...(await context.refunds.netBeforeTransfers(client, locked, refund)));
      } else {
        await repository.planTransfers(client, locked, chargeId);
      }
    } else if (unpaid) {
      const status: OrderStatus | null =
        paymentIntent.status === 'processing'
          ? 'processing'
          : paymentIntent.status === 'canceled'
            ? 'canceled'
            : paymentIntent.last_payment_error
              ? 'payment_failed'
              : null;
      if (status) await repository.updateOrder(client, locked.id, { status });
    }
  };
  let result: ProcessResult;
  if (event) {
    result = await record(apply);
  } else {
    await config.store.transaction(apply);
    result = 'processed';
  }
  if (newlyPaid) {
    context.worker.wake();
    await context.refunds.announceDebts(debts);
    for (const repayment of await repository.listDebtRepaymentsForOrder(config.store, order.id))
      await config.hooks.onDebtRecovered?.({
        debtId: repayment.debtId,
        sellerId: repayment.sellerId,
        repaidByOrderId: repayment.orderId,
        method: repayment.method,
        amount: repayment.amount,
        currency: repayment.currency,
      });
    await config.hooks.onOrderPaid?.({
      orderId: order.id,
      paymentIntentId,
      total: order.total,
      currency: order.currency,
    });
  }
  return result;
}

/** payment_intent.* and charge.succeeded: the order follows its PaymentIntent. */
export const paymentEvents: EventFamily = {
  types: [
    'payment_intent.succeeded',
    'payment_intent.processing',
    'payment_intent.payment_failed',
    'payment_intent.canceled',
    'charge.succeeded',
  ],
  handle: (context, event, record) => {
    const object = event.data.object as { id: string; object: string };
    const paymentIntentId =
      object.object === 'charge'
        ? idOf((event.data.object as Stripe.Charge).payment_intent)
        : object.id;
    return syncPayment(context, event, paymentIntentId, record);
  },
};
