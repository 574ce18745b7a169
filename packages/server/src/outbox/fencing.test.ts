import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as repository from '../stores/repository';
import { createHarness, type Harness } from '../testing/harness';
import { createTestPostgresStore } from '../testing/test-database';

// Stripe saves a 500 for its idempotency key once execution began and replays it; slow calls outlive
// short leases; two instances share the outbox. Each seller is still paid exactly once.
describe('exactly-once transfers under Stripe’s idempotency rules and slow calls', () => {
  let harness: Harness;
  const failed: string[] = [];
  const sellers = ['f1', 'f2', 'f3', 'f4'];
  const worker = { baseDelayMs: 5, maxDelayMs: 40, pollIntervalMs: 20, callsPerSecond: 1000 };

  async function order(count: number) {
    const response = await harness.http
      .post('/api/checkout')
      .set(harness.as('buyer'))
      .send(
        harness.cart(
          sellers
            .slice(0, count)
            .map((sellerId, index) => ({ sellerId, amount: 2000 + index * 7, quantity: 1 })),
        ),
      );
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as { orderId: string; paymentIntentId: string };
  }

  async function transfersPerSeller(orderId: string) {
    const page = await harness.stripe.transfers.list({ transfer_group: orderId, limit: 100 });
    const counts = new Map<string, number>();
    for (const transfer of page.data)
      counts.set(String(transfer.destination), (counts.get(String(transfer.destination)) ?? 0) + 1);
    return counts;
  }

  beforeAll(async () => {
    harness = await createHarness({
      store: await createTestPostgresStore(inject('postgresUrl')),
      routerOptions: {
        worker,
        onTransferFailed: (event) => void failed.push(event.sellerId),
      },
    });
    for (const seller of sellers) await harness.onboardSeller(seller);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('adopts the transfer behind a replayed 500 (after execution) instead of making another', async () => {
    const checkout = await order(1);
    harness.sandbox.injectFault({
      method: 'POST',
      path: '/v1/transfers',
      count: 1,
      status: 500,
      phase: 'after-execution',
    });
    await harness.pay(checkout.paymentIntentId);
    await harness.settle();
    const counts = await transfersPerSeller(checkout.orderId);
    expect([...counts.values()]).toEqual([1]);
    const [row] = await repository.listTransfersForOrder(harness.store, checkout.orderId);
    expect(row).toMatchObject({ status: 'paid', keyGeneration: 0 });
    const page = await harness.stripe.transfers.list({ transfer_group: checkout.orderId });
    expect(row?.stripeTransferId).toBe(page.data[0]?.id);
    expect(failed).toEqual([]);
  });

  it('retries under a new key generation after a 500 that made nothing (before execution)', async () => {
    const checkout = await order(1);
    harness.sandbox.injectFault({
      method: 'POST',
      path: '/v1/transfers',
      count: 1,
      status: 500,
      phase: 'before-execution',
    });
    await harness.pay(checkout.paymentIntentId);
    await harness.settle();
    expect([...(await transfersPerSeller(checkout.orderId)).values()]).toEqual([1]);
    const [row] = await repository.listTransfersForOrder(harness.store, checkout.orderId);
    expect(row).toMatchObject({ status: 'paid', keyGeneration: 1 });
    expect(failed).toEqual([]);
  });

  it('pays each seller once with 2.5 s Stripe latency, a 1 s lease and two instances', async () => {
    await harness.restart({ worker: { ...worker, leaseSeconds: 1 } });
    const second = harness.createRouter({ worker: { ...worker, leaseSeconds: 1 } });
    try {
      await second.marketkit.ready;
      const checkout = await order(4);
      harness.sandbox.injectFault({
        method: 'POST',
        path: '/v1/transfers',
        count: 4,
        latencyMs: 2500,
      });
      await harness.pay(checkout.paymentIntentId);
      await harness.sandbox.flushWebhooks();
      await harness.router.marketkit.worker.drain({ timeoutMs: 30_000 });
      await second.marketkit.worker.drain({ timeoutMs: 30_000 });
      const counts = await transfersPerSeller(checkout.orderId);
      expect(counts.size).toBe(4);
      expect([...counts.values()]).toEqual([1, 1, 1, 1]);
      const rows = await repository.listTransfersForOrder(harness.store, checkout.orderId);
      expect(rows.map((row) => row.status)).toEqual(['paid', 'paid', 'paid', 'paid']);
      // The lease was renewed while each call ran: no row was claimed twice.
      expect(rows.map((row) => row.attempts)).toEqual([1, 1, 1, 1]);
      expect(harness.logs.filter((line) => line.includes('idempotency_key_in_use'))).toEqual([]);
      expect(failed).toEqual([]);
    } finally {
      await second.marketkit.close();
    }
  }, 60_000);
});
