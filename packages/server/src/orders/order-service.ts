import type { OrderView, OrdersPage } from '@marketkit/core';
import { HttpError } from '../http/errors';
import type { AuthenticatedUser } from '../options';
import type { MarketkitConfig } from '../parse-options';
import * as repository from '../stores/repository';
import type { OrderRecord, OrderScope } from '../stores/repository';
import {
  buildOrderView,
  buildSellerOrderView,
  toOrderSummary,
  toSellerOrderSummary,
} from './order-view';

/** A cursor query as `CursorQuerySchema` parses it. */
export interface CursorQuery {
  limit?: number | undefined;
  startingAfter?: string | undefined;
}

const ORDER_ID = /^ord_[A-Za-z0-9_-]{1,64}$/;
const DEFAULT_PAGE_SIZE = 10;

export interface OrderService {
  /** The order, or `404 not_found` (also for a malformed id). */
  find(orderId: string): Promise<OrderRecord>;
  /** The caller's orders, newest first: all for an admin, their own for a buyer, their part for a seller. */
  list(user: AuthenticatedUser, query: CursorQuery): Promise<OrdersPage>;
  /** The whole order for its buyer and admins; a seller's own part for a seller; 404 for anyone else. */
  view(user: AuthenticatedUser, orderId: string): Promise<OrderView>;
}

function scopeOf(user: AuthenticatedUser): OrderScope {
  if (user.role === 'admin') return { kind: 'all' };
  return user.role === 'seller'
    ? { kind: 'seller', userId: user.userId }
    : { kind: 'buyer', userId: user.userId };
}

function inScope(order: OrderRecord, scope: OrderScope): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'buyer') return order.buyerUserId === scope.userId;
  return order.sellers.some((seller) => seller.sellerId === scope.userId);
}

export function createOrderService(config: MarketkitConfig): OrderService {
  const { store } = config;
  const notFound = () => new HttpError('not_found', 'No such order.', { param: 'orderId' });

  async function find(orderId: string): Promise<OrderRecord> {
    const order = ORDER_ID.test(orderId) ? await repository.findOrder(store, orderId) : null;
    if (!order) throw notFound();
    return order;
  }

  return {
    find,
    async list(user, query) {
      const scope = scopeOf(user);
      if (query.startingAfter !== undefined) {
        // A cursor outside the caller's list is refused like an unknown one, so ids cannot be probed.
        const cursor = ORDER_ID.test(query.startingAfter)
          ? await repository.findOrder(store, query.startingAfter)
          : null;
        if (!cursor || !inScope(cursor, scope)) {
          throw new HttpError('invalid_request', 'No such order in your list to start after.', {
            param: 'startingAfter',
          });
        }
      }
      const limit = query.limit ?? DEFAULT_PAGE_SIZE;
      const rows = await repository.listOrders(store, scope, {
        limit,
        ...(query.startingAfter ? { startingAfter: query.startingAfter } : {}),
      });
      const hasMore = rows.length > limit;
      const page = rows.slice(0, limit);
      let data: OrdersPage['data'];
      if (scope.kind === 'seller') {
        const reversed = await repository.sumReversedForSeller(
          store,
          page.map((order) => order.id),
          scope.userId,
        );
        data = page.map((order) =>
          toSellerOrderSummary(order, scope.userId, reversed.get(order.id) ?? 0),
        );
      } else {
        data = page.map(toOrderSummary);
      }
      return { data, hasMore, nextCursor: hasMore ? (data[data.length - 1]?.id ?? null) : null };
    },
    async view(user, orderId) {
      const order = await find(orderId);
      if (user.role === 'admin' || order.buyerUserId === user.userId)
        return buildOrderView(store, order);
      // A seller sees only their own part; anyone else gets a 404, not a 403, so ids cannot be probed.
      if (order.sellers.some((seller) => seller.sellerId === user.userId))
        return buildSellerOrderView(store, order, user.userId);
      throw notFound();
    },
  };
}
