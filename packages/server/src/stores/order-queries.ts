import type { SqlClient } from './store';
import {
  integer,
  json,
  text,
  type DisputeRecord,
  type OrderRecord,
  type OrderSellerRecord,
  type OrderStatus,
  type Row,
} from './records';

function toOrder(row: Row): OrderRecord {
  return {
    id: String(row.id),
    buyerUserId: String(row.buyer_user_id),
    currency: String(row.currency),
    total: integer(row.total),
    platformFee: integer(row.platform_fee),
    status: String(row.status) as OrderStatus,
    paymentIntentId: text(row.payment_intent_id),
    chargeId: text(row.charge_id),
    refunded: integer(row.refunded),
    dispute: row.dispute ? json<DisputeRecord>(row.dispute) : null,
    sellers: json<OrderSellerRecord[]>(row.sellers),
    createdAt: integer(row.created_epoch),
  };
}

const ORDER_COLUMNS = '*, extract(epoch from created_at)::integer as created_epoch';

/**
 * Stores a new order and its rows in the per-seller index in one statement, so neither exists without
 * the other (one function call is atomic, and one round trip). `mk_insert_order` (migration 9) holds
 * the two inserts so the database plans them once per connection instead of once per order.
 */
export async function insertOrder(
  client: SqlClient,
  order: Pick<
    OrderRecord,
    'id' | 'buyerUserId' | 'currency' | 'total' | 'platformFee' | 'sellers'
  > & {
    paymentIntentId?: string | null;
  },
): Promise<void> {
  await client.query('select mk_insert_order($1, $2, $3, $4, $5, $6::jsonb, $7, $8::text[])', [
    order.id,
    order.buyerUserId,
    order.currency,
    order.total,
    order.platformFee,
    JSON.stringify(order.sellers),
    order.paymentIntentId ?? null,
    order.sellers.map((seller) => seller.sellerId),
  ]);
}

export async function findOrder(
  client: SqlClient,
  orderId: string,
  options: { forUpdate?: boolean } = {},
): Promise<OrderRecord | null> {
  const { rows } = await client.query(
    `select ${ORDER_COLUMNS} from mk_orders where id = $1${options.forUpdate ? ' for update' : ''}`,
    [orderId],
  );
  return rows[0] ? toOrder(rows[0]) : null;
}

export async function findOrderByPaymentIntent(
  client: SqlClient,
  paymentIntentId: string,
): Promise<OrderRecord | null> {
  const { rows } = await client.query(
    `select ${ORDER_COLUMNS} from mk_orders where payment_intent_id = $1`,
    [paymentIntentId],
  );
  return rows[0] ? toOrder(rows[0]) : null;
}

export async function updateOrder(
  client: SqlClient,
  orderId: string,
  changes: {
    status?: OrderStatus;
    chargeId?: string;
    refunded?: number;
    dispute?: DisputeRecord | null;
  },
): Promise<void> {
  await client.query(
    `update mk_orders set
       status = coalesce($2, status),
       charge_id = coalesce($3, charge_id),
       refunded = coalesce($4, refunded),
       dispute = case when $5::boolean then $6::jsonb else dispute end,
       updated_at = now()
     where id = $1`,
    [
      orderId,
      changes.status ?? null,
      changes.chargeId ?? null,
      changes.refunded ?? null,
      changes.dispute !== undefined,
      changes.dispute === undefined || changes.dispute === null
        ? null
        : JSON.stringify(changes.dispute),
    ],
  );
}

/** Whose orders a list shows: every order, one buyer's, or the orders one seller sold into. */
export type OrderScope =
  { kind: 'all' } | { kind: 'buyer'; userId: string } | { kind: 'seller'; userId: string };

/**
 * The statement and parameters `listOrders` runs (exported so tests and the bench can EXPLAIN it).
 * One statement per scope and cursor (no `$1 is null or …`), so each keeps its index plan when
 * prepared: every page is a range scan of one index from the cursor's (created_at, id), newest first.
 */
export function orderListQuery(
  scope: OrderScope,
  options: { limit: number; startingAfter?: string | undefined },
): { sql: string; params: unknown[] } {
  const params: unknown[] = [options.limit + 1];
  const where: string[] = [];
  if (scope.kind !== 'all') {
    params.push(scope.userId);
    where.push(`${scope.kind === 'buyer' ? 'buyer_user_id' : 'seller_id'} = $${params.length}`);
  }
  if (options.startingAfter !== undefined) {
    params.push(options.startingAfter);
    where.push(
      `(created_at, ${scope.kind === 'seller' ? 'order_id' : 'id'}) < (select created_at, id from mk_orders where id = $${params.length})`,
    );
  }
  const filter = where.length > 0 ? `where ${where.join(' and ')}` : '';
  if (scope.kind !== 'seller') {
    return {
      sql: `select ${ORDER_COLUMNS} from mk_orders ${filter} order by created_at desc, id desc limit $1`,
      params,
    };
  }
  // The seller's own rows of mk_order_sellers, newest first, then each order by its primary key.
  return {
    sql: `select orders.*, extract(epoch from orders.created_at)::integer as created_epoch
          from (select order_id, created_at from mk_order_sellers ${filter}
                order by created_at desc, order_id desc limit $1) page
          join mk_orders orders on orders.id = page.order_id
          order by page.created_at desc, page.order_id desc`,
    params,
  };
}

/**
 * A page of orders, newest first, after the order `startingAfter` (which the caller checked is in
 * scope). Reads `limit + 1` rows so the caller knows whether another page exists.
 */
export async function listOrders(
  client: SqlClient,
  scope: OrderScope,
  options: { limit: number; startingAfter?: string },
): Promise<OrderRecord[]> {
  const { sql, params } = orderListQuery(scope, options);
  const { rows } = await client.query(sql, params);
  return rows.map(toOrder);
}

/** Orders where this seller has an open dispute, for risk signals. */
export async function listOpenDisputesForAccount(
  client: SqlClient,
  accountId: string,
): Promise<OrderRecord[]> {
  const { rows } = await client.query(
    `select ${ORDER_COLUMNS} from mk_orders
     where dispute is not null and dispute->>'status' in ('needs_response', 'under_review')
       and sellers @> $1::jsonb`,
    [JSON.stringify([{ accountId }])],
  );
  return rows.map(toOrder);
}
