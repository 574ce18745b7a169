import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createHarness, type Harness } from '../testing/harness';
import { createTestPgliteStore } from '../testing/test-pglite';

describe('refunds under retries', () => {
  let harness: Harness;
  const admin = () => harness.as('admin_1', 'admin');

  const paidOrder = () =>
    harness.buy('buyer_1', [
      { sellerId: 'ann', amount: 1500, quantity: 1, description: 'Lamp' },
      { sellerId: 'ben', amount: 500, quantity: 1, description: 'Rug' },
    ]);

  const refund = (orderId: string, body: object, key?: string) => {
    const call = harness.http.post(`/api/orders/${orderId}/refunds`).set(admin());
    return key ? call.set('Idempotency-Key', key).send(body) : call.send(body);
  };
  const refundsOnStripe = async (paymentIntentId: string) =>
    (await harness.stripe.refunds.list({ payment_intent: paymentIntentId, limit: 100 })).data;

  beforeAll(async () => {
    harness = await createHarness({ store: createTestPgliteStore(inject('pgliteTemplate')) });
    for (const seller of ['ann', 'ben']) await harness.onboardSeller(seller);
  });
  afterAll(async () => {
    await harness?.close();
  });

  /** Every Stripe reversal of the order, per seller, and what MarketKit recorded as reversed. */
  async function reversalsBySeller(orderId: string) {
    const view = await harness.http.get(`/api/orders/${orderId}`).set(admin());
    const sellers: { sellerId: string; transfer: { id: string; reversed: number } }[] =
      view.body.sellers;
    return Promise.all(
      sellers.map(async (seller) => ({
        sellerId: seller.sellerId,
        recorded: seller.transfer.reversed,
        onStripe: (await harness.stripe.transfers.listReversals(seller.transfer.id)).data.map(
          (reversal) => reversal.amount,
        ),
      })),
    );
  }

  it.each(['before-execution', 'after-execution'] as const)(
    'makes each reversal exactly once when Stripe answers it with a 500 (%s), without failing the refund',
    async (phase) => {
      const order = await paidOrder();
      // The first reversal gets a 500; after execution Stripe made it and replays the 500 for its key.
      harness.sandbox.injectFault({
        method: 'POST',
        path: '/v1/transfers/',
        count: 1,
        status: 500,
        phase,
      });
      const response = await refund(order.orderId, {
        amount: 1000,
        reason: 'requested_by_customer',
      });
      // The refund is done; its reversals are the outbox's work, retried in the background.
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      await harness.settle();
      // 1000 of 2000: ann's 1350 share gives back 675, ben's 450 gives back 225, the platform 100.
      expect(await reversalsBySeller(order.orderId)).toEqual([
        { sellerId: 'ann', recorded: 675, onStripe: [675] },
        { sellerId: 'ben', recorded: 225, onStripe: [225] },
      ]);
      expect((await refundsOnStripe(order.paymentIntentId)).map((item) => item.amount)).toEqual([
        1000,
      ]);
    },
  );

  it.each([
    ['without an Idempotency-Key', undefined],
    ['with the same Idempotency-Key', 'refund-click-1'],
  ])(
    'adopts the refund Stripe made behind a replayed 500, refunding once, %s',
    async (_name, key) => {
      const order = await paidOrder();
      harness.sandbox.injectFault({
        method: 'POST',
        path: '/v1/refunds',
        count: 1,
        status: 500,
        phase: 'after-execution',
      });
      const first = await refund(
        order.orderId,
        { amount: 1000, reason: 'requested_by_customer' },
        key,
      );
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      const stripeRefunds = await refundsOnStripe(order.paymentIntentId);
      expect(stripeRefunds.map((item) => item.amount)).toEqual([1000]);
      expect(first.body.refund.id).toBe(stripeRefunds[0]!.id);
      expect(first.body.order.refunded).toBe(1000);
      if (key) {
        // A second click with the key is answered from what is stored.
        const again = await refund(
          order.orderId,
          { amount: 1000, reason: 'requested_by_customer' },
          key,
        );
        expect(again.status, JSON.stringify(again.body)).toBe(200);
        expect(again.body.refund.id).toBe(stripeRefunds[0]!.id);
      }
      await harness.settle();
      expect(await refundsOnStripe(order.paymentIntentId)).toHaveLength(1);
      expect((await reversalsBySeller(order.orderId)).map((seller) => seller.onStripe)).toEqual([
        [675],
        [225],
      ]);
    },
  );

  it('refuses another amount while a refund of the order is unfinished, with no Stripe call', async () => {
    const order = await paidOrder();
    // Nothing happened on Stripe: the request stays pending and a retry makes it under a fresh key.
    harness.sandbox.injectFault({ method: 'POST', path: '/v1/refunds', count: 1, status: 500 });
    const first = await refund(order.orderId, { amount: 800, reason: 'duplicate' });
    expect(first.status).toBe(503);
    expect(first.body.error.code).toBe('stripe_unavailable');
    const before = harness.counter.writes.length;
    const other = await refund(order.orderId, { amount: 300, reason: 'duplicate' });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('refund_in_progress');
    const keyed = await refund(order.orderId, { amount: 300, reason: 'duplicate' }, 'another-key');
    expect(keyed.body.error.code).toBe('refund_in_progress');
    expect(harness.counter.writes.slice(before)).toEqual([]);
    // Retrying the unfinished one without an amount resumes it rather than refunding "the rest".
    const resumed = await refund(order.orderId, { reason: 'duplicate' });
    expect(resumed.status, JSON.stringify(resumed.body)).toBe(200);
    expect(resumed.body.order.refunded).toBe(800);
    expect((await refundsOnStripe(order.paymentIntentId)).map((item) => item.amount)).toEqual([
      800,
    ]);
  });

  it('collapses a double click with one Idempotency-Key into one refund', async () => {
    const order = await paidOrder();
    const responses = await Promise.all(
      [1, 2, 3].map(() => refund(order.orderId, { amount: 700, reason: 'duplicate' }, 'dbl')),
    );
    expect(responses.filter((response) => response.status === 200).length).toBeGreaterThan(0);
    for (const response of responses) expect([200, 409]).toContain(response.status);
    expect((await refundsOnStripe(order.paymentIntentId)).map((item) => item.amount)).toEqual([
      700,
    ]);
    const view = await harness.http.get(`/api/orders/${order.orderId}`).set(admin());
    expect(view.body.refunded).toBe(700);
  });

  it('refuses to reuse a refund’s Idempotency-Key for a different amount', async () => {
    const order = await paidOrder();
    expect((await refund(order.orderId, { amount: 100, reason: 'duplicate' }, 'once')).status).toBe(
      200,
    );
    const reused = await refund(order.orderId, { amount: 200, reason: 'duplicate' }, 'once');
    expect(reused.status).toBe(400);
    expect(reused.body.error).toMatchObject({ code: 'invalid_request', param: 'Idempotency-Key' });
    expect((await refundsOnStripe(order.paymentIntentId)).map((item) => item.amount)).toEqual([
      100,
    ]);
  });
});
