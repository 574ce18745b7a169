import { assertAmount, formatMoney } from '@marketkit/core';
import type { OrderSummary, OrdersPage, RefundResponse } from '@marketkit/core';
import { API_ROUTES, OrdersQuerySchema, RefundRequestSchema } from '@marketkit/core/contract';
import { Router } from 'express';
import { requireUser, type RouteContext } from '../context';
import { HttpError } from '../errors';
import { buildOrderView } from '../order-view';
import * as repository from '../stores/repository';
import type { OrderRecord, OrderScope } from '../stores/repository';
import { parseRequest } from '../validation';

const ORDER_ID = /^ord_[A-Za-z0-9_-]{1,64}$/;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
const DEFAULT_PAGE_SIZE = 10;

function inScope(order: OrderRecord, scope: OrderScope): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'buyer') return order.buyerUserId === scope.userId;
  return order.sellers.some((seller) => seller.sellerId === scope.userId);
}

/** A list row; a seller's row keeps only their own part, like `GET /orders/:orderId`. */
function toSummary(order: OrderRecord, onlySellerId?: string): OrderSummary {
  return {
    id: order.id,
    status: order.status,
    currency: order.currency,
    total: order.total,
    platformFee: onlySellerId === undefined ? order.platformFee : 0,
    refunded: order.refunded,
    createdAt: order.createdAt,
    sellers: order.sellers
      .filter((seller) => onlySellerId === undefined || seller.sellerId === onlySellerId)
      .map((seller) => ({
        sellerId: seller.sellerId,
        displayName: seller.displayName,
        subtotal: seller.subtotal,
        fee: seller.fee,
        transferAmount: seller.transfer,
      })),
  };
}

export function createOrderRoutes(context: RouteContext): Router {
  const router = Router();
  const { config, refunds } = context;

  async function loadOrder(orderId: string) {
    const order = ORDER_ID.test(orderId) ? await repository.findOrder(config.store, orderId) : null;
    if (!order) throw new HttpError('not_found', 'No such order.', { param: 'orderId' });
    return order;
  }

  router.get(API_ROUTES.listOrders.path, async (request, response) => {
    const user = await requireUser(context, request);
    const query = parseRequest(OrdersQuerySchema, { ...request.query });
    const scope: OrderScope =
      user.role === 'admin'
        ? { kind: 'all' }
        : user.role === 'seller'
          ? { kind: 'seller', userId: user.userId }
          : { kind: 'buyer', userId: user.userId };
    if (query.startingAfter !== undefined) {
      // A cursor outside the caller's list is refused like an unknown one, so ids cannot be probed.
      const cursor = ORDER_ID.test(query.startingAfter)
        ? await repository.findOrder(config.store, query.startingAfter)
        : null;
      if (!cursor || !inScope(cursor, scope)) {
        throw new HttpError('invalid_request', 'No such order in your list to start after.', {
          param: 'startingAfter',
        });
      }
    }
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await repository.listOrders(config.store, scope, {
      limit,
      ...(query.startingAfter ? { startingAfter: query.startingAfter } : {}),
    });
    const hasMore = rows.length > limit;
    const data = rows
      .slice(0, limit)
      .map((order) => toSummary(order, scope.kind === 'seller' ? user.userId : undefined));
    const result: OrdersPage = {
      data,
      hasMore,
      nextCursor: hasMore ? (data[data.length - 1]?.id ?? null) : null,
    };
    response.json(result);
  });

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
    if (order.status === 'dispute_lost') {
      throw new HttpError(
        'order_not_refundable',
        `Order ${order.id} lost its dispute: the customer's bank already returned the money, so it cannot be refunded.`,
      );
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
        `At most ${formatMoney(Math.max(0, remaining), order.currency)} is left to refund on this order.`,
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
