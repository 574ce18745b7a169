// The reversal outbox: a refund's (or lost dispute's) reversal per seller, claimed, leased and fenced like
// a transfer row, and the debt recoveries retried as reversals once the seller has funds again.
import { integer, type Row } from './records';
import type { SqlClient } from './store';

/** A claimed reversal: what to ask Stripe for, under which key, and who may settle it. */
export interface ReversalJob {
  refundId: string;
  sellerId: string;
  orderId: string;
  /** The Stripe transfer to reverse. */
  transferId: string;
  /** What Stripe is asked for: the seller's share minus what no transfer can give back. */
  amount: number;
  currency: string;
  attempts: number;
  fence: number;
  keyGeneration: number;
}

/** A claimed debt recovery: reverse `amount` of the debt's transfer now that the seller may have funds. */
export interface RecoveryJob {
  debtId: string;
  sellerId: string;
  accountId: string;
  orderId: string;
  transferId: string;
  amount: number;
  currency: string;
  attempts: number;
  fence: number;
  keyGeneration: number;
}

/** The idempotency key of a reversal's current attempt: generation 0 keeps the historical key. */
export function reversalIdempotencyKey(job: ReversalJob): string {
  const key = `reversal:${job.refundId}:${job.sellerId}`;
  return job.keyGeneration === 0 ? key : `${key}:g${job.keyGeneration}`;
}

/** Every recovery attempt has its own key: the amount may differ from one attempt to the next. */
export function recoveryIdempotencyKey(job: RecoveryJob): string {
  return `debt-recovery:${job.debtId}:g${job.keyGeneration}`;
}

function toReversalJob(row: Row): ReversalJob {
  return {
    refundId: String(row.refund_id),
    sellerId: String(row.seller_id),
    orderId: String(row.order_id),
    transferId: String(row.transfer_id),
    amount: integer(row.amount) - integer(row.uncovered),
    currency: String(row.currency),
    attempts: integer(row.attempts),
    fence: integer(row.fence),
    keyGeneration: integer(row.key_generation),
  };
}

function toRecoveryJob(row: Row): RecoveryJob {
  return {
    debtId: String(row.id),
    sellerId: String(row.seller_id),
    accountId: String(row.account_id),
    orderId: String(row.order_id),
    transferId: String(row.transfer_id),
    amount: integer(row.reversing),
    currency: String(row.currency),
    attempts: integer(row.recovery_attempts),
    fence: integer(row.recovery_fence),
    keyGeneration: integer(row.recovery_key_generation),
  };
}

// A reversal is due once its refund stands; a failed or canceled refund gave nothing back to reverse.
const DUE_REVERSALS = `
  select v.refund_id, v.seller_id from mk_reversals v join mk_refunds r on r.id = v.refund_id
  where v.stripe_reversal_id is null and r.status in ('succeeded', 'pending')
    and ((v.locked_until is null and v.next_attempt_at <= now()) or v.locked_until <= now())
    and ($3::text is null or v.refund_id = $3)`;

/**
 * Claims up to `limit` due reversals (a lapsed lease counts as due) with a new fencing token each;
 * only one refund's when `refundId` is given.
 */
export async function claimDueReversals(
  client: SqlClient,
  limit: number,
  leaseSeconds: number,
  refundId: string | null = null,
): Promise<ReversalJob[]> {
  const { rows } = await client.query(
    `with due as (${DUE_REVERSALS} order by v.next_attempt_at, v.refund_id, v.seller_id limit $1 for update of v skip locked),
     claimed as (
       update mk_reversals v set attempts = attempts + 1, fence = fence + 1,
         locked_until = now() + make_interval(secs => $2)
       from due where v.refund_id = due.refund_id and v.seller_id = due.seller_id
       returning v.*)
     select claimed.*, r.order_id, t.currency from claimed
     join mk_refunds r on r.id = claimed.refund_id
     join mk_transfers t on t.order_id = r.order_id and t.seller_id = claimed.seller_id`,
    [limit, leaseSeconds, refundId],
  );
  return rows.map(toReversalJob);
}

type ReversalClaim = Pick<ReversalJob, 'refundId' | 'sellerId' | 'fence'>;

