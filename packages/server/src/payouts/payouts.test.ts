import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createHarness, type Harness } from '../testing/harness';
import { createTestPgliteStore } from '../testing/test-pglite';

const DAY = 24 * 60 * 60;

describe('payouts', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await createHarness({ store: createTestPgliteStore(inject('pgliteTemplate')) });
    for (const seller of ['ann', 'ben']) await harness.onboardSeller(seller);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('pays out once when a payout is retried after a Stripe 500, with or without a key', async () => {
    const seller = harness.as('ann', 'seller');
    // Manual payouts keep the balance for the seller to pay out themselves.
    await harness.http.put('/api/payout-schedule').set(seller).send({ interval: 'manual' });
    await harness.buy('buyer_1', [{ sellerId: 'ann', amount: 1500, quantity: 1 }]);
    await harness.sandbox.advanceClock(3 * DAY);
    const payoutsOnStripe = async () => {
      const account = (await harness.router.marketkit.accounts.ensureAccount({
        userId: 'ann',
        displayName: 'Shop of ann',
      })) as string;
      return (await harness.stripe.payouts.list({ limit: 100 }, { stripeAccount: account })).data;
    };
    const before = (await payoutsOnStripe()).length;
    harness.sandbox.injectFault({ method: 'POST', path: '/v1/payouts', count: 1, status: 500 });
    const failed = await harness.http.post('/api/payouts').set(seller).send({ amount: 300 });
    expect(failed.status, JSON.stringify(failed.body)).toBe(503);
    // A different payout waits for the unfinished one.
    const other = await harness.http.post('/api/payouts').set(seller).send({ amount: 200 });
    expect(other.body.error.code).toBe('payout_in_progress');
    const retried = await harness.http.post('/api/payouts').set(seller).send({ amount: 300 });
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    expect((await payoutsOnStripe()).length).toBe(before + 1);

    // With a key, a double click and a retry after success name the same payout.
    const clicks = await Promise.all(
      [1, 2].map(() =>
        harness.http.post('/api/payouts').set(seller).set('Idempotency-Key', 'po-1').send({
          amount: 100,
        }),
      ),
    );
    const ok = clicks.filter((response) => response.status === 200);
    expect(ok.length).toBeGreaterThan(0);
    const replay = await harness.http
      .post('/api/payouts')
      .set(seller)
      .set('Idempotency-Key', 'po-1')
      .send({ amount: 100 });
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(ok[0]!.body.id);
    expect((await payoutsOnStripe()).length).toBe(before + 2);
  });

  it('answers another seller’s payout as a cursor exactly like an unknown one', async () => {
    const ben = harness.as('ben', 'seller');
    await harness.http.put('/api/payout-schedule').set(ben).send({ interval: 'manual' });
    await harness.buy('buyer_2', [{ sellerId: 'ben', amount: 2000, quantity: 1 }]);
    await harness.sandbox.advanceClock(3 * DAY);
    const payout = await harness.http.post('/api/payouts').set(ben).send({ amount: 500 });
    expect(payout.status, JSON.stringify(payout.body)).toBe(200);
    const own = await harness.http.get(`/api/payouts?startingAfter=${payout.body.id}`).set(ben);
    expect(own.status).toBe(200);

    const ann = harness.as('ann', 'seller');
    const foreign = await harness.http.get(`/api/payouts?startingAfter=${payout.body.id}`).set(ann);
    const unknown = await harness.http.get('/api/payouts?startingAfter=po_0000000000').set(ann);
    for (const response of [foreign, unknown]) {
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({
        code: 'invalid_request',
        param: 'startingAfter',
      });
    }
    expect(foreign.body.error.message).toBe(unknown.body.error.message);
  });
});
