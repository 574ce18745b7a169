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

  it('re-fetches a connected account’s charge.refunded on that account, not on the platform', async () => {
    const accountId = await harness.onboardSeller('cara');
    // The seller's destination payment, refunded by a transfer reversal (an object on their account).
    const event = harness.connectedAccountEvent(
      'evt_connect_refund_1',
      'charge.refunded',
      accountId,
      {
        id: 'py_connect_refund_1',
        object: 'charge',
        payment_intent: null,
      },
    );
    await harness.deliverEvent(event);
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
    expect((await harness.deliverEvent(succeeded)).status).toBe(200);
    const order = await repository.findOrderByPaymentIntent(harness.store, paymentIntentId);
    expect(order?.status).toBe('paid');
    expect(harness.counter.onBehalfOf.slice(before)).toEqual([]);
  });
});

// Stripe gives every endpoint its own signing secret; platform and connected-account events take two.
describe('two webhook endpoints, two secrets', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  function post(payload: string, secret: string) {
    return harness.http
      .post('/api/webhooks')
      .set('Content-Type', 'application/json')
      .set(
        'Stripe-Signature',
        harness.stripe.webhooks.generateTestHeaderString({ payload, secret }),
      )
      .send(payload);
  }

  it('accepts platform events signed by the platform endpoint and connected-account events by the connect endpoint', async () => {
    const { platform, connect } = harness.webhookSecrets;
    expect(connect).toMatch(/^whsec_/);
    expect(platform).not.toBe(connect);
    // Sandbox deliveries: account.updated comes from the seller's account (connect endpoint), the
    // payment from the platform (platform endpoint).
    const accountId = await harness.onboardSeller('eve', { refresh: false });
    await harness.settle();
    const updates = await harness.stripe.events.list(
      { type: 'account.updated', limit: 20 },
      { stripeAccount: accountId },
    );
    const update = updates.data.find((event) => event.account === accountId);
    expect(update).toBeDefined();
    expect(await repository.hasWebhookEvent(harness.store, update!.id)).toBe(true);
    const { orderId } = await harness.buy('fay', [{ sellerId: 'eve', amount: 1800, quantity: 1 }]);
    expect((await repository.findOrder(harness.store, orderId))?.status).toBe('paid');

    const payload = (id: string) =>
      JSON.stringify({ id, object: 'event', type: 'balance.available', data: { object: {} } });
    expect((await post(payload('evt_signed_platform'), platform)).status).toBe(200);
    expect((await post(payload('evt_signed_connect'), connect!)).status).toBe(200);
  });

  it('refuses an event signed with a secret of no endpoint', async () => {
    const payload = JSON.stringify({
      id: 'evt_forged',
      object: 'event',
      type: 'balance.available',
      data: { object: {} },
    });
    const refused = await post(payload, 'whsec_not_one_of_ours');
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('webhook_signature_invalid');
    // The shared `stripe listen` secret is not one of these endpoints' secrets either.
    expect((await post(payload, harness.sandbox.webhookSecret)).status).toBe(400);
    expect(await repository.hasWebhookEvent(harness.store, 'evt_forged')).toBe(false);
  });
});
