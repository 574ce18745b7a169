import { deriveOnboardingState } from '@marketkit/core';
import type Stripe from 'stripe';
import { snapshotAccount } from '../account-status';
import type { RouteContext } from '../context';
import * as repository from '../stores/repository';
import type { DisputeRecord, OrderRecord, OrderStatus } from '../stores/repository';

export type ProcessResult = 'processed' | 'duplicate' | 'ignored';

const idOf = (value: string | { id: string } | null | undefined): string | null =>
  value === null || value === undefined ? null : typeof value === 'string' ? value : value.id;

function disputeStatus(status: Stripe.Dispute.Status): DisputeRecord['status'] {
  if (status === 'won' || status === 'warning_closed' || status === 'prevented') return 'won';
  if (status === 'lost') return 'lost';
  if (status === 'under_review' || status === 'warning_under_review') return 'under_review';
  return 'needs_response';
}

/**
 * Applies one verified event. Effects are derived from the object as Stripe has it now (not from the
 * event's snapshot), so late, repeated and out-of-order deliveries converge on the same state. The
 * event id is recorded in the same transaction as the effects: a crash before commit means the retry
 * is processed again, never twice.
 */
export async function processEvent(
  context: RouteContext,
  event: Stripe.Event,
): Promise<ProcessResult> {
  const { config } = context;
  const { store, stripe } = config;
  if (await repository.hasWebhookEvent(store, event.id)) return 'duplicate';
  const object = event.data.object as unknown as { id: string; object: string };
  const record = (
    apply?: (client: Parameters<Parameters<typeof store.transaction>[0]>[0]) => Promise<void>,
  ) =>
    store.transaction(async (client) => {
      if (!(await repository.recordWebhookEvent(client, event.id, event.type)))
        return 'duplicate' as const;
      await apply?.(client);
      return 'processed' as const;
    });

  switch (event.type) {
    case 'payment_intent.succeeded':
    case 'payment_intent.processing':
    case 'payment_intent.payment_failed':
    case 'payment_intent.canceled':
    case 'charge.succeeded':
      return syncPayment(
        context,
        event,
        object.object === 'charge'
          ? idOf((event.data.object as Stripe.Charge).payment_intent)
          : object.id,
        record,
      );
    case 'charge.refunded':
    case 'charge.refund.updated': {
      const chargeId =
        object.object === 'refund' ? idOf((event.data.object as Stripe.Refund).charge) : object.id;
      if (!chargeId) return record();
      const charge = await stripe.charges.retrieve(chargeId);
      const order = await findOrderForPayment(context, idOf(charge.payment_intent));
      if (!order) return record();
      // Make sure the payment side is applied first: a refund can arrive before payment_intent.succeeded.
      if (order.status === 'awaiting_payment' || order.status === 'processing')
        await syncPayment(context, null, order.paymentIntentId, record);
      const refunds = await stripe.refunds.list({ charge: chargeId, limit: 100 });
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
    }
    case 'charge.dispute.created':
    case 'charge.dispute.updated':
    case 'charge.dispute.closed':
    case 'charge.dispute.funds_withdrawn':
    case 'charge.dispute.funds_reinstated': {
      const dispute = await stripe.disputes.retrieve(object.id);
      const order = await findOrderForPayment(
        context,
        idOf(dispute.payment_intent) ??
          (await paymentIntentOfCharge(context, idOf(dispute.charge))),
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
    }
    case 'account.updated': {
      const accountId = event.account ?? object.id;
      const before = await repository.findAccountById(store, accountId);
      if (!before) return record();
      const account = await stripe.accounts.retrieve(accountId);
      const snapshot = snapshotAccount(account);
      const result = await record(async (client) => {
        await repository.saveAccountStatus(client, accountId, snapshot);
      });
      context.accounts.forget(accountId);
      if (deriveOnboardingState(before.status) !== deriveOnboardingState(snapshot)) {
        await config.hooks.onRiskChanged?.({ accountId, reason: 'account.updated' });
      }
      return result;
    }
    case 'payout.paid':
    case 'payout.failed':
    case 'payout.canceled':
    case 'payout.updated':
    case 'payout.created': {
      const accountId = event.account;
      if (!accountId || !(await repository.findAccountById(store, accountId))) return record();
      const payout = await stripe.payouts.retrieve(object.id, {}, { stripeAccount: accountId });
      const result = await record(async (client) => {
        await repository.savePayout(client, {
          id: payout.id,
          accountId,
          amount: payout.amount,
          currency: payout.currency,
          status: payout.status,
          failureCode: payout.failure_code ?? null,
          failureMessage: payout.failure_message ?? null,
        });
      });
      if (payout.status === 'failed')
        await config.hooks.onRiskChanged?.({ accountId, reason: 'payout.failed' });
      return result;
    }
    default:
      await record();
      return 'ignored';
  }
}

async function paymentIntentOfCharge(
  context: RouteContext,
  chargeId: string | null,
): Promise<string | null> {
  if (!chargeId) return null;
  const charge = await context.config.stripe.charges.retrieve(chargeId);
  return idOf(charge.payment_intent);
}

async function findOrderForPayment(
  context: RouteContext,
  paymentIntentId: string | null,
): Promise<OrderRecord | null> {
  if (!paymentIntentId) return null;
  return repository.findOrderByPaymentIntent(context.config.store, paymentIntentId);
}

type Recorder = (
  apply?: (
    client: Parameters<Parameters<RouteContext['config']['store']['transaction']>[0]>[0],
  ) => Promise<void>,
) => Promise<'processed' | 'duplicate'>;

/** Brings an order in line with its PaymentIntent; plans the transfers once it has succeeded. */
async function syncPayment(
  context: RouteContext,
  event: Stripe.Event | null,
  paymentIntentId: string | null,
  record: Recorder,
): Promise<ProcessResult> {
  const { config } = context;
  const order = await findOrderForPayment(context, paymentIntentId);
  if (!order || !paymentIntentId) return event ? record() : 'ignored';
  const paymentIntent = await config.stripe.paymentIntents.retrieve(paymentIntentId);
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
    const charge = await config.stripe.charges.retrieve(chargeId);
    if (charge.amount_refunded > 0) {
      const page = await config.stripe.refunds.list({ charge: chargeId, limit: 100 });
      earlyRefunds = page.data
        .filter((refund) => refund.status === 'succeeded' || refund.status === 'pending')
        .sort((a, b) => a.created - b.created || a.id.localeCompare(b.id));
    }
  }
  let newlyPaid = false;
  const apply = async (
    client: Parameters<Parameters<RouteContext['config']['store']['transaction']>[0]>[0],
  ) => {
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
          await context.refunds.netBeforeTransfers(client, locked, refund);
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
    await config.hooks.onOrderPaid?.({
      orderId: order.id,
      paymentIntentId,
      total: order.total,
      currency: order.currency,
    });
  }
  return result;
}
