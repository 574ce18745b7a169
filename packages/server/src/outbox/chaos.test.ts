import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { transferParams } from './worker';
import * as repository from '../stores/repository';
import { createHarness, type Harness } from '../testing/harness';
import { createTestPostgresStore } from '../testing/test-database';

describe('exactly-once transfers under failure', () => {
  let harness: Harness;
  const sellers = ['s1', 's2', 's3', 's4', 's5', 's6'];

  async function checkoutAll(count: number) {
    const response = await harness.http
      .post('/api/checkout')
      .set(harness.as('buyer'))
      .send(
        harness.cart(
          sellers.slice(0, count).map((sellerId, index) => ({
            sellerId,
            description: 'Thing',
            amount: 1000 + index * 111,
            quantity: 1,
          })),
        ),
      );
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as { orderId: string; paymentIntentId: string };
  }

  async function transfersOnStripe(orderId: string) {
    const page = await harness.stripe.transfers.list({ transfer_group: orderId, limit: 100 });
    return page.data;
  }

  beforeAll(async () => {
    harness = await createHarness({ store: await createTestPostgresStore(inject('postgresUrl')) });
    for (const seller of sellers) await harness.onboardSeller(seller);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('retries injected 500s, 429s, latency and dropped connections during a fan-out and still pays each seller once', async () => {
    const checkout = await checkoutAll(6);
    const path = '/v1/transfers';
    harness.sandbox.injectFault({ method: 'POST', path, count: 2, status: 500 });
    harness.sandbox.injectFault({ method: 'POST', path, count: 2, status: 429 });
    harness.sandbox.injectFault({ method: 'POST', path, count: 1, latencyMs: 300 });
    harness.sandbox.injectFault({ method: 'POST', path, count: 1, drop: true });
    await harness.pay(checkout.paymentIntentId);
    await harness.settle();
    const transfers = await transfersOnStripe(checkout.orderId);
    expect(transfers).toHaveLength(6);
    expect(new Set(transfers.map((transfer) => transfer.destination)).size).toBe(6);
    const rows = await repository.listTransfersForOrder(harness.store, checkout.orderId);
    expect(rows.every((row) => row.status === 'paid')).toBe(true);
    expect(rows.reduce((sum, row) => sum + row.attempts, 0)).toBeGreaterThan(6);
    expect(harness.logs.some((line) => line.includes('Transfer will be retried'))).toBe(true);
  });

  it('ends with exactly n transfers after a crash between the Stripe call and the database update', async () => {
    await harness.restart({
      worker: {
        autoStart: false,
        baseDelayMs: 5,
        maxDelayMs: 40,
        pollIntervalMs: 20,
        callsPerSecond: 1000,
      },
    });
    const checkout = await checkoutAll(5);
    await harness.pay(checkout.paymentIntentId);
    await harness.sandbox.flushWebhooks();
    // The "crashed" process claimed every row, created two transfers on Stripe, and recorded one of them.
    const claimed = await harness.store.transaction((client) =>
      repository.claimDueTransfers(client, 10, 0),
    );
    const mine = claimed.filter((row) => row.orderId === checkout.orderId);
    expect(mine).toHaveLength(5);
    const created = [];
    for (const row of mine.slice(0, 2))
      created.push(
        await harness.stripe.transfers.create(transferParams(row), {
          idempotencyKey: repository.transferIdempotencyKey(row),
        }),
      );
    await repository.completeTransfer(harness.store, mine[0]!, created[0]!.id);
    expect(await transfersOnStripe(checkout.orderId)).toHaveLength(2);

    // A new process on the same store resumes the leased rows once their lease ran out.
    await harness.restart({
      worker: {
        baseDelayMs: 5,
        maxDelayMs: 40,
        pollIntervalMs: 20,
        callsPerSecond: 1000,
        leaseSeconds: 1,
      },
    });
    await harness.router.marketkit.worker.drain();
    const transfers = await transfersOnStripe(checkout.orderId);
    expect(transfers).toHaveLength(5);
    const rows = await repository.listTransfersForOrder(harness.store, checkout.orderId);
    expect(rows.map((row) => row.status)).toEqual(['paid', 'paid', 'paid', 'paid', 'paid']);
    expect(rows.find((row) => row.id === mine[1]!.id)?.stripeTransferId).toBe(created[1]!.id);
  });

  it('pays each seller once when two instances work the same outbox at the same time', async () => {
    const second = harness.createRouter();
    try {
      await second.marketkit.ready;
      const orders = [];
      for (let index = 0; index < 3; index += 1) {
        const checkout = await checkoutAll(6);
        await harness.pay(checkout.paymentIntentId);
        orders.push(checkout.orderId);
      }
      await harness.sandbox.flushWebhooks();
      second.marketkit.worker.wake();
      await Promise.all([harness.router.marketkit.worker.drain(), second.marketkit.worker.drain()]);
      for (const orderId of orders) {
        const transfers = await transfersOnStripe(orderId);
        expect(transfers).toHaveLength(6);
      }
    } finally {
      await second.marketkit.close();
    }
  });
  it('marks a transfer Stripe refuses as failed without retrying, and tells the app', async () => {
    const failures: { sellerId: string; code: string }[] = [];
    await harness.restart({
      worker: { baseDelayMs: 5, maxDelayMs: 40, pollIntervalMs: 20, callsPerSecond: 1000 },
      onTransferFailed: (event) => {
        failures.push({ sellerId: event.sellerId, code: event.code });
      },
    });
    const checkout = await checkoutAll(2);
    harness.sandbox.injectFault({ method: 'POST', path: '/v1/transfers', count: 1, status: 400 });
    await harness.pay(checkout.paymentIntentId);
    await harness.settle();
    const rows = await repository.listTransfersForOrder(harness.store, checkout.orderId);
    const failed = rows.filter((row) => row.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.attempts).toBe(1);
    expect(failed[0]!.lastError).toMatch(/InvalidRequest.* 400 /);
    expect(rows.filter((row) => row.status === 'paid')).toHaveLength(1);
    expect(failures).toEqual([{ sellerId: failed[0]!.sellerId, code: failed[0]!.lastError }]);
    expect(await transfersOnStripe(checkout.orderId)).toHaveLength(1);
  });
});
