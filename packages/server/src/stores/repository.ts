// Every query MarketKit runs, written once for both stores. Functions take the client to run on so the
// same query works inside or outside a transaction.
import type { SqlClient } from './store';

export interface StoredAccountSnapshot {
  id: string;
  country: string | null;
  default_currency: string | null;
  details_submitted: boolean;
  charges_enabled: boolean;
  payouts_enabled: boolean;
  capabilities: { transfers?: string | null; card_payments?: string | null };
  requirements: {
    currently_due: string[];
    eventually_due: string[];
    past_due: string[];
    pending_verification: string[];
    disabled_reason: string | null;
    current_deadline: number | null;
    errors: { requirement: string; code: string; reason: string }[];
  };
  dashboard: 'express' | 'full' | 'none';
}

export interface AccountRecord {
  userId: string;
  accountId: string | null;
  displayName: string;
  email: string | null;
  country: string | null;
  status: StoredAccountSnapshot | null;
}

export interface OrderSellerRecord {
  sellerId: string;
  accountId: string;
  displayName: string;
  subtotal: number;
  fee: number;
  transfer: number;
  lines: { description: string; amount: number; quantity: number }[];
}

export type OrderStatus =
  | 'awaiting_payment'
  | 'processing'
  | 'paid'
  | 'payment_failed'
  | 'canceled'
  | 'partially_refunded'
  | 'refunded'
  | 'disputed'
  | 'dispute_lost';

export interface DisputeRecord {
  id: string;
  status: 'needs_response' | 'under_review' | 'won' | 'lost';
  amount: number;
  reason: string;
}

export interface OrderRecord {
  id: string;
  buyerUserId: string;
  currency: string;
  total: number;
  platformFee: number;
  status: OrderStatus;
  paymentIntentId: string | null;
  chargeId: string | null;
  refunded: number;
  dispute: DisputeRecord | null;
  sellers: OrderSellerRecord[];
  createdAt: number;
}

export type TransferStatus = 'planned' | 'in_flight' | 'paid' | 'failed';

export interface TransferRecord {
  id: string;
  orderId: string;
  sellerId: string;
  accountId: string;
  amount: number;
  currency: string;
  status: TransferStatus;
  sourceTransaction: string;
  stripeTransferId: string | null;
  reversed: number;
  attempts: number;
  lastError: string | null;
}

export interface RefundRecord {
  id: string;
  orderId: string;
  idempotencyKey: string;
  amount: number;
  reason: 'requested_by_customer' | 'duplicate' | 'fraudulent';
  status: 'pending' | 'succeeded' | 'failed' | 'canceled';
  stripeRefundId: string | null;
  platformShare: number;
  createdAt: number;
}

export interface ReversalRecord {
  refundId: string;
  sellerId: string;
  transferId: string;
  amount: number;
  stripeReversalId: string | null;
}

// pg returns JSON columns parsed and integers as numbers; PGlite does the same. Dates are read as epoch.
type Row = Record<string, unknown>;
const text = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);
const integer = (value: unknown): number => Number(value ?? 0);
const json = <T>(value: unknown): T =>
  typeof value === 'string' ? (JSON.parse(value) as T) : (value as T);

// ─── Accounts ──────────────────────────────────────────────────────────────────

function toAccount(row: Row): AccountRecord {
  return {
    userId: String(row.user_id),
    accountId: text(row.account_id),
    displayName: String(row.display_name),
    email: text(row.email),
    country: text(row.country),
    status: row.status ? json<StoredAccountSnapshot>(row.status) : null,
  };
}

export async function findAccountByUser(
  client: SqlClient,
  userId: string,
): Promise<AccountRecord | null> {
  const { rows } = await client.query('select * from mk_accounts where user_id = $1', [userId]);
  return rows[0] ? toAccount(rows[0]) : null;
}

export async function findAccountById(
  client: SqlClient,
  accountId: string,
): Promise<AccountRecord | null> {
  const { rows } = await client.query('select * from mk_accounts where account_id = $1', [
    accountId,
  ]);
  return rows[0] ? toAccount(rows[0]) : null;
}

