import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createHarness, type Harness } from '../testing/harness';
import { createTestPgliteStore } from '../testing/test-pglite';

// What a browser sends for the attacks in issue 12, header for header: a victim signed in to the
// marketplace (here, the `x-test-user` header stands for their session cookie) visits evil.example.
const EVIL = 'https://evil.example';

describe('cross-site request forgery', () => {
  let harness: Harness;
  let orderId = '';

  beforeAll(async () => {
    harness = await createHarness({
      store: createTestPgliteStore(inject('pgliteTemplate')),
      routerOptions: {
        urls: {
          apiBase: 'http://127.0.0.1/api',
          onboardingReturn: 'http://127.0.0.1/seller',
          allowedOrigins: ['http://127.0.0.1', 'https://shop.example'],
        },
      },
    });
    await harness.onboardSeller('seller_a');
    const checkout = await harness.http
      .post('/api/checkout')
      .set(harness.as('buyer'))
      .send(harness.cart([{ sellerId: 'seller_a', amount: 5000, quantity: 1 }]));
    orderId = checkout.body.orderId;
    await harness.pay(checkout.body.paymentIntentId);
    await harness.settle();
  });
  afterAll(async () => {
    await harness?.close();
  });

  const attacks = () => [
    {
      name: 'a <form enctype="text/plain"> creating a PaymentIntent',
      path: '/api/checkout',
      user: harness.as('buyer'),
      type: 'text/plain',
      body: `{"currency":"usd","items":[{"itemId":"seller_a:Thing:5000:usd","quantity":1}],"x":"="}`,
    },
    {
      name: 'an empty <form> paying out a seller’s whole balance',
      path: '/api/payouts',
      user: harness.as('seller_a', 'seller'),
      type: 'application/x-www-form-urlencoded',
      body: '',
    },
    {
      name: 'a <form> minting a login link',
      path: '/api/login-links',
      user: harness.as('seller_a', 'seller'),
      type: 'multipart/form-data; boundary=x',
      body: '--x--\r\n',
    },
    {
      name: 'a no-cors fetch refunding an order as an admin',
      path: `/api/orders/${orderId}/refunds`,
      user: harness.as('admin', 'admin'),
      type: 'text/plain;charset=UTF-8',
      body: '{"reason":"duplicate"}',
    },
    {
      name: 'a no-cors fetch asking for an instant payout',
      path: '/api/payouts',
      user: harness.as('seller_a', 'seller'),
      type: 'text/plain;charset=UTF-8',
      body: '{"method":"instant"}',
    },
  ];

  it('refuses every cross-site attack from the issue with 403 and no Stripe write', async () => {
    for (const attack of attacks()) {
      const before = harness.counter.writes.length;
      const response = await harness.http
        .post(attack.path)
        .set(attack.user)
        .set('Origin', EVIL)
        .set('Sec-Fetch-Site', 'cross-site')
        .set('Content-Type', attack.type)
        .send(attack.body);
      expect(response.status, attack.name).toBe(403);
      expect(response.body.error.code).toBe('cross_origin_forbidden');
      expect(harness.counter.writes.slice(before), attack.name).toEqual([]);
    }
  });

  it('refuses the same bodies without Origin headers (older browsers) as 415, before reading them', async () => {
    for (const attack of attacks()) {
      const before = harness.counter.writes.length;
      const response = await harness.http
        .post(attack.path)
        .set(attack.user)
        .set('Content-Type', attack.type)
        .send(attack.body);
      expect(response.status, attack.name).toBe(415);
      expect(response.body.error.code).toBe('unsupported_media_type');
      expect(harness.counter.writes.slice(before), attack.name).toEqual([]);
    }
    // No content type at all, with or without a body, is refused too.
    const bare = await harness.http.post('/api/payouts').set(harness.as('seller_a', 'seller'));
    expect(bare.status).toBe(415);
  });

  it('refuses a JSON request from an origin that is not allowed, or marked cross-site', async () => {
    const payout = () =>
      harness.http.post('/api/payouts').set(harness.as('seller_a', 'seller')).send({ amount: 1 });
    const foreign = await payout().set('Origin', EVIL);
    expect(foreign.status).toBe(403);
    const opaque = await payout().set('Origin', 'null');
    expect(opaque.status).toBe(403);
    const crossSite = await payout().set('Sec-Fetch-Site', 'cross-site');
    expect(crossSite.status).toBe(403);
    const schedule = await harness.http
      .put('/api/payout-schedule')
      .set(harness.as('seller_a', 'seller'))
      .set('Origin', EVIL)
      .send({ interval: 'manual' });
    expect(schedule.status).toBe(403);
  });

  it('serves the marketplace’s own pages and servers without an Origin', async () => {
    for (const origin of ['http://127.0.0.1', 'https://shop.example', undefined]) {
      let call = harness.http
        .post('/api/checkout')
        .set(harness.as('buyer'))
        .set('Sec-Fetch-Site', origin ? 'same-origin' : 'none');
      if (origin) call = call.set('Origin', origin);
      const response = await call.send(
        harness.cart([{ sellerId: 'seller_a', amount: 2500, quantity: 1 }]),
      );
      expect(response.status, JSON.stringify(response.body)).toBe(200);
    }
    // Reads are not state-changing: a cross-site GET is answered (CORS keeps its body from the page).
    const read = await harness.http
      .get('/api/accounts/me')
      .set(harness.as('buyer'))
      .set('Origin', EVIL);
    expect(read.status).toBe(200);
  });

  it('still verifies Stripe’s webhooks by signature, whatever their content type', async () => {
    const payload = JSON.stringify({
      id: 'evt_csrf_check',
      object: 'event',
      type: 'balance.available',
      data: { object: { object: 'balance' } },
    });
    const signature = harness.stripe.webhooks.generateTestHeaderString({
      payload,
      secret: harness.webhookSecrets.platform,
    });
    const response = await harness.http
      .post('/api/webhooks')
      .set('Content-Type', 'application/json; charset=utf-8')
      .set('Stripe-Signature', signature)
      .send(payload);
    expect(response.status).toBe(200);
  });
});