export async function renewReversalLease(
  client: SqlClient,
  claim: ReversalClaim,
  leaseSeconds: number,
): Promise<boolean> {
  const { rows } = await client.query(
    `update mk_reversals set locked_until = now() + make_interval(secs => $4)
     where refund_id = $1 and seller_id = $2 and fence = $3 and stripe_reversal_id is null
       and locked_until is not null returning refund_id`,
    [claim.refundId, claim.sellerId, claim.fence, leaseSeconds],
  );
  return rows.length > 0;
}

/** Settles the reversal as made, only for the current claim, adding it to the transfer's reversed total once. */
export async function completeReversal(
  client: SqlClient,
  claim: ReversalClaim,
  stripeReversalId: string,
): Promise<boolean> {
  const { rows } = await client.query(
    `update mk_reversals set stripe_reversal_id = $4, locked_until = null, last_error = null
     where refund_id = $1 and seller_id = $2 and fence = $3 and stripe_reversal_id is null
     returning transfer_id, amount - uncovered as amount`,
    [claim.refundId, claim.sellerId, claim.fence, stripeReversalId],
  );
  const row = rows[0];
  if (!row) return false;
  await client.query(
    'update mk_transfers set reversed = reversed + $2, updated_at = now() where stripe_transfer_id = $1',
    [row.transfer_id, integer(row.amount)],
  );
  return true;
}

/** Puts the reversal back for later, only for the current claim (see `retryTransferLater`). */
export async function retryReversalLater(
  client: SqlClient,
  claim: ReversalClaim,
  delayMs: number,
  error: string,
  options: { refundAttempt?: boolean; nextKeyGeneration?: boolean } = {},
): Promise<boolean> {
  const { rows } = await client.query(
    `update mk_reversals set locked_until = null, last_error = $5, attempts = attempts - $6,
       key_generation = key_generation + $7, next_attempt_at = now() + make_interval(secs => $4)
     where refund_id = $1 and seller_id = $2 and fence = $3 and stripe_reversal_id is null returning refund_id`,
    [
      claim.refundId,
      claim.sellerId,
      claim.fence,
      delayMs / 1000,
      error,
      options.refundAttempt ? 1 : 0,
      options.nextKeyGeneration ? 1 : 0,
    ],
  );
  return rows.length > 0;
}

/** Reversals not made yet (pending or in flight) of refunds that stand. */
export async function countUnsettledReversals(client: SqlClient): Promise<number> {
  const { rows } = await client.query<{ count: number }>(
    `select count(*)::integer as count from mk_reversals v join mk_refunds r on r.id = v.refund_id
     where v.stripe_reversal_id is null and r.status in ('succeeded', 'pending')`,
  );
  return integer(rows[0]?.count);
}

/** When the next reversal becomes due, in milliseconds from now (null when none is waiting). */
export async function msUntilNextReversal(client: SqlClient): Promise<number | null> {
  const { rows } = await client.query<{ wait: number | null }>(
    `select greatest(0, extract(epoch from min(coalesce(v.locked_until, v.next_attempt_at)) - now()) * 1000)::float8 as wait
     from mk_reversals v join mk_refunds r on r.id = v.refund_id
     where v.stripe_reversal_id is null and r.status in ('succeeded', 'pending')`,
  );
  const wait = rows[0]?.wait;
  return wait === null || wait === undefined ? null : Number(wait);
}

/**
 * Makes the open debts of an account (all accounts when null) due for a recovery reversal now, e.g.
 * after `balance.available`: only debts whose transfer still has room for the reversal Stripe refused.
 */
export async function scheduleDebtRecovery(
  client: SqlClient,
  accountId: string | null,
): Promise<number> {
  const { rows } = await client.query(
    `update mk_debts set recovery_next_at = now()
     where ($1::text is null or account_id = $1) and reversible > 0 and recovered + reversing < amount
       and reversing = 0 and (recovery_next_at is null or recovery_next_at > now()) returning id`,
    [accountId],
  );
  return rows.length;
}

/**
 * Claims due recoveries. A new attempt reserves what is left of the debt (up to the room on its
 * transfer) in `reversing`, so netting cannot take it too; a lapsed claim keeps its amount and key.
 */
