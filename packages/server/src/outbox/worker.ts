import type Stripe from 'stripe';
import type { MarketkitConfig } from '../parse-options';
import * as repository from '../stores/repository';
import type { TransferRecord } from '../stores/repository';
import {
  backoffDelay,
  describeError,
  isKeyInUse,
  isRateLimited,
  isRetryable,
  isServerError,
} from './retry';
import { createCallBudget } from './call-budget';
import {
  createRecoveryQueue,
  createReversalQueue,
  keepLease,
  type OutboxQueue,
} from './reversal-jobs';

/**
 * The outbox worker: transfers to sellers, reversals of refunds and lost disputes, and debt recoveries,
 * each a row claimed with a lease and a fencing token, so any instance resumes any row at any time.
 */
export interface TransferWorker {
  /** Starts polling; rows left unfinished by an earlier process are resumed. */
  start(): void;
  /** Looks for due rows now (after a webhook planned some). */
  wake(): void;
  /**
   * Makes one refund's planned reversals now, in the caller's request, through the same claims as the
   * worker (lease, fencing token, call budget); whatever fails stays in the outbox for the worker.
   */
  reverseNow(refundId: string): Promise<void>;
  /**
   * Resolves when no transfer or reversal is planned or in flight (failed ones count as settled) and
   * no debt recovery is due or in flight.
   */
  drain(options?: { timeoutMs?: number }): Promise<void>;
  /** Stops claiming new rows and waits for calls in flight. */
  stop(): Promise<void>;
  readonly running: boolean;
}

/** The exact parameters of a row's transfer: a retry must send the same ones for the idempotency key to match. */
export function transferParams(transfer: TransferRecord): Stripe.TransferCreateParams {
  return {
    amount: transfer.amount,
    currency: transfer.currency,
    destination: transfer.accountId,
    transfer_group: transfer.orderId,
    // Funds follow the charge, so the transfer does not wait for the platform's available balance.
    source_transaction: transfer.sourceTransaction,
    metadata: { marketkit_order_id: transfer.orderId, marketkit_seller_id: transfer.sellerId },
  };
}

