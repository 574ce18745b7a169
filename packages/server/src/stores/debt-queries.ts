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
  orderId: string;
  refundId: string;
  createdAt: Date;
}

export interface DebtRepayment {
  debtId: string;
  orderId: string;
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
    orderId: String(row.order_id),
    refundId: String(row.refund_id),
    createdAt: new Date(String(row.created_at)),
  };
}

/**
 * Settles a refused reversal as debt, in one transaction: the reversal stops being pending and the
 * seller owes its amount (per currency, linked to the order and refund). Null if already settled.
 */
export async function recordRefusedReversal(
  client: SqlClient,
  refundId: string,
  sellerId: string,
): Promise<DebtRecord | null> {
  const { rows } = await client.query(
    `update mk_reversals set stripe_reversal_id = 'refused'
     where refund_id = $1 and seller_id = $2 and stripe_reversal_id is null
     returning transfer_id, amount`,
    [refundId, sellerId],
  );
  const reversal = rows[0];
  if (!reversal) return null;
  const inserted = await client.query(
    `insert into mk_debts (id, seller_id, account_id, currency, amount, order_id, refund_id)
     select $1, t.seller_id, t.account_id, t.currency, $3, t.order_id, $4
     from mk_transfers t where t.stripe_transfer_id = $2
     returning *`,
    [`debt:${refundId}:${sellerId}`, reversal.transfer_id, integer(reversal.amount), refundId],
  );
  return inserted.rows[0] ? toDebt(inserted.rows[0]) : null;
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
    `select * from mk_debts where seller_id = $1 and currency = $2 and recovered < amount
     order by created_at, id for update`,
    [sellerId, currency],
  );
  const repayments: DebtRepayment[] = [];
  let left = available;
  for (const debt of rows.map(toDebt)) {
    if (left <= 0) break;
    const amount = Math.min(left, debt.amount - debt.recovered);
    await client.query('update mk_debts set recovered = recovered + $2 where id = $1', [
      debt.id,
      amount,
    ]);
    await client.query(
      'insert into mk_debt_repayments (debt_id, order_id, amount) values ($1, $2, $3)',
      [debt.id, orderId, amount],
    );
    repayments.push({ debtId: debt.id, orderId, sellerId, currency, amount });
    left -= amount;
  }
  return repayments;
}

export async function listDebtRepaymentsForOrder(
  client: SqlClient,
  orderId: string,
): Promise<DebtRepayment[]> {
  const { rows } = await client.query(
    `select r.debt_id, r.order_id, r.amount, d.seller_id, d.currency
     from mk_debt_repayments r join mk_debts d on d.id = r.debt_id
     where r.order_id = $1 order by r.debt_id`,
    [orderId],
  );
  return rows.map((row) => ({
    debtId: String(row.debt_id),
    orderId: String(row.order_id),
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
