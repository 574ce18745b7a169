import Stripe from 'stripe';
import type { MarketkitConfig } from '../parse-options';
import * as repository from '../stores/repository';
import type { DebtRecord, RecoveryJob, ReversalJob } from '../stores/repository';
import type { SqlClient } from '../stores/store';
import type { CallBudget } from './call-budget';
import {
  backoffDelay,
  describeError,
  isKeyInUse,
  isRateLimited,
  isRetryable,
  isServerError,
} from './retry';

/** One kind of outbox row: how to claim due rows and how to run one. */
export interface OutboxQueue<Job = unknown> {
  claim(client: SqlClient, limit: number, leaseSeconds: number): Promise<Job[]>;
  execute(job: Job): Promise<void>;
}

/** Logs a newly recorded (or grown) seller debt and tells the app through `onDebtRecorded`. */
export async function announceDebt(
  config: MarketkitConfig,
  debt: DebtRecord & { added: number },
  why: string,
  error?: string,
): Promise<void> {
  config.logger.warn(
    { refundId: debt.refundId, sellerId: debt.sellerId, amount: debt.added, error },
    why,
  );
  await config.hooks.onDebtRecorded?.({
    debtId: debt.id,
    sellerId: debt.sellerId,
    accountId: debt.accountId,
    orderId: debt.orderId,
    refundId: debt.refundId,
    amount: debt.added,
    currency: debt.currency,
  });
}

/** A reversal of `transferId` Stripe already made (found by its metadata), whatever key made it. */
async function findReversal(
  stripe: Stripe,
  budget: CallBudget,
  transferId: string,
  matches: (metadata: Stripe.Metadata) => boolean,
): Promise<Stripe.TransferReversal | null> {
  await budget.take();
  const page = await stripe.transfers.listReversals(transferId, { limit: 100 });
  return page.data.find((reversal) => matches(reversal.metadata ?? {})) ?? null;
}

/** Stripe refuses a reversal the destination's balance cannot cover. */
export const isBalanceInsufficient = (error: unknown): boolean =>
  error instanceof Stripe.errors.StripeError && error.code === 'balance_insufficient';

/**
 * Renews a claim's lease while its Stripe call is in flight, so a slow call is never re-run by another
 * claim; stops on its own once a later claim owns the row.
 */
export function keepLease(
  config: MarketkitConfig,
  renew: (leaseSeconds: number) => Promise<boolean>,
): () => void {
  const { leaseSeconds } = config.worker;
  const timer = setInterval(
    () => {
      renew(leaseSeconds)
        .then((owned) => {
          if (!owned) clearInterval(timer);
        })
        .catch((error: unknown) =>
          config.logger.warn({ error: describeError(error) }, 'Outbox lease renewal failed'),
        );
    },
    Math.max(100, (leaseSeconds * 1000) / 3),
  );
  timer.unref?.();
  return () => clearInterval(timer);
}

/**
 * How long a debt whose reversal was refused waits before the periodic pass tries it again, when no
 * `balance.available` comes first: the outbox's longest backoff, and never less than a minute.
 */
export const debtRetryDelay = (config: MarketkitConfig) =>
  Math.max(config.worker.maxDelayMs, 60_000);

/** Reversals of refunds and lost disputes, one row per refund and seller. */
export function createReversalQueue(
  config: MarketkitConfig,
  budget: CallBudget,
): OutboxQueue<ReversalJob> {
  const { store, stripe, logger } = config;
  const options = config.worker;

  /** The row's reversal if Stripe made it under any key (after a 5xx, Stripe replays the saved 500). */
  const findOnStripe = (job: ReversalJob) =>
    findReversal(
      stripe,
      budget,
      job.transferId,
      (metadata) =>
        metadata.marketkit_refund_id === job.refundId &&
        metadata.marketkit_seller_id === job.sellerId,
    );

  async function retryLater(
    job: ReversalJob,
    description: string,
    retry: { refundAttempt?: boolean; nextKeyGeneration?: boolean } = {},
  ): Promise<void> {
    const delay = backoffDelay(job.attempts, options.baseDelayMs, options.maxDelayMs);
    logger.warn(
      { refundId: job.refundId, sellerId: job.sellerId, attempt: job.attempts, delay, ...retry },
      'Reversal will be retried',
    );
    await repository.retryReversalLater(store, job, delay, description, retry);
  }

  /** Stripe will not reverse it: the seller owes it, recorded with the refusal in one transaction. */
  async function recordDebt(job: ReversalJob, description: string): Promise<void> {
    const debt = await store.transaction((client) =>
      repository.recordRefusedReversal(client, job, description, debtRetryDelay(config)),
    );
    if (debt)
      await announceDebt(config, debt, 'Reversal refused; recorded as seller debt', description);
  }

  async function settleError(job: ReversalJob, error: unknown): Promise<void> {
    const description = describeError(error);
    if (isBalanceInsufficient(error)) return recordDebt(job, description);
    if (isKeyInUse(error) || isRateLimited(error))
      return retryLater(job, description, { refundAttempt: true });
    if (isServerError(error)) {
      const existing = await findOnStripe(job);
      if (existing) {
        await store.transaction((client) => repository.completeReversal(client, job, existing.id));
        return;
      }
      return retryLater(job, description, { nextKeyGeneration: true });
    }
    if (isRetryable(error)) return retryLater(job, description);
    // Refused for good for another reason (e.g. the transfer was reversed in the Dashboard): the
    // platform has covered the refund all the same, so the seller owes it.
    logger.error({ refundId: job.refundId, error: description }, 'Reversal refused for good');
    return recordDebt(job, description);
  }

  return {
    claim: (client, limit, leaseSeconds) =>
      repository.claimDueReversals(client, limit, leaseSeconds),
    async execute(job) {
      const stopRenewing = keepLease(config, (leaseSeconds) =>
        repository.renewReversalLease(store, job, leaseSeconds),
      );
      let result: Stripe.TransferReversal;
      try {
        await budget.take();
        result = await stripe.transfers.createReversal(
          job.transferId,
          {
            amount: job.amount,
            metadata: { marketkit_refund_id: job.refundId, marketkit_seller_id: job.sellerId },
          },
          { idempotencyKey: repository.reversalIdempotencyKey(job) },
        );
      } catch (error) {
        stopRenewing();
        await settleError(job, error).catch((bookkeeping: unknown) =>
          retryLater(job, describeError(bookkeeping)),
        );
        return;
      }
      stopRenewing();
      await store.transaction((client) => repository.completeReversal(client, job, result.id));
    },
  };
}