export async function claimDueRecoveries(
  client: SqlClient,
  limit: number,
  leaseSeconds: number,
): Promise<RecoveryJob[]> {
  const { rows } = await client.query(
    `update mk_debts set recovery_attempts = recovery_attempts + 1, recovery_fence = recovery_fence + 1,
       reversing = case when reversing > 0 then reversing else least(amount - recovered, reversible) end,
       recovery_locked_until = now() + make_interval(secs => $2)
     where id in (
       select id from mk_debts
       where recovery_next_at <= now() and (recovery_locked_until is null or recovery_locked_until <= now())
         and transfer_id is not null and (reversing > 0 or least(amount - recovered, reversible) > 0)
       order by recovery_next_at, id limit $1 for update skip locked)
     returning *`,
    [limit, leaseSeconds],
  );
  return rows.map(toRecoveryJob);
}

type RecoveryClaim = Pick<RecoveryJob, 'debtId' | 'fence'>;

export async function renewRecoveryLease(
  client: SqlClient,
  claim: RecoveryClaim,
  leaseSeconds: number,
): Promise<boolean> {
  const { rows } = await client.query(
    `update mk_debts set recovery_locked_until = now() + make_interval(secs => $3)
     where id = $1 and recovery_fence = $2 and recovery_locked_until is not null returning id`,
    [claim.debtId, claim.fence, leaseSeconds],
  );
  return rows.length > 0;
}

/**
 * The reversal went through: the reserved amount is recovered, recorded once as a repayment by
 * reversal. Returns the amount recovered, or null for a stale claim.
 */
export async function completeRecovery(
  client: SqlClient,
  claim: RecoveryClaim,
  stripeReversalId: string,
): Promise<number | null> {
  const { rows } = await client.query(
    `select order_id, reversing from mk_debts
     where id = $1 and recovery_fence = $2 and recovery_locked_until is not null and reversing > 0
     for update`,
    [claim.debtId, claim.fence],
  );
  const row = rows[0];
  if (!row) return null;
  const amount = integer(row.reversing);
  await client.query(
    `update mk_debts set recovered = recovered + reversing, reversible = reversible - reversing,
       reversing = 0, recovery_locked_until = null, recovery_next_at = null,
       recovery_key_generation = recovery_key_generation + 1
     where id = $1`,
    [claim.debtId],
  );
  await client.query(
    `insert into mk_debt_repayments (debt_id, order_id, amount, method, stripe_reversal_id)
     values ($1, $2, $3, 'reversal', $4)`,
    [claim.debtId, String(row.order_id), amount, stripeReversalId],
  );
  return amount;
}

/**
 * The attempt did not recover anything: Stripe refused it (the balance still cannot cover it) or the
 * outcome is settled otherwise. Releases the reservation and waits `delayMs` (null: until the next
 * `balance.available`), under a fresh key next time.
 */
export async function releaseRecovery(
  client: SqlClient,
  claim: RecoveryClaim,
  delayMs: number | null,
  options: { keepReservation?: boolean; refundAttempt?: boolean; nextKeyGeneration?: boolean } = {},
): Promise<boolean> {
  const keep = options.keepReservation === true;
  const { rows } = await client.query(
    `update mk_debts set recovery_locked_until = null,
       reversing = case when $3 then reversing else 0 end,
       recovery_attempts = recovery_attempts - $5,
       recovery_key_generation = recovery_key_generation + $6,
       recovery_next_at = case when $4::float8 is null then null else now() + make_interval(secs => $4::float8) end
     where id = $1 and recovery_fence = $2 and recovery_locked_until is not null returning id`,
    [
      claim.debtId,
      claim.fence,
      keep,
      delayMs === null ? null : delayMs / 1000,
      options.refundAttempt ? 1 : 0,
      keep && !options.nextKeyGeneration ? 0 : 1,
    ],
  );
  return rows.length > 0;
}

/** Recoveries in flight (a reserved amount whose outcome is not known yet). */
export async function countRecoveriesInFlight(client: SqlClient): Promise<number> {
  const { rows } = await client.query<{ count: number }>(
    `select count(*)::integer as count from mk_debts where reversing > 0 or
       (recovery_next_at <= now() and transfer_id is not null and least(amount - recovered, reversible) > 0)`,
  );
  return integer(rows[0]?.count);
}
