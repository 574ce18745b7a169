import { repayFromTransfer } from './debt-queries';
import type { SqlClient } from './store';
import {
  integer,
  text,
  type OrderRecord,
  type Row,
  type TransferRecord,
  type TransferStatus,
} from './records';

function toTransfer(row: Row): TransferRecord {
  return {
    id: String(row.id),
    orderId: String(row.order_id),
    sellerId: String(row.seller_id),
    accountId: String(row.account_id),
    amount: integer(row.amount),
    currency: String(row.currency),
    status: String(row.status) as TransferStatus,
    sourceTransaction: String(row.source_transaction),
    stripeTransferId: text(row.stripe_transfer_id),
    reversed: integer(row.reversed),
    attempts: integer(row.attempts),
    lastError: text(row.last_error),
    fence: integer(row.fence),
    keyGeneration: integer(row.key_generation),
  };
}

/** The idempotency key of a row's current attempt: generation 0 keeps the historical key. */
export function transferIdempotencyKey(transfer: TransferRecord): string {
  return transfer.keyGeneration === 0 ? transfer.id : `${transfer.id}:g${transfer.keyGeneration}`;
}

/** Who may settle a row: its id and the fencing token of the claim. */
export type TransferClaim = Pick<TransferRecord, 'id' | 'fence'>;

/** The idempotency key (and row id) of a seller's transfer for an order: one transfer, ever. */
export function transferKey(orderId: string, sellerId: string): string {
  return `transfer:${orderId}:${sellerId}`;
}

/**
 * Plans one transfer per seller; repeated calls (duplicate webhooks) plan nothing new. What a seller
 * owes from refused reversals is taken off their new transfer first (the order records which debt it
 * repaid); a transfer netted to zero is never made.
 */
export async function planTransfers(
  client: SqlClient,
  order: OrderRecord,
  chargeId: string,
): Promise<number> {
  let planned = 0;
  for (const seller of order.sellers) {
    if (seller.transfer <= 0) continue;
    const id = transferKey(order.id, seller.sellerId);
    const { rows } = await client.query(
      `insert into mk_transfers (id, order_id, seller_id, account_id, amount, currency, source_transaction)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing returning id`,
      [id, order.id, seller.sellerId, seller.accountId, seller.transfer, order.currency, chargeId],
    );
    planned += rows.length;
    if (rows.length === 0) continue;
    const repayments = await repayFromTransfer(
      client,
      seller.sellerId,
      order.currency,
      order.id,
      seller.transfer,
    );
    const repaid = repayments.reduce((sum, repayment) => sum + repayment.amount, 0);
    if (repaid > 0)
      await client.query(
        `update mk_transfers set amount = amount - $2,
           status = case when amount - $2 <= 0 then 'paid' else status end, updated_at = now()
         where id = $1`,
        [id, repaid],
      );
  }
  return planned;
}

export async function listTransfersForOrder(
  client: SqlClient,
  orderId: string,
): Promise<TransferRecord[]> {
  const { rows } = await client.query(
    'select * from mk_transfers where order_id = $1 order by seller_id',
    [orderId],
  );
  return rows.map(toTransfer);
}

/**
 * Claims up to `limit` due transfers for `leaseSeconds`. `skip locked` lets several instances claim
 * disjoint rows; the lease lets another instance resume a row whose worker died mid-call.
 */
export async function claimDueTransfers(
  client: SqlClient,
  limit: number,
  leaseSeconds: number,
): Promise<TransferRecord[]> {
  const { rows } = await client.query(
    `update mk_transfers set status = 'in_flight', attempts = attempts + 1, fence = fence + 1,
       locked_until = now() + make_interval(secs => $2), updated_at = now()
     where id in (
       select id from mk_transfers
       where (status = 'planned' and next_attempt_at <= now())
          or (status = 'in_flight' and (locked_until is null or locked_until <= now()))
       order by next_attempt_at, id
       limit $1
       for update skip locked
     )
     returning *`,
    [limit, leaseSeconds],
  );
  return rows.map(toTransfer);
}

