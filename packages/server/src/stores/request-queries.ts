// Money-moving requests (refunds, payouts) are stored with their idempotency key before Stripe is
// called, so a retry after a failure finds the first attempt and finishes it instead of starting another.
import { integer, text, type Row } from './records';
import type { SqlClient } from './store';

export type MoneyRequestStatus = 'pending' | 'succeeded' | 'failed';

export interface RefundRequestRecord {
  idempotencyKey: string;
  orderId: string;
  amount: number;
  reason: 'requested_by_customer' | 'duplicate' | 'fraudulent';
  status: MoneyRequestStatus;
  refundId: string | null;
  /** Bumped when Stripe answered a 5xx and has no refund for the request: the next call gets a new key. */
  keyGeneration: number;
}

export interface PayoutRequestRecord {
  idempotencyKey: string;
  accountId: string;
  amount: number;
  currency: string;
  method: 'standard' | 'instant';
  status: MoneyRequestStatus;
  payoutId: string | null;
}

function toRefundRequest(row: Row): RefundRequestRecord {
  return {
    idempotencyKey: String(row.idempotency_key),
    orderId: String(row.order_id),
    amount: integer(row.amount),
    reason: String(row.reason) as RefundRequestRecord['reason'],
    status: String(row.status) as MoneyRequestStatus,
    refundId: text(row.refund_id),
    keyGeneration: integer(row.key_generation),
  };
}

function toPayoutRequest(row: Row): PayoutRequestRecord {
  return {
    idempotencyKey: String(row.idempotency_key),
    accountId: String(row.account_id),
    amount: integer(row.amount),
    currency: String(row.currency),
    method: String(row.method) as PayoutRequestRecord['method'],
    status: String(row.status) as MoneyRequestStatus,
    payoutId: text(row.payout_id),
  };
}

/** The queries both request tables share; each table names its owner (order or account) column. */
function requestTable<Record>(
  table: string,
  owner: string,
  result: string,
  toRecord: (row: Row) => Record,
) {
  return {
    async find(client: SqlClient, idempotencyKey: string): Promise<Record | null> {
      const { rows } = await client.query(`select * from ${table} where idempotency_key = $1`, [
        idempotencyKey,
      ]);
      return rows[0] ? toRecord(rows[0]) : null;
    },
    /** The owner's unfinished request, if any (at most one: a unique index enforces it). */
    async findPending(client: SqlClient, ownerId: string): Promise<Record | null> {
      const { rows } = await client.query(
        `select * from ${table} where ${owner} = $1 and status = 'pending'`,
        [ownerId],
      );
      return rows[0] ? toRecord(rows[0]) : null;
    },
    async settle(
      client: SqlClient,
      idempotencyKey: string,
      outcome: { status: 'succeeded'; id: string } | { status: 'failed' },
    ): Promise<void> {
      await client.query(
        `update ${table} set status = $2, ${result} = $3, updated_at = now() where idempotency_key = $1`,
        [idempotencyKey, outcome.status, outcome.status === 'succeeded' ? outcome.id : null],
      );
    },
  };
}

const refundRequests = requestTable('mk_refund_requests', 'order_id', 'refund_id', toRefundRequest);
const payoutRequests = requestTable(
  'mk_payout_requests',
  'account_id',
  'payout_id',
  toPayoutRequest,
);

export const findRefundRequest = refundRequests.find;
export const findPendingRefundRequest = refundRequests.findPending;
export const settleRefundRequest = refundRequests.settle;
export const findPayoutRequest = payoutRequests.find;
export const findPendingPayoutRequest = payoutRequests.findPending;
export const settlePayoutRequest = payoutRequests.settle;

/** Inserts a pending request; false when the key exists or the order already has a pending one. */
export async function insertRefundRequest(
  client: SqlClient,
  request: Omit<RefundRequestRecord, 'status' | 'refundId' | 'keyGeneration'>,
): Promise<boolean> {
  const { rows } = await client.query(
    `insert into mk_refund_requests (idempotency_key, order_id, amount, reason, status)
     values ($1, $2, $3, $4, 'pending') on conflict do nothing returning idempotency_key`,
    [request.idempotencyKey, request.orderId, request.amount, request.reason],
  );
  return rows.length > 0;
}

/** Inserts a pending request; false when the key exists or the account already has a pending one. */
export async function insertPayoutRequest(
  client: SqlClient,
  request: Omit<PayoutRequestRecord, 'status' | 'payoutId'>,
): Promise<boolean> {
  const { rows } = await client.query(
    `insert into mk_payout_requests (idempotency_key, account_id, amount, currency, method, status)
     values ($1, $2, $3, $4, $5, 'pending') on conflict do nothing returning idempotency_key`,
    [request.idempotencyKey, request.accountId, request.amount, request.currency, request.method],
  );
  return rows.length > 0;
}

/** The Stripe idempotency key of a refund request's current attempt: generation 0 keeps the request's key. */
export function refundRequestStripeKey(request: RefundRequestRecord): string {
  return request.keyGeneration === 0
    ? request.idempotencyKey
    : `${request.idempotencyKey}:g${request.keyGeneration}`;
}

/** After a replayed 5xx with no refund on Stripe: the next attempt goes out under a fresh key. */
export async function nextRefundRequestKey(
  client: SqlClient,
  idempotencyKey: string,
): Promise<void> {
  await client.query(
    `update mk_refund_requests set key_generation = key_generation + 1, updated_at = now()
     where idempotency_key = $1 and status = 'pending'`,
    [idempotencyKey],
  );
}
