import { randomBytes } from 'node:crypto';
import { assertAmount, formatMoney } from '@marketkit/core';
import type { RefundReason, RefundResponse } from '@marketkit/core';
import { HttpError } from '../http/errors';
import { assertRetryable, findStoredRequest } from '../http/idempotency';
import { buildOrderView } from '../orders/order-view';
import { callStripe, isServerError } from '../outbox/retry';
import type { MarketkitConfig } from '../parse-options';
import * as repository from '../stores/repository';
import type { OrderRecord, RefundRequestRecord } from '../stores/repository';
import type { RefundService } from './refund-service';

export interface RefundRequestInput {
  /** Omitted: everything left to refund (or, when retrying, the unfinished request's amount). */
  amount?: number;
  reason: RefundReason;
  /** The client's `Idempotency-Key` header, already checked for shape. */
  idempotencyKey?: string;
}

const REFUNDABLE = ['paid', 'partially_refunded', 'disputed'];

/**
 * An admin's refund, safe to retry. The request (order, amount, key) is stored before Stripe is called,
 * so a retry after a failure finds it and completes it with the same Stripe idempotency key:
 * - with an `Idempotency-Key`, the retry names its request;
 * - without one, the order's unfinished request is resumed by a request for the same amount (or no
 *   amount); a different amount gets `409 refund_in_progress` until the first one is finished.
 */
export function createRefundRequests(config: MarketkitConfig, refunds: RefundService) {
  const { store, stripe } = config;

  const findExisting = (order: OrderRecord, input: RefundRequestInput) =>
    findStoredRequest<RefundRequestRecord>({
      clientKey: input.idempotencyKey,
      byKey: (key) => repository.findRefundRequest(store, `refund:${order.id}:key:${key}`),
      pending: () => repository.findPendingRefundRequest(store, order.id),
      matches: (stored) =>
        (input.amount ?? stored.amount) === stored.amount && input.reason === stored.reason,
      describe: (stored) => `a refund of ${stored.amount} (${stored.reason}) on this order`,
      inProgress: 'refund_in_progress',
    });

  /** Checks a new refund against the order and stores it as pending; returns the stored request. */
  async function open(order: OrderRecord, input: RefundRequestInput): Promise<RefundRequestRecord> {
    if (order.status === 'dispute_lost') {
      throw new HttpError(
        'order_not_refundable',
        `Order ${order.id} lost its dispute: the customer's bank already returned the money, so it cannot be refunded.`,
      );
    }
    if (!order.paymentIntentId || !REFUNDABLE.includes(order.status)) {
      throw new HttpError(
        'order_not_paid',
        `Order ${order.id} is ${order.status.replaceAll('_', ' ')}; only paid orders can be refunded.`,
      );
    }
    const remaining = order.total - order.refunded;
    const amount = input.amount ?? remaining;
    if (remaining <= 0 || amount > remaining) {
      throw new HttpError(
        'refund_exceeds_charge',
        `At most ${formatMoney(Math.max(0, remaining), order.currency)} is left to refund on this order.`,
        { param: 'amount' },
      );
    }
    assertAmount(amount, order.currency);
    const transfers = await repository.listTransfersForOrder(store, order.id);
    if (transfers.some((row) => row.status === 'planned' || row.status === 'in_flight')) {
      throw new HttpError(
        'order_not_paid',
        'The order’s transfers to sellers are still being made; retry in a few seconds.',
      );
    }
    const request = {
      idempotencyKey:
        input.idempotencyKey !== undefined
          ? `refund:${order.id}:key:${input.idempotencyKey}`
          : `refund:${order.id}:request:${randomBytes(12).toString('base64url')}`,
      orderId: order.id,
      amount,
      reason: input.reason,
    };
    if (await repository.insertRefundRequest(store, request))
      return { ...request, status: 'pending', refundId: null, keyGeneration: 0 };
    // Lost a race: a double click with the same key, or another refund of the order just started.
    const winner = await findExisting(order, input);
    if (!winner) throw new HttpError('refund_in_progress', 'Another refund just started; retry.');
    return winner;
  }

  async function complete(order: OrderRecord, request: RefundRequestRecord): Promise<string> {
    if (request.status === 'succeeded') return request.refundId!;
    assertRetryable(request);
    const refund = await callStripe(
      () =>
        stripe.refunds.create(
          {
            payment_intent: order.paymentIntentId!,
            amount: request.amount,
            reason: request.reason,
            metadata: { marketkit_order_id: order.id, marketkit_request: request.idempotencyKey },
          },
          { idempotencyKey: repository.refundRequestStripeKey(request) },
        ),
      () => repository.settleRefundRequest(store, request.idempotencyKey, { status: 'failed' }),
    ).catch(async (error: unknown) => {
      if (!isServerError(error)) throw error;
      // Stripe saves a 500 for the key and replays it: look for the refund under any key, adopt it,
      // or re-key the request so the client's retry makes a real attempt.
      const page = await stripe.refunds.list({
        payment_intent: order.paymentIntentId!,
        limit: 100,
      });
      const made = page.data.find(
        (candidate) => candidate.metadata?.marketkit_request === request.idempotencyKey,
      );
      if (made) return made;
      await repository.nextRefundRequestKey(store, request.idempotencyKey);
      throw error;
    });
    // Records the refund and plans its reversals, which the outbox worker makes.
    const stored = await refunds.record(order, refund, request.idempotencyKey);
    await repository.settleRefundRequest(store, request.idempotencyKey, {
      status: 'succeeded',
      id: stored.id,
    });
    await config.hooks.onRefund?.({
      orderId: order.id,
      refundId: stored.id,
      amount: stored.amount,
      currency: order.currency,
    });
    return stored.id;
  }

  return {
    async refund(order: OrderRecord, input: RefundRequestInput): Promise<RefundResponse> {
      const request = (await findExisting(order, input)) ?? (await open(order, input));
      const refundId = await complete(order, request);
      const view = await buildOrderView(store, (await repository.findOrder(store, order.id))!);
      return { refund: view.refunds.find((item) => item.id === refundId)!, order: view };
    },
  };
}

export type RefundRequests = ReturnType<typeof createRefundRequests>;
