import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createHarness, type Harness, type HarnessInstance } from '../testing/harness';
import { createTestPostgresStore } from '../testing/test-database';

// Stripe rate-limits per account, not per process: instances share one budget through the store.
describe('one Stripe call budget per platform', () => {
  let harness: Harness;
  const others: HarnessInstance[] = [];
  const worker = {
    baseDelayMs: 5,
    maxDelayMs: 40,
    pollIntervalMs: 20,
    callsPerSecond: 5,
    autoStart: false,
  };

  beforeAll(async () => {
    harness = await createHarness({
      store: await createTestPostgresStore(inject('postgresUrl')),
      routerOptions: { worker },
    });
    for (const seller of ['b1', 'b2', 'b3']) await harness.onboardSeller(seller);
  });
  afterAll(async () => {
    for (const router of others) await router.marketkit.close();
    await harness?.close();
  });

  it('keeps three instances at 5 calls/s to ≤ 5.5 calls/s combined over 10 s', async () => {
    for (let index = 0; index < 20; index += 1) {
      const response = await harness.http
        .post('/api/checkout')
        .set(harness.as('buyer'))
        .send(
          harness.cart(
            ['b1', 'b2', 'b3'].map((sellerId) => ({ sellerId, amount: 1000 + index, quantity: 1 })),
          ),
        );
      expect(response.status).toBe(200);
      await harness.pay(response.body.paymentIntentId);
    }
    await harness.sandbox.flushWebhooks();
    others.push(harness.createRouter(), harness.createRouter());
    for (const router of others) await router.marketkit.ready;
    const workerCalls = () =>
      harness.counter.requests.filter((line) => line.endsWith(' /v1/transfers')).length;
    const before = workerCalls();
    const started = performance.now();
    for (const router of [harness.router, ...others]) router.marketkit.worker.start();
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const calls = workerCalls() - before;
    const seconds = (performance.now() - started) / 1000;
    for (const router of [harness.router, ...others]) await router.marketkit.worker.stop();
    // 60 transfers wait: unthrottled, three instances at 5/s each would make ~150 calls.
    const rate = `${calls} worker calls in ${seconds.toFixed(2)} s`;
    expect(calls / seconds, rate).toBeLessThanOrEqual(5.5);
    expect(calls / seconds, rate).toBeGreaterThanOrEqual(3);
  }, 60_000);
});
