import type { SqlClient } from './store';
import { integer, text, type RefundRecord, type ReversalRecord, type Row } from './records';

/** Lost disputes are stored with the refunds (their reversals use the same math) under the dispute id. */
export const isDisputeRecord = (refund: RefundRecord) => refund.id.startsWith('dp_');

function toRefund(row: Row): RefundRecord {
  return {
    id: String(row.id),
    orderId: String(row.order_id),
    idempotencyKey: String(row.idempotency_key),
    amount: integer(row.amount),
    reason: String(row.reason) as RefundRecord['reason'],
    status: String(row.status) as RefundRecord['status'],
    stripeRefundId: text(row.stripe_refund_id),
    platformShare: integer(row.platform_share),
    createdAt: integer(row.created_epoch),
  };
}

const REFUND_COLUMNS = '*, extract(epoch from created_at)::integer as created_epoch';

export async function findRefundByKey(
  client: SqlClient,
  idempotencyKey: string,
): Promise<RefundRecord | null> {
  const { rows } = await client.query(
    `select ${REFUND_COLUMNS} from mk_refunds where idempotency_key = $1`,
    [idempotencyKey],
  );
  return rows[0] ? toRefund(rows[0]) : null;
}

export async function findRefundByStripeId(
  client: SqlClient,
  stripeRefundId: string,
): Promise<RefundRecord | null> {
  const { rows } = await client.query(
    `select ${REFUND_COLUMNS} from mk_refunds where stripe_refund_id = $1`,
    [stripeRefundId],
  );
  return rows[0] ? toRefund(rows[0]) : null;
}

export async function listRefundsForOrder(
  client: SqlClient,
  orderId: string,
): Promise<RefundRecord[]> {
  const { rows } = await client.query(
    `select ${REFUND_COLUMNS} from mk_refunds where order_id = $1 order by created_at, id`,
    [orderId],
  );
  return rows.map(toRefund);
}

/**
 * Records a refund with its planned reversals and adds it to the order's refunded total, in the
 * caller's transaction.
 */
export async function insertRefund(
  client: SqlClient,
  refund: Omit<RefundRecord, 'createdAt'>,
  reversals: readonly (Omit<ReversalRecord, 'refundId' | 'stripeReversalId'> & {
    stripeReversalId?: string;
    /** The part of `amount` no transfer can give back (owed as debt instead of reversed). */
    uncovered?: number;
  })[],
): Promise<void> {
  await client.query(
    `insert into mk_refunds (id, order_id, idempotency_key, amount, reason, status, stripe_refund_id, platform_share)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      refund.id,
      refund.orderId,
      refund.idempotencyKey,
      refund.amount,
      refund.reason,
      refund.status,
      refund.stripeRefundId,
      refund.platformShare,
    ],
  );
  for (const reversal of reversals) {
    await client.query(
      'insert into mk_reversals (refund_id, seller_id, transfer_id, amount, stripe_reversal_id, uncovered) values ($1, $2, $3, $4, $5, $6)',
      [
        refund.id,
        reversal.sellerId,
        reversal.transferId,
        reversal.amount,
        reversal.stripeReversalId ?? null,
        reversal.uncovered ?? 0,
      ],
    );
  }
}

/**
 * What reversals on a seller's transfer for an order may still ask Stripe for: the amount actually
 * sent (after debt netting; nothing when the transfer was netted away) minus every reversal already
 * asked for on it (refused ones included: their debt may be recovered from that same room later).
 */
export async function reversibleRoom(
  client: SqlClient,
  transfer: { orderId: string; sellerId: string; amount: number; stripeTransferId: string | null },
): Promise<number> {
  if (!transfer.stripeTransferId) return 0;
  const { rows } = await client.query(
    `select coalesce(sum(v.amount - v.uncovered), 0)::integer as used from mk_reversals v
     where v.transfer_id = $1 and v.stripe_reversal_id is distinct from 'netted'`,
    [transfer.stripeTransferId],
  );
  return Math.max(0, transfer.amount - integer(rows[0]?.used));
}

/** Takes a refund's share off a transfer that is still only planned; a transfer netted to zero is never made. */
export async function netPlannedTransfer(
  client: SqlClient,
  id: string,
  amount: number,
): Promise<void> {
  await client.query(
    `update mk_transfers set amount = amount - $2, reversed = reversed + $2,
       status = case when amount - $2 <= 0 then 'paid' else status end, updated_at = now()
     where id = $1 and status = 'planned'`,
    [id, amount],
  );
}

export async function sumReversedBySeller(
  client: SqlClient,
  orderId: string,
): Promise<Map<string, number>> {
  const { rows } = await client.query(
    `select v.seller_id, sum(v.amount)::integer as amount from mk_reversals v join mk_refunds r on r.id = v.refund_id
     where r.order_id = $1 group by v.seller_id`,
    [orderId],
  );
  return new Map(rows.map((row) => [String(row.seller_id), integer(row.amount)]));
}

/** Every reversal of an order (refunds and lost disputes), oldest first, with its refund's date. */
export async function listReversalsForOrder(
  client: SqlClient,
  orderId: string,
): Promise<(Omit<ReversalRecord, 'transferId' | 'stripeReversalId'> & { createdAt: number })[]> {
  const { rows } = await client.query(
    `select v.refund_id, v.seller_id, v.amount, extract(epoch from r.created_at)::integer as created_epoch
     from mk_reversals v join mk_refunds r on r.id = v.refund_id
     where r.order_id = $1 order by r.created_at, r.id, v.seller_id`,
    [orderId],
  );
  return rows.map((row) => ({
    refundId: String(row.refund_id),
    sellerId: String(row.seller_id),
    amount: integer(row.amount),
    createdAt: integer(row.created_epoch),
  }));
}

/** What was reversed from one seller on each of some orders, in one query (for a page of orders). */
export async function sumReversedForSeller(
  client: SqlClient,
  orderIds: readonly string[],
  sellerId: string,
): Promise<Map<string, number>> {
  const { rows } = await client.query(
    `select r.order_id, sum(v.amount)::integer as amount from mk_reversals v join mk_refunds r on r.id = v.refund_id
     where r.order_id = any($1::text[]) and v.seller_id = $2 group by r.order_id`,
    [[...orderIds], sellerId],
  );
  return new Map(rows.map((row) => [String(row.order_id), integer(row.amount)]));
}