/** Extends the claim's lease while its Stripe call is in flight; false once another claim took over. */
export async function renewTransferLease(
  client: SqlClient,
  claim: TransferClaim,
  leaseSeconds: number,
): Promise<boolean> {
  const { rows } = await client.query(
    `update mk_transfers set locked_until = now() + make_interval(secs => $3)
     where id = $1 and fence = $2 and status = 'in_flight' returning id`,
    [claim.id, claim.fence, leaseSeconds],
  );
  return rows.length > 0;
}

/** Settles the row as paid, only for the current claim; false when a later claim owns it. */
export async function completeTransfer(
  client: SqlClient,
  claim: TransferClaim,
  stripeTransferId: string,
): Promise<boolean> {
  const { rows } = await client.query(
    `update mk_transfers set status = 'paid', stripe_transfer_id = $3, locked_until = null, last_error = null, updated_at = now()
     where id = $1 and fence = $2 and status = 'in_flight' returning id`,
    [claim.id, claim.fence, stripeTransferId],
  );
  return rows.length > 0;
}

/**
 * Puts the row back for a later attempt, only for the current claim. `refundAttempt` gives back the
 * attempt when the call was not a failure (a 429, a twin request in flight); `nextKeyGeneration` when
 * Stripe saved an error for the key and the next call must go out under a fresh one.
 */
export async function retryTransferLater(
  client: SqlClient,
  claim: TransferClaim,
  delayMs: number,
  error: string,
  options: { refundAttempt?: boolean; nextKeyGeneration?: boolean } = {},
): Promise<boolean> {
  const { rows } = await client.query(
    `update mk_transfers set status = 'planned', locked_until = null, last_error = $4,
       attempts = attempts - $5, key_generation = key_generation + $6,
       next_attempt_at = now() + make_interval(secs => $3), updated_at = now()
     where id = $1 and fence = $2 and status = 'in_flight' returning id`,
    [
      claim.id,
      claim.fence,
      delayMs / 1000,
      error,
      options.refundAttempt ? 1 : 0,
      options.nextKeyGeneration ? 1 : 0,
    ],
  );
  return rows.length > 0;
}

/** Settles the row as failed, only for the current claim; false when a later claim owns it. */
export async function failTransfer(
  client: SqlClient,
  claim: TransferClaim,
  error: string,
): Promise<boolean> {
  const { rows } = await client.query(
    `update mk_transfers set status = 'failed', locked_until = null, last_error = $3, updated_at = now()
     where id = $1 and fence = $2 and status = 'in_flight' returning id`,
    [claim.id, claim.fence, error],
  );
  return rows.length > 0;
}

/** When the next transfer becomes due, in milliseconds from now (null when nothing is waiting). */
export async function msUntilNextTransfer(client: SqlClient): Promise<number | null> {
  const { rows } = await client.query<{ wait: number | null }>(
    `select greatest(0, extract(epoch from min(case when status = 'planned' then next_attempt_at else coalesce(locked_until, now()) end) - now()) * 1000)::float8 as wait
     from mk_transfers where status in ('planned', 'in_flight')`,
  );
  const wait = rows[0]?.wait;
  return wait === null || wait === undefined ? null : Number(wait);
}

export async function countUnsettledTransfers(client: SqlClient): Promise<number> {
  const { rows } = await client.query<{ count: number }>(
    `select count(*)::integer as count from mk_transfers where status in ('planned', 'in_flight')`,
  );
  return integer(rows[0]?.count);
}

/** Amounts still owed to sellers (planned or in flight), per currency. */
export async function sumTransfersOwed(
  client: SqlClient,
): Promise<{ currency: string; amount: number }[]> {
  const { rows } = await client.query(
    `select currency, sum(amount)::integer as amount from mk_transfers where status in ('planned', 'in_flight') group by currency order by currency`,
  );
  return rows.map((row) => ({ currency: String(row.currency), amount: integer(row.amount) }));
}