/**
 * Debts recovered by retrying the refused reversal once the seller has funds again (after
 * `balance.available`, or the periodic pass). The amount is reserved on the debt while the call is in
 * flight, so netting never takes the same cents.
 */
export function createRecoveryQueue(
  config: MarketkitConfig,
  budget: CallBudget,
): OutboxQueue<RecoveryJob> {
  const { store, stripe, logger } = config;
  const options = config.worker;

  const findOnStripe = (job: RecoveryJob) => {
    const key = repository.recoveryIdempotencyKey(job);
    return findReversal(
      stripe,
      budget,
      job.transferId,
      (metadata) => metadata.marketkit_recovery === key,
    );
  };

  async function recovered(job: RecoveryJob, stripeReversalId: string): Promise<void> {
    const amount = await store.transaction((client) =>
      repository.completeRecovery(client, job, stripeReversalId),
    );
    if (amount === null) return;
    logger.info({ debtId: job.debtId, amount, stripeReversalId }, 'Debt recovered by reversal');
    await config.hooks.onDebtRecovered?.({
      debtId: job.debtId,
      sellerId: job.sellerId,
      repaidByOrderId: job.orderId,
      method: 'reversal',
      amount,
      currency: job.currency,
    });
  }

  async function settleError(job: RecoveryJob, error: unknown): Promise<void> {
    const description = describeError(error);
    const delay = backoffDelay(job.attempts, options.baseDelayMs, options.maxDelayMs);
    if (isBalanceInsufficient(error)) {
      await repository.releaseRecovery(store, job, debtRetryDelay(config));
      return;
    }
    if (isKeyInUse(error) || isRateLimited(error)) {
      await repository.releaseRecovery(store, job, delay, {
        keepReservation: true,
        refundAttempt: true,
      });
      return;
    }
    if (isServerError(error)) {
      const existing = await findOnStripe(job);
      if (existing) return recovered(job, existing.id);
      await repository.releaseRecovery(store, job, delay, {
        keepReservation: true,
        nextKeyGeneration: true,
      });
      return;
    }
    if (isRetryable(error)) {
      await repository.releaseRecovery(store, job, delay, { keepReservation: true });
      return;
    }
    logger.warn({ debtId: job.debtId, error: description }, 'Debt recovery reversal refused');
    await repository.releaseRecovery(store, job, null);
  }

  return {
    claim: (client, limit, leaseSeconds) =>
      repository.claimDueRecoveries(client, limit, leaseSeconds),
    async execute(job) {
      const stopRenewing = keepLease(config, (leaseSeconds) =>
        repository.renewRecoveryLease(store, job, leaseSeconds),
      );
      const key = repository.recoveryIdempotencyKey(job);
      let result: Stripe.TransferReversal;
      try {
        await budget.take();
        result = await stripe.transfers.createReversal(
          job.transferId,
          {
            amount: job.amount,
            metadata: {
              marketkit_debt_id: job.debtId,
              marketkit_seller_id: job.sellerId,
              marketkit_recovery: key,
            },
          },
          { idempotencyKey: key },
        );
      } catch (error) {
        stopRenewing();
        await settleError(job, error).catch(async (bookkeeping: unknown) => {
          logger.warn({ error: describeError(bookkeeping) }, 'Debt recovery will be retried');
          await repository.releaseRecovery(store, job, options.baseDelayMs, {
            keepReservation: true,
          });
        });
        return;
      }
      stopRenewing();
      await recovered(job, result.id);
    },
  };
}
