import { integer, type Row } from './records';
import type { SqlClient } from './store';

/** What a seller owes the platform: the part of a refund or lost dispute Stripe would not reverse. */
export interface DebtRecord {
  id: string;
  sellerId: string;
  accountId: string;
  currency: string;
  amount: number;
  recovered: number;
  /** Reserved by a recovery reversal in flight. */
  reversing: number;
  orderId: string;
  refundId: string;
  createdAt: Date;
}

export interface DebtRepayment {
  debtId: string;
  /** The order whose transfer repaid it (netting), or the debt's own order (reversal). */
  orderId: string;
  method: 'netting' | 'reversal';
  sellerId: string;
  currency: string;
  amount: number;
}

function toDebt(row: Row): DebtRecord {
  return {
    id: String(row.id),
    sellerId: String(row.seller_id),
    accountId: String(row.account_id),
    currency: String(row.currency),
    amount: integer(row.amount),
    recovered: integer(row.recovered),
    reversing: integer(row.reversing),
    orderId: String(row.order_id),
    refundId: String(row.refund_id),
    createdAt: new Date(String(row.created_at)),
  };
}

/**
 * Adds `amount` to what a seller owes for a refund (one debt per refund and seller, per currency,
 * linked to its order). `reversible` of it can still be reversed from `transferId` once the seller has
 * funds; the rest (a share no transfer can give back) is recovered by netting only.
 */
export async function addDebt(
  client: SqlClient,
  input: {
    refundId: string;
    sellerId: string;
    accountId: string;
    currency: string;
    orderId: string;
    amount: number;
    reversible: number;
    transferId: string | null;
    /** When to try the reversal again without a `balance.available` (null: only on that event). */
    retryAfterMs: number | null;
  },
): Promise<DebtRecord & { added: number }> {
  const { rows } = await client.query(
    `insert into mk_debts (id, seller_id, account_id, currency, amount, order_id, refund_id, reversible, transfer_id, recovery_next_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9,
       case when $8 > 0 and $10::float8 is not null then now() + make_interval(secs => $10::float8) end)
     on conflict (id) do update set amount = mk_debts.amount + excluded.amount,
       reversible = mk_debts.reversible + excluded.reversible,
       transfer_id = coalesce(excluded.transfer_id, mk_debts.transfer_id),
       recovery_next_at = coalesce(mk_debts.recovery_next_at, excluded.recovery_next_at)
     returning *`,
    [
      `debt:${input.refundId}:${input.sellerId}`,
      input.sellerId,
      input.accountId,
      input.currency,
      input.amount,
      input.orderId,
      input.refundId,
      input.reversible,
      input.transferId,
      input.retryAfterMs === null ? null : input.retryAfterMs / 1000,
    ],
  );
  return { ...toDebt(rows[0]!), added: input.amount };
}

/**
 * Settles a refused reversal as debt, in one transaction and only for the current claim: the reversal
 * stops being pending and the seller owes what Stripe refused. Null for a stale claim.
 */
export async function recordRefusedReversal(
  client: SqlClient,
  claim: { refundId: string; sellerId: string; fence: number },
  error: string,
  retryAfterMs: number | null,
): Promise<(DebtRecord & { added: number }) | null> {
  const { rows } = await client.query(
    `update mk_reversals v set stripe_reversal_id = 'refused', locked_until = null, last_error = $4
     where refund_id = $1 and seller_id = $2 and fence = $3 and stripe_reversal_id is null
     returning transfer_id, amount - uncovered as amount`,
    [claim.refundId, claim.sellerId, claim.fence, error],
  );
  const reversal = rows[0];
  if (!reversal) return null;
  const transfer = await client.query(
    'select seller_id, account_id, currency, order_id from mk_transfers where stripe_transfer_id = $1',
    [reversal.transfer_id],
  );
  const row = transfer.rows[0]!;
  return addDebt(client, {
    refundId: claim.refundId,
    sellerId: String(row.seller_id),
    accountId: String(row.account_id),
    currency: String(row.currency),
    orderId: String(row.order_id),
    amount: integer(reversal.amount),
    reversible: integer(reversal.amount),
    transferId: String(reversal.transfer_id),
    retryAfterMs,
  });
}

/**
 * Takes what the seller owes in this currency off a transfer being planned, oldest debt first, and
 * records which debts the order repaid. Returns the repayments (their sum is what the transfer shrinks by).
 */
export async function repayFromTransfer(
  client: SqlClient,
  sellerId: string,
  currency: string,
  orderId: string,
  available: number,
): Promise<DebtRepayment[]> {
  const { rows } = await client.query(
    `select * from mk_debts where seller_id = $1 and currency = $2 and recovered + reversing < amount
     order by created_at, id for update`,
    [sellerId, currency],
  );
  const repayments: DebtRepayment[] = [];
  let left = available;
  for (const debt of rows.map(toDebt)) {
    if (left <= 0) break;
    // What a recovery reversal has in flight is not netted as well.
    const amount = Math.min(left, debt.amount - debt.recovered - debt.reversing);
    await client.query('update mk_debts set recovered = recovered + $2 where id = $1', [
      debt.id,
      amount,
    ]);
    await client.query(
      'insert into mk_debt_repayments (debt_id, order_id, amount) values ($1, $2, $3)',
      [debt.id, orderId, amount],
    );
    repayments.push({ debtId: debt.id, orderId, method: 'netting', sellerId, currency, amount });
    left -= amount;
  }
  return repayments;
}

export async function listDebtRepaymentsForOrder(
  client: SqlClient,
  orderId: string,
): Promise<DebtRepayment[]> {
  const { rows } = await client.query(
    `select r.debt_id, r.order_id, r.amount, r.method, d.seller_id, d.currency
     from mk_debt_repayments r join mk_debts d on d.id = r.debt_id
     where r.order_id = $1 and r.method = 'netting' order by r.debt_id`,
    [orderId],
  );
  return rows.map((row) => ({
    debtId: String(row.debt_id),
    orderId: String(row.order_id),
    method: String(row.method) as DebtRepayment['method'],
    sellerId: String(row.seller_id),
    currency: String(row.currency),
    amount: integer(row.amount),
  }));
}

/** A seller's debts (open first), or every seller's when `sellerId` is null. */
export async function listDebts(client: SqlClient, sellerId: string | null): Promise<DebtRecord[]> {
  const { rows } = await client.query(
    `select * from mk_debts where ($1::text is null or seller_id = $1)
     order by recovered >= amount, created_at, id`,
    [sellerId],
  );
  return rows.map(toDebt);
}

export async function listDebtsOfAccount(
  client: SqlClient,
  accountId: string,
): Promise<DebtRecord[]> {
  const { rows } = await client.query(
    'select * from mk_debts where account_id = $1 order by created_at, id',
    [accountId],
  );
  return rows.map(toDebt);
}
