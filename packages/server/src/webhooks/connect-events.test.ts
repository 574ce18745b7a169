import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as repository from '../stores/repository';
import { createHarness, type Harness } from '../testing/harness';

// Stripe sends a connected account's events (`event.account` set) to the `connect: true` endpoint;
// their objects live on that account, so MarketKit fetches them there.
describe('connected-account events', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness({ webhooks: false });
  });
  afterAll(async () => {
    await harness?.close();
  });

  function deliver(event: object) {
    const payload = JSON.stringify(event);
    return harness.http
      .post('/api/webhooks')
      .set('Content-Type', 'application/json')
      .set(
        'Stripe-Signature',
        harness.stripe.webhooks.generateTestHeaderString({
          payload,
          secret: harness.sandbox.webhookSecret,
        }),
      )
      .send(payload);
  }

  it('re-fetches a connected account’s charge.refunded on that account, not on the platform', async () => {
    const accountId = await harness.onboardSeller('cara');
    const event = {
      id: 'evt_connect_refund_1',
      object: 'event',
      type: 'charge.refunded',
      account: accountId,
      api_version: '2025-01-27.acacia',
      created: harness.sandbox.now(),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      // The seller's destination payment, refunded by a transfer reversal (an object on their account).
      data: { object: { id: 'py_connect_refund_1', object: 'charge', payment_intent: null } },
    };
    await deliver(event);
    // The sandbox has no charges on connected accounts (no direct charges), so it cannot answer the
    // fetch itself; what matters here is where MarketKit asked: on the seller's account.
    expect(harness.counter.onBehalfOf).toContain(
      `GET /v1/charges/py_connect_refund_1 ${accountId}`,
    );
    expect(harness.counter.requests).toContain('GET /v1/charges/py_connect_refund_1');
  });

  it('applies a platform event to its order without a Stripe-Account header', async () => {
    await harness.onboardSeller('dan');
    const before = harness.counter.onBehalfOf.length;
    const { paymentIntentId } = await harness.buy('bea', [
      { sellerId: 'dan', amount: 2000, quantity: 1 },
    ]);
    const events = await harness.stripe.events.list({ type: 'payment_intent.succeeded', limit: 5 });
    const succeeded = events.data.find(
      (candidate) => (candidate.data.object as { id: string }).id === paymentIntentId,
    )!;
    expect((await deliver(succeeded)).status).toBe(200);
    const order = await repository.findOrderByPaymentIntent(harness.store, paymentIntentId);
    expect(order?.status).toBe('paid');
    expect(harness.counter.onBehalfOf.slice(before)).toEqual([]);
  });
});
