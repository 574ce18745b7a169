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

  it.each([
    ['without an Idempotency-Key', undefined],
    ['with the same Idempotency-Key', 'refund-click-1'],
  ])(
    'finishes a refund interrupted by a Stripe 500 mid-reversals on retry %s, refunding once',
    async (_name, key) => {
      const order = await paidOrder();
      // The refund goes through on Stripe; the first transfer reversal after it fails.
      harness.sandbox.injectFault({ method: 'POST', path: '/v1/transfers', count: 1, status: 500 });
      const first = await refund(
        order.orderId,
        { amount: 1000, reason: 'requested_by_customer' },
        key,
      );
      expect(first.status, JSON.stringify(first.body)).toBe(503);
      expect(first.body.error.code).toBe('stripe_unavailable');

      const retry = await refund(
        order.orderId,
        { amount: 1000, reason: 'requested_by_customer' },
        key,
      );
      expect(retry.status, JSON.stringify(retry.body)).toBe(200);
      const stripeRefunds = await refundsOnStripe(order.paymentIntentId);
      expect(stripeRefunds.map((item) => item.amount)).toEqual([1000]);
      expect(retry.body.order.refunded).toBe(1000);
      expect(retry.body.order.refunds.map((item: { amount: number }) => item.amount)).toEqual([
        1000,
      ]);
      expect(retry.body.refund.id).toBe(stripeRefunds[0]!.id);
      // Every seller's share was reversed once, and the reversals add up with the platform's share.
      const reversed = retry.body.refund.reversals.reduce(
        (sum: number, reversal: { amount: number }) => sum + reversal.amount,
        0,
      );
      expect(reversed + retry.body.refund.platformShare).toBe(1000);
      for (const seller of retry.body.order.sellers) {
        const reversals = await harness.stripe.transfers.listReversals(seller.transfer.id);
        expect(reversals.data.reduce((sum, item) => sum + item.amount, 0)).toBe(
          seller.transfer.reversed,
        );
      }
      // A third click is answered from what is stored, still one refund.
      const again = await refund(
        order.orderId,
        { amount: 1000, reason: 'requested_by_customer' },
        key,
      );
      if (key) {
        expect(again.status).toBe(200);
        expect(again.body.refund.id).toBe(stripeRefunds[0]!.id);
        expect(await refundsOnStripe(order.paymentIntentId)).toHaveLength(1);
      }
    },
  );

  it('refuses another amount while a refund of the order is unfinished, with no Stripe call', async () => {
    const order = await paidOrder();
    harness.sandbox.injectFault({ method: 'POST', path: '/v1/transfers', count: 1, status: 500 });
    const first = await refund(order.orderId, { amount: 800, reason: 'duplicate' });
    expect(first.status).toBe(503);
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
