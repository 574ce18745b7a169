import { assertAmount } from '@marketkit/core';
import type { RefundResponse } from '@marketkit/core';
import { API_ROUTES, RefundRequestSchema } from '@marketkit/core/contract';
import { Router } from 'express';
import { requireUser, type RouteContext } from '../context';
import { HttpError } from '../errors';
import { buildOrderView } from '../order-view';
import * as repository from '../stores/repository';
import { parseRequest } from '../validation';

const ORDER_ID = /^ord_[A-Za-z0-9_-]{1,64}$/;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

export function createOrderRoutes(context: RouteContext): Router {
  const router = Router();
  const { config, refunds } = context;

  async function loadOrder(orderId: string) {
    const order = ORDER_ID.test(orderId) ? await repository.findOrder(config.store, orderId) : null;
    if (!order) throw new HttpError('not_found', 'No such order.', { param: 'orderId' });
    return order;
  }

  router.get(API_ROUTES.getOrder.path, async (request, response) => {
    const user = await requireUser(context, request);
    const order = await loadOrder(String(request.params.orderId));
    if (user.role === 'admin' || order.buyerUserId === user.userId) {
      response.json(await buildOrderView(config.store, order));
      return;
    }
    // A seller sees only their own part of an order they sold into; anyone else gets a 404, not a 403,
    // so order ids cannot be probed.
    if (order.sellers.some((seller) => seller.sellerId === user.userId)) {
      response.json(await buildOrderView(config.store, order, { onlySellerId: user.userId }));
      return;
    }
    throw new HttpError('not_found', 'No such order.', { param: 'orderId' });
  });

  router.post(API_ROUTES.createRefund.path, async (request, response) => {
    await requireUser(context, request, ['admin']);
    const body = parseRequest(RefundRequestSchema, request.body);
    const order = await loadOrder(String(request.params.orderId));
    const header = request.get('Idempotency-Key');
    if (header !== undefined && !IDEMPOTENCY_KEY.test(header)) {
      throw new HttpError(
        'invalid_request',
        'The Idempotency-Key header must be 1–200 printable ASCII characters.',
        { param: 'Idempotency-Key' },
      );
    }
    const remaining = order.total - order.refunded;
    const amount = body.amount ?? remaining;
    // Without a client key, the cumulative refunded amount identifies the refund: a retried request
    // for the same refund maps to the same Stripe refund.
    const idempotencyKey = header
      ? `refund:${order.id}:key:${header}`
      : `refund:${order.id}:upto:${order.refunded + amount}`;
    const existing = await repository.findRefundByKey(config.store, idempotencyKey);
    if (existing) {
      await refunds.executeReversals(existing.id);
      const fresh = (await repository.findOrder(config.store, order.id))!;
      const view = await buildOrderView(config.store, fresh);
      const result: RefundResponse = {
        refund: view.refunds.find((refund) => refund.id === existing.id)!,
        order: view,
      };
      response.json(result);
      return;
    }
    if (
      !order.paymentIntentId ||
      !['paid', 'partially_refunded', 'disputed'].includes(order.status)
    ) {
      throw new HttpError(
        'order_not_paid',
        `Order ${order.id} is ${order.status.replaceAll('_', ' ')}; only paid orders can be refunded.`,
      );
    }
    if (remaining <= 0 || amount > remaining) {
      throw new HttpError(
        'refund_exceeds_charge',
        `At most ${remaining} is left to refund on this order.`,
        { param: 'amount' },
      );
    }
    assertAmount(amount, order.currency);
    const transfers = await repository.listTransfersForOrder(config.store, order.id);
    if (
      transfers.some((transfer) => transfer.status === 'planned' || transfer.status === 'in_flight')
    ) {
      throw new HttpError(
        'order_not_paid',
        'The order’s transfers to sellers are still being made; retry in a few seconds.',
      );
    }
    const refund = await config.stripe.refunds.create(
      {
        payment_intent: order.paymentIntentId,
        amount,
        reason: body.reason,
        metadata: { marketkit_order_id: order.id },
      },
      { idempotencyKey },
    );
    const stored = await refunds.record(order, refund, idempotencyKey);
    const fresh = (await repository.findOrder(config.store, order.id))!;
    const view = await buildOrderView(config.store, fresh);
    await config.hooks.onRefund?.({
      orderId: order.id,
      refundId: stored.id,
      amount: stored.amount,
      currency: order.currency,
    });
    const result: RefundResponse = {
      refund: view.refunds.find((item) => item.id === stored.id)!,
      order: view,
    };
    response.json(result);
  });

  return router;
}
