import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as repository from '../stores/repository';
import { createHarness, type Harness } from '../testing/harness';
import { createTestPostgresStore } from '../testing/test-database';

describe('who can do what', () => {
  let harness: Harness;
  let accountA = '';
  let accountB = '';
  let orderOfB = '';

  beforeAll(async () => {
    harness = await createHarness({
      store: await createTestPostgresStore(inject('postgresUrl')),
      routerOptions: { limits: { linksPerWindow: 4, linkWindowMs: 60_000 } },
    });
    accountA = await harness.onboardSeller('seller_a');
    accountB = await harness.onboardSeller('seller_b');
    const checkout = await harness.http
      .post('/api/checkout')
      .set(harness.as('buyer_b'))
      .send(
        harness.cart([{ sellerId: 'seller_b', description: 'Bowl', amount: 2000, quantity: 1 }]),
      );
    orderOfB = checkout.body.orderId;
    await harness.pay(checkout.body.paymentIntentId);
    await harness.settle();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('creates one account for concurrent POST /accounts from the same user', async () => {
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        harness.http.post('/api/accounts').type('json').set(harness.as('newcomer', 'seller')),
      ),
    );
    const ids = new Set(responses.map((response) => response.body.accountId));
    expect(responses.every((response) => response.status === 200)).toBe(true);
    expect(ids.size).toBe(1);
    const stripeAccounts = await harness.stripe.accounts.list({ limit: 100 });
    expect(
      stripeAccounts.data.filter((account) => account.metadata?.marketkit_user_id === 'newcomer'),
    ).toHaveLength(1);
  });

  // Every seller route acts on the caller's own account: seller A's responses never name B's account.
  const sellerRoutes: {
    name: string;
    call: (harness: Harness) => ReturnType<Harness['http']['get']>;
  }[] = [
    { name: 'GET /accounts/me', call: (h) => h.http.get('/api/accounts/me') },
    { name: 'GET /balance', call: (h) => h.http.get('/api/balance') },
    { name: 'GET /payouts', call: (h) => h.http.get('/api/payouts') },
    { name: 'GET /payout-schedule', call: (h) => h.http.get('/api/payout-schedule') },
    { name: 'GET /risk', call: (h) => h.http.get('/api/risk') },
    {
      name: 'POST /account-sessions',
      call: (h) => h.http.post('/api/account-sessions').send({ components: ['payouts'] }),
    },
  ];

  it.each(sellerRoutes)('$name answers seller A with A’s account only', async ({ call }) => {
    const before = await harness.stripe.accounts.retrieve(accountB);
    const response = await call(harness).set(harness.as('seller_a', 'seller'));
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(JSON.stringify(response.body)).not.toContain(accountB);
    if ('accountId' in response.body) expect(response.body.accountId).toBe(accountA);
    const after = await harness.stripe.accounts.retrieve(accountB);
    expect(after.settings?.payouts?.schedule).toEqual(before.settings?.payouts?.schedule);
  });

  it('mints an account session for the caller’s own account', async () => {
    const response = await harness.http
      .post('/api/account-sessions')
      .set(harness.as('seller_a', 'seller'))
      .send({ components: ['account_onboarding'] });
    const session = await fetch(`${harness.sandbox.url}/_sandbox/connect/session`, {
      headers: { authorization: `Bearer ${response.body.clientSecret}` },
    });
    expect(((await session.json()) as { account: string }).account).toBe(accountA);
  });

  it('changes only the caller’s payout schedule', async () => {
    await harness.http
      .put('/api/payout-schedule')
      .set(harness.as('seller_a', 'seller'))
      .send({ interval: 'monthly', monthlyAnchor: 15 });
    const a = await harness.stripe.accounts.retrieve(accountA);
    const b = await harness.stripe.accounts.retrieve(accountB);
    expect(a.settings?.payouts?.schedule?.interval).toBe('monthly');
    expect(b.settings?.payouts?.schedule?.interval).not.toBe('monthly');
  });

  it('hides seller B’s orders from seller A and from other buyers', async () => {
    expect(
      (await harness.http.get(`/api/orders/${orderOfB}`).set(harness.as('seller_a', 'seller')))
        .status,
    ).toBe(404);
    expect(
      (await harness.http.get(`/api/orders/${orderOfB}`).set(harness.as('buyer_a'))).status,
    ).toBe(404);
    expect(
      (await harness.http.get(`/api/orders/${orderOfB}`).set(harness.as('seller_b', 'seller')))
        .status,
    ).toBe(200);
    expect(
      (await harness.http.get(`/api/orders/${orderOfB}`).set(harness.as('admin', 'admin'))).status,
    ).toBe(200);
  });

  it('keeps refunds and platform risk for admins', async () => {
    for (const role of ['buyer', 'seller'] as const) {
      const refund = await harness.http
        .post(`/api/orders/${orderOfB}/refunds`)
        .set(harness.as('seller_b', role))
        .send({ reason: 'duplicate' });
      expect(refund.status).toBe(403);
      expect(
        (await harness.http.get('/api/platform/risk').set(harness.as('seller_b', role))).status,
      ).toBe(403);
    }
    expect(
      (await harness.http.get('/api/platform/risk').set(harness.as('admin', 'admin'))).status,
    ).toBe(200);
  });

  it('rejects anonymous callers on every JSON route', async () => {
    const calls = [
      harness.http.post('/api/accounts').type('json'),
      harness.http.get('/api/accounts/me'),
      harness.http.post('/api/account-links').send({ type: 'onboarding' }),
      harness.http.post('/api/account-sessions').send({ components: ['payouts'] }),
      harness.http.post('/api/login-links').type('json'),
      harness.http.get(`/api/orders/${orderOfB}`),
      harness.http.get('/api/balance'),
      harness.http.get('/api/payouts'),
      harness.http.post('/api/payouts').send({ method: 'standard' }),
      harness.http.get('/api/risk'),
    ];
    for (const response of await Promise.all(calls)) {
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('unauthenticated');
    }
  });

  it('never puts a secret in a response or a log line', async () => {
    await harness.router.marketkit.accounts.ensureAccount({
      userId: 'secretive',
      displayName: 'Secretive',
    });
    const session = await harness.http
      .post('/api/account-sessions')
      .set(harness.as('secretive', 'seller'))
      .send({ components: ['payouts'] });
    expect(session.body.clientSecret).toBeTruthy();
    const checkout = await harness.http
      .post('/api/checkout')
      .set(harness.as('buyer_c'))
      .send(
        harness.cart([{ sellerId: 'seller_a', description: 'Cup', amount: 1000, quantity: 1 }]),
      );
    harness.sandbox.injectFault({
      method: 'POST',
      path: '/v1/payment_intents',
      count: 1,
      status: 500,
    });
    const failed = await harness.http
      .post('/api/checkout')
      .set(harness.as('buyer_c'))
      .send(
        harness.cart([{ sellerId: 'seller_a', description: 'Cup', amount: 1000, quantity: 1 }]),
      );
    expect(failed.status).toBe(503);
    expect(failed.body.error.code).toBe('stripe_unavailable');
    expect(failed.body.error.message).not.toMatch(/Injected|sandbox/i);
    await harness.pay(checkout.body.paymentIntentId);
    await harness.settle();
    const everything = harness.logs.join('\n');
    expect(everything.length).toBeGreaterThan(0);
    expect(everything).not.toMatch(/sk_test_|whsec_|_secret_/);
    expect(everything).not.toContain(checkout.body.clientSecret);
    expect(everything).not.toContain(session.body.clientSecret);
    for (const body of [failed.body, checkout.body.breakdown])
      expect(JSON.stringify(body)).not.toMatch(/sk_test_|whsec_/);
  });

  it('keeps seller B’s account mapping when seller A is seeded again', async () => {
    await harness.router.marketkit.accounts.ensureAccount({
      userId: 'seller_a',
      displayName: 'Renamed A',
    });
    expect((await repository.findAccountByUser(harness.store, 'seller_a'))?.accountId).toBe(
      accountA,
    );
    expect((await repository.findAccountByUser(harness.store, 'seller_b'))?.accountId).toBe(
      accountB,
    );
  });
});