export function createTransferWorker(config: MarketkitConfig): TransferWorker {
  const { store, stripe, logger } = config;
  const options = config.worker;
  const bucket = createCallBudget(store, options.callsPerSecond);
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let active = 0;
  let polling: Promise<void> | null = null;
  const inFlight = new Set<Promise<void>>();

  /**
   * The row's transfer if Stripe has it (same order, seller and destination), whichever key made it:
   * after a 5xx the outcome is unknown, and Stripe replays a saved 500 for the key rather than retrying.
   */
  async function findOnStripe(transfer: TransferRecord): Promise<Stripe.Transfer | null> {
    await bucket.take();
    const page = await stripe.transfers.list({
      transfer_group: transfer.orderId,
      destination: transfer.accountId,
      limit: 100,
    });
    return (
      page.data.find(
        (candidate) =>
          candidate.metadata?.marketkit_order_id === transfer.orderId &&
          candidate.metadata?.marketkit_seller_id === transfer.sellerId,
      ) ?? null
    );
  }

  async function settlePaid(transfer: TransferRecord, transferId: string): Promise<void> {
    // A stale claim (a later one owns the row) settles nothing and tells nobody.
    if (!(await repository.completeTransfer(store, transfer, transferId))) return;
    logger.info(
      { orderId: transfer.orderId, sellerId: transfer.sellerId, transferId },
      'Transfer paid',
    );
    await config.hooks.onTransferPaid?.({
      orderId: transfer.orderId,
      sellerId: transfer.sellerId,
      transferId,
      amount: transfer.amount,
      currency: transfer.currency,
    });
  }

  async function retryLater(
    transfer: TransferRecord,
    description: string,
    retry: { refundAttempt?: boolean; nextKeyGeneration?: boolean } = {},
  ): Promise<void> {
    const delay = backoffDelay(transfer.attempts, options.baseDelayMs, options.maxDelayMs);
    logger.warn(
      {
        orderId: transfer.orderId,
        sellerId: transfer.sellerId,
        attempt: transfer.attempts,
        delay,
        error: description,
        ...retry,
      },
      'Transfer will be retried',
    );
    await repository.retryTransferLater(store, transfer, delay, description, retry);
  }

  async function settleError(transfer: TransferRecord, error: unknown): Promise<void> {
    const description = describeError(error);
    // Not failed attempts: a twin call still running under the key, or Stripe asking us to slow down.
    if (isKeyInUse(error) || isRateLimited(error))
      return retryLater(transfer, description, { refundAttempt: true });
    const unknownOutcome = isServerError(error);
    const exhausted = !isRetryable(error) || transfer.attempts >= options.maxAttempts;
    if (unknownOutcome || exhausted) {
      // onTransferFailed never fires for a transfer that exists: look before concluding anything.
      const existing = await findOnStripe(transfer);
      if (existing) return settlePaid(transfer, existing.id);
    }
    if (!exhausted)
      // After a 5xx Stripe may have saved the error for the key; a fresh key generation (recorded on
      // the row) makes the next attempt a real one, and the look-up above made sure none exists yet.
      return retryLater(transfer, description, { nextKeyGeneration: unknownOutcome });
    if (!(await repository.failTransfer(store, transfer, description))) return;
    logger.error(
      {
        orderId: transfer.orderId,
        sellerId: transfer.sellerId,
        attempt: transfer.attempts,
        error: description,
      },
      'Transfer failed',
    );
    await config.hooks.onTransferFailed?.({
      orderId: transfer.orderId,
      sellerId: transfer.sellerId,
      amount: transfer.amount,
      currency: transfer.currency,
      code: description,
    });
  }

  async function execute(transfer: TransferRecord): Promise<void> {
    const stopRenewing = keepLease(config, (leaseSeconds) =>
      repository.renewTransferLease(store, transfer, leaseSeconds),
    );
    let result: Stripe.Transfer;
    try {
      await bucket.take();
      result = await stripe.transfers.create(transferParams(transfer), {
        idempotencyKey: repository.transferIdempotencyKey(transfer),
      });
    } catch (error) {
      stopRenewing();
      await settleError(transfer, error).catch(async (bookkeeping: unknown) => {
        // The look-up itself failed: try again later under the same key.
        await retryLater(transfer, describeError(bookkeeping));
      });
      return;
    }
    stopRenewing();
    await settlePaid(transfer, result.id);
  }

  const transferQueue: OutboxQueue<TransferRecord> = {
    claim: (client, limit, leaseSeconds) =>
      repository.claimDueTransfers(client, limit, leaseSeconds),
    execute,
  };
  const reversalQueue = createReversalQueue(config, bucket);
  const queues = [
    transferQueue,
    reversalQueue,
    createRecoveryQueue(config, bucket),
  ] as OutboxQueue[];

  function run(queue: OutboxQueue, job: unknown): void {
    active += 1;
    const task = queue
      .execute(job)
      .catch((error: unknown) =>
        logger.error({ error: describeError(error) }, 'Outbox bookkeeping failed'),
      )
      .finally(() => {
        active -= 1;
        inFlight.delete(task);
        schedule(0);
      });
    inFlight.add(task);
  }

  async function poll(): Promise<void> {
    let claimed = true;
    while (running && active < options.concurrency && claimed) {
      claimed = false;
      for (const queue of queues) {
        if (!running || active >= options.concurrency) break;
        const batch = await store.transaction((client) =>
          queue.claim(client, options.concurrency - active, options.leaseSeconds),
        );
        for (const job of batch) run(queue, job);
        if (batch.length > 0) claimed = true;
      }
    }
  }

  async function unsettled(): Promise<number> {
    const counts = await Promise.all([
      repository.countUnsettledTransfers(store),
      repository.countUnsettledReversals(store),
      repository.countRecoveriesInFlight(store),
    ]);
    return counts.reduce((sum, count) => sum + count, 0);
  }

  async function msUntilNext(): Promise<number> {
    const waits = await Promise.all([
      repository.msUntilNextTransfer(store),
      repository.msUntilNextReversal(store),
    ]);
    const known = waits.filter((wait): wait is number => wait !== null);
    return known.length > 0 ? Math.min(...known) : 0;
  }

  function schedule(delayMs: number): void {
    if (!running) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (polling) {
        schedule(5);
        return;
      }
      polling = poll()
        .catch((error: unknown) =>
          logger.error({ error: describeError(error) }, 'Outbox poll failed'),
        )
        .finally(() => {
          polling = null;
          if (running && !timer) schedule(options.pollIntervalMs);
        });
    }, delayMs);
    timer.unref?.();
  }

  return {
    get running() {
      return running;
    },
    start() {
      if (running) return;
      running = true;
      schedule(0);
    },
    wake() {
      schedule(0);
    },
    async reverseNow(refundId) {
      const jobs = await store.transaction((client) =>
        repository.claimDueReversals(client, 100, options.leaseSeconds, refundId),
      );
      for (const job of jobs) await reversalQueue.execute(job);
    },
    async drain({ timeoutMs = 15_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if ((await unsettled()) === 0 && active === 0) return;
        if (Date.now() > deadline)
          throw new Error(`The outbox did not drain within ${timeoutMs} ms.`);
        if (!running) throw new Error('The transfer worker is stopped; start it before draining.');
        const wait = await msUntilNext();
        schedule(Math.min(wait, 50));
        await new Promise((resolve) => setTimeout(resolve, Math.min(Math.max(wait, 5), 50)));
      }
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await polling;
      await Promise.all([...inFlight]);
    },
  };
}
