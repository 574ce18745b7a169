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

export async function insertOrder(
  client: SqlClient,
  order: Pick<
    OrderRecord,
    'id' | 'buyerUserId' | 'currency' | 'total' | 'platformFee' | 'sellers'
  > & {
    paymentIntentId?: string | null;
  },
): Promise<void> {
  await client.query(
    `insert into mk_orders (id, buyer_user_id, currency, total, platform_fee, status, sellers, payment_intent_id)
     values ($1, $2, $3, $4, $5, 'awaiting_payment', $6::jsonb, $7)`,
    [
      order.id,
      order.buyerUserId,
      order.currency,
      order.total,
      order.platformFee,
      JSON.stringify(order.sellers),
      order.paymentIntentId ?? null,
    ],
  );
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
 * A page of orders, newest first, after the order `startingAfter` (which the caller checked is in
 * scope). Reads `limit + 1` rows so the caller knows whether another page exists.
 */
export async function listOrders(
  client: SqlClient,
  scope: OrderScope,
  options: { limit: number; startingAfter?: string },
): Promise<OrderRecord[]> {
  const { rows } = await client.query(
    `select ${ORDER_COLUMNS} from mk_orders
     where ($1::text is null or buyer_user_id = $1)
       and ($2::jsonb is null or sellers @> $2::jsonb)
       and ($3::text is null or (created_at, id) < (select created_at, id from mk_orders where id = $3))
     order by created_at desc, id desc
     limit $4`,
    [
      scope.kind === 'buyer' ? scope.userId : null,
      scope.kind === 'seller' ? JSON.stringify([{ sellerId: scope.userId }]) : null,
      options.startingAfter ?? null,
      options.limit + 1,
    ],
  );
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
