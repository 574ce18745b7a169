import type Stripe from 'stripe';
import type { MarketkitConfig } from '../parse-options';
import * as repository from '../stores/repository';
import type { TransferRecord } from '../stores/repository';
import { backoffDelay, describeError, isRetryable } from './retry';
import { createTokenBucket } from './token-bucket';

export interface TransferWorker {
  /** Starts polling; rows left unfinished by an earlier process are resumed. */
  start(): void;
  /** Looks for due rows now (after a webhook planned some). */
  wake(): void;
  /** Resolves when no transfer is planned or in flight (failed ones count as settled). */
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
  const bucket = createTokenBucket(options.callsPerSecond);
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let active = 0;
  let polling: Promise<void> | null = null;
  const inFlight = new Set<Promise<void>>();

  async function execute(transfer: TransferRecord): Promise<void> {
    try {
      await bucket.take();
      const result = await stripe.transfers.create(transferParams(transfer), {
        idempotencyKey: transfer.id,
      });
      await repository.completeTransfer(store, transfer.id, result.id);
      logger.info(
        { orderId: transfer.orderId, sellerId: transfer.sellerId, transferId: result.id },
        'Transfer paid',
      );
      await config.hooks.onTransferPaid?.({
        orderId: transfer.orderId,
        sellerId: transfer.sellerId,
        transferId: result.id,
        amount: transfer.amount,
        currency: transfer.currency,
      });
    } catch (error) {
      const description = describeError(error);
      if (isRetryable(error) && transfer.attempts < options.maxAttempts) {
        const delay = backoffDelay(transfer.attempts, options.baseDelayMs, options.maxDelayMs);
        logger.warn(
          {
            orderId: transfer.orderId,
            sellerId: transfer.sellerId,
            attempt: transfer.attempts,
            delay,
            error: description,
          },
          'Transfer will be retried',
        );
        await repository.retryTransferLater(store, transfer.id, delay, description);
      } else {
        logger.error(
          {
            orderId: transfer.orderId,
            sellerId: transfer.sellerId,
            attempt: transfer.attempts,
            error: description,
          },
          'Transfer failed',
        );
        await repository.failTransfer(store, transfer.id, description);
        await config.hooks.onTransferFailed?.({
          orderId: transfer.orderId,
          sellerId: transfer.sellerId,
          amount: transfer.amount,
          currency: transfer.currency,
          code: description,
        });
      }
    }
  }

  async function poll(): Promise<void> {
    while (running && active < options.concurrency) {
      const batch = await store.transaction((client) =>
        repository.claimDueTransfers(client, options.concurrency - active, options.leaseSeconds),
      );
      if (batch.length === 0) break;
      for (const transfer of batch) {
        active += 1;
        const task = execute(transfer)
          .catch((error: unknown) =>
            logger.error({ error: describeError(error) }, 'Transfer bookkeeping failed'),
          )
          .finally(() => {
            active -= 1;
            inFlight.delete(task);
            schedule(0);
          });
        inFlight.add(task);
      }
    }
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
    async drain({ timeoutMs = 15_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if ((await repository.countUnsettledTransfers(store)) === 0 && active === 0) return;
        if (Date.now() > deadline)
          throw new Error(`The transfer outbox did not drain within ${timeoutMs} ms.`);
        if (!running) throw new Error('The transfer worker is stopped; start it before draining.');
        const wait = (await repository.msUntilNextTransfer(store)) ?? 0;
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