export async function findAccountsByUsers(
  client: SqlClient,
  userIds: readonly string[],
): Promise<AccountRecord[]> {
  const { rows } = await client.query('select * from mk_accounts where user_id = any($1::text[])', [
    [...userIds],
  ]);
  return rows.map(toAccount);
}

export async function listAccounts(client: SqlClient): Promise<AccountRecord[]> {
  const { rows } = await client.query(
    'select * from mk_accounts where account_id is not null order by created_at, user_id',
  );
  return rows.map(toAccount);
}

/** Creates the user's row once; later calls keep the first display name unless one is given. */
export async function upsertAccountUser(
  client: SqlClient,
  input: { userId: string; displayName: string; email?: string | null; country?: string | null },
): Promise<AccountRecord> {
  const { rows } = await client.query(
    `insert into mk_accounts (user_id, display_name, email, country) values ($1, $2, $3, $4)
     on conflict (user_id) do update set
       display_name = excluded.display_name,
       email = coalesce(excluded.email, mk_accounts.email),
       country = coalesce(mk_accounts.country, excluded.country),
       updated_at = now()
     returning *`,
    [input.userId, input.displayName, input.email ?? null, input.country ?? null],
  );
  return toAccount(rows[0]!);
}

/** Links the Stripe account to the user; the first writer wins so concurrent creations agree. */
export async function linkAccount(
  client: SqlClient,
  userId: string,
  accountId: string,
  status: StoredAccountSnapshot,
): Promise<AccountRecord> {
  const { rows } = await client.query(
    `update mk_accounts set
       account_id = coalesce(account_id, $2),
       status = case when account_id is null or account_id = $2 then $3::jsonb else status end,
       country = coalesce(country, $4),
       updated_at = now()
     where user_id = $1 returning *`,
    [userId, accountId, JSON.stringify(status), status.country],
  );
  return toAccount(rows[0]!);
}

export async function saveAccountStatus(
  client: SqlClient,
  accountId: string,
  status: StoredAccountSnapshot,
): Promise<boolean> {
  const { rows } = await client.query(
    'update mk_accounts set status = $2::jsonb, country = coalesce($3, country), updated_at = now() where account_id = $1 returning user_id',
    [accountId, JSON.stringify(status), status.country],
  );
  return rows.length > 0;
}

// ─── Orders ────────────────────────────────────────────────────────────────────

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

// ─── Transfers (the outbox) ────────────────────────────────────────────────────

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
  };
}

/** The idempotency key (and row id) of a seller's transfer for an order: one transfer, ever. */
export function transferKey(orderId: string, sellerId: string): string {
  return `transfer:${orderId}:${sellerId}`;
}

/** Plans one transfer per seller; repeated calls (duplicate webhooks) plan nothing new. */
export async function planTransfers(
  client: SqlClient,
  order: OrderRecord,
  chargeId: string,
): Promise<number> {
  let planned = 0;
  for (const seller of order.sellers) {
    if (seller.transfer <= 0) continue;
    const { rows } = await client.query(
      `insert into mk_transfers (id, order_id, seller_id, account_id, amount, currency, source_transaction)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing returning id`,
      [
        transferKey(order.id, seller.sellerId),
        order.id,
        seller.sellerId,
        seller.accountId,
        seller.transfer,
        order.currency,
        chargeId,
      ],
    );
    planned += rows.length;
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
    `update mk_transfers set status = 'in_flight', attempts = attempts + 1,
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

export async function completeTransfer(
  client: SqlClient,
  id: string,
  stripeTransferId: string,
): Promise<void> {
  await client.query(
    `update mk_transfers set status = 'paid', stripe_transfer_id = $2, locked_until = null, last_error = null, updated_at = now()
     where id = $1`,
    [id, stripeTransferId],
  );
}

export async function retryTransferLater(
  client: SqlClient,
  id: string,
  delayMs: number,
  error: string,
): Promise<void> {
  await client.query(
    `update mk_transfers set status = 'planned', locked_until = null, last_error = $3,
       next_attempt_at = now() + make_interval(secs => $2), updated_at = now()
     where id = $1 and status = 'in_flight'`,
    [id, delayMs / 1000, error],
  );
}

export async function failTransfer(client: SqlClient, id: string, error: string): Promise<void> {
  await client.query(
    `update mk_transfers set status = 'failed', locked_until = null, last_error = $2, updated_at = now() where id = $1`,
    [id, error],
  );
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

// ─── Refunds and reversals ─────────────────────────────────────────────────────

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

export async function listRefundsWithPendingReversals(client: SqlClient): Promise<RefundRecord[]> {
  const { rows } = await client.query(
    `select ${REFUND_COLUMNS} from mk_refunds r where status = 'succeeded'
       and exists (select 1 from mk_reversals v where v.refund_id = r.id and v.stripe_reversal_id is null)`,
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
      'insert into mk_reversals (refund_id, seller_id, transfer_id, amount, stripe_reversal_id) values ($1, $2, $3, $4, $5)',
      [
        refund.id,
        reversal.sellerId,
        reversal.transferId,
        reversal.amount,
        reversal.stripeReversalId ?? null,
      ],
    );
  }
}

export async function listReversals(
  client: SqlClient,
  refundId: string,
): Promise<ReversalRecord[]> {
  const { rows } = await client.query(
    'select * from mk_reversals where refund_id = $1 order by seller_id',
    [refundId],
  );
  return rows.map((row) => ({
    refundId: String(row.refund_id),
    sellerId: String(row.seller_id),
    transferId: String(row.transfer_id),
    amount: integer(row.amount),
    stripeReversalId: text(row.stripe_reversal_id),
  }));
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

/** Marks a reversal done once and adds it to the transfer's reversed total exactly once. */
export async function completeReversal(
  client: SqlClient,
  refundId: string,
  sellerId: string,
  stripeReversalId: string,
): Promise<void> {
  const { rows } = await client.query(
    `update mk_reversals set stripe_reversal_id = $3
     where refund_id = $1 and seller_id = $2 and stripe_reversal_id is null returning transfer_id, amount`,
    [refundId, sellerId, stripeReversalId],
  );
  const row = rows[0];
  if (!row) return;
  await client.query(
    'update mk_transfers set reversed = reversed + $2, updated_at = now() where stripe_transfer_id = $1',
    [row.transfer_id, integer(row.amount)],
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

// ─── Webhook events and payouts ────────────────────────────────────────────────

/** Records an event id; false when it was already processed (a duplicate delivery). */
export async function recordWebhookEvent(
  client: SqlClient,
  eventId: string,
  type: string,
): Promise<boolean> {
  const { rows } = await client.query(
    'insert into mk_webhook_events (id, type) values ($1, $2) on conflict do nothing returning id',
    [eventId, type],
  );
  return rows.length > 0;
}

export async function hasWebhookEvent(client: SqlClient, eventId: string): Promise<boolean> {
  const { rows } = await client.query('select 1 from mk_webhook_events where id = $1', [eventId]);
  return rows.length > 0;
}

export async function savePayout(
  client: SqlClient,
  payout: {
    id: string;
    accountId: string;
    amount: number;
    currency: string;
    status: string;
    failureCode: string | null;
    failureMessage: string | null;
  },
): Promise<void> {
  await client.query(
    `insert into mk_payouts (id, account_id, amount, currency, status, failure_code, failure_message)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (id) do update set status = excluded.status, failure_code = excluded.failure_code,
       failure_message = excluded.failure_message, updated_at = now()`,
    [
      payout.id,
      payout.accountId,
      payout.amount,
      payout.currency,
      payout.status,
      payout.failureCode,
      payout.failureMessage,
    ],
  );
}

export async function listFailedPayouts(
  client: SqlClient,
  accountId: string,
): Promise<
  {
    id: string;
    amount: number;
    currency: string;
    failureCode: string | null;
    failureMessage: string | null;
  }[]
> {
  const { rows } = await client.query(
    `select * from mk_payouts where account_id = $1 and status = 'failed' order by updated_at desc limit 20`,
    [accountId],
  );
  return rows.map((row) => ({
    id: String(row.id),
    amount: integer(row.amount),
    currency: String(row.currency),
    failureCode: text(row.failure_code),
    failureMessage: text(row.failure_message),
  }));
}
