import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createHarness, type Harness } from '../testing/harness';
import { createTestPgliteStore } from '../testing/test-pglite';

describe('account links', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await createHarness({
      store: createTestPgliteStore(inject('pgliteTemplate')),
      routerOptions: { limits: { linksPerWindow: 4, linkWindowMs: 60_000 } },
    });
    await harness.onboardSeller('seller_a');
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('limits link minting per user and says when to retry', async () => {
    await harness.router.marketkit.accounts.ensureAccount({
      userId: 'clicker',
      displayName: 'Clicker',
    });
    const mint = () =>
      harness.http.post('/api/login-links').type('json').set(harness.as('clicker', 'seller'));
    for (let index = 0; index < 4; index += 1) expect((await mint()).status).toBe(200);
    const limited = await mint();
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another user is not affected.
    expect(
      (
        await harness.http
          .post('/api/login-links')
          .type('json')
          .set(harness.as('seller_a', 'seller'))
      ).status,
    ).toBe(200);
  });

  it('re-mints an expired onboarding link from the signed refresh URL, for the account it names', async () => {
    await harness.router.marketkit.accounts.ensureAccount({
      userId: 'linker',
      displayName: 'Linker',
    });
    const link = await harness.http
      .post('/api/account-links')
      .set(harness.as('linker', 'seller'))
      .send({ type: 'onboarding' });
    expect(link.status).toBe(200);
    const stripeLink = new URL(link.body.url);
    expect(stripeLink.origin).toBe(harness.sandbox.url);
    // Stripe sends the user to refresh_url once the link has expired.
    await harness.sandbox.advanceClock(3600);
    const expired = await fetch(link.body.url, { redirect: 'manual' });
    expect(expired.status).toBe(303);
    const refreshUrl = expired.headers.get('location');
    expect(refreshUrl).toMatch(/^http:\/\/127\.0\.0\.1\/api\/account-links\/refresh\?state=/);
    const refreshed = await harness.http
      .get(refreshUrl!.replace('http://127.0.0.1', ''))
      .set(harness.as('linker', 'seller'));
    expect(refreshed.status).toBe(303);
    expect(refreshed.headers.location).toMatch(new RegExp(`^${harness.sandbox.url}/`));
    expect(refreshed.headers.location).not.toBe(link.body.url);
    const returned = await harness.http
      .get(refreshUrl!.replace('http://127.0.0.1', '').replace('/refresh', '/return'))
      .set(harness.as('linker', 'seller'));
    expect(returned.status).toBe(303);
    expect(returned.headers.location).toBe('http://127.0.0.1/seller?onboarding=returned');
    const tampered = refreshUrl!.replace('http://127.0.0.1', '').replace(/state=./, 'state=A');
    expect((await harness.http.get(tampered)).body.error.code).toBe('link_state_invalid');
  });

  it('sends anyone but the signed-in owner of the account to sign in, with no Stripe call', async () => {
    await harness.router.marketkit.accounts.ensureAccount({
      userId: 'owner',
      displayName: 'Owner',
    });
    const link = await harness.http
      .post('/api/account-links')
      .set(harness.as('owner', 'seller'))
      .send({ type: 'onboarding' });
    expect(link.status).toBe(200);
    // A link past its expiry sends whoever holds it to the refresh URL, state and all.
    await harness.sandbox.advanceClock(3600);
    const expired = await fetch(link.body.url, { redirect: 'manual' });
    const state = new URL(expired.headers.get('location')!).searchParams.get('state')!;
    const signIn = 'http://127.0.0.1/seller?onboarding=sign_in_required';
    const before = harness.counter.requests.length;
    for (const route of ['refresh', 'return']) {
      const path = `/api/account-links/${route}?state=${encodeURIComponent(state)}`;
      for (const who of [null, harness.as('seller_a', 'seller'), harness.as('seller_b', 'admin')]) {
        const response = await (who ? harness.http.get(path).set(who) : harness.http.get(path));
        expect(response.status).toBe(303);
        expect(response.headers.location).toBe(signIn);
      }
    }
    expect(harness.counter.requests.slice(before)).toEqual([]);
  });

  it('rate-limits the refresh and return URLs like link minting', async () => {
    await harness.router.marketkit.accounts.ensureAccount({ userId: 'looper', displayName: 'L' });
    const link = await harness.http
      .post('/api/account-links')
      .set(harness.as('looper', 'seller'))
      .send({ type: 'onboarding' });
    await harness.sandbox.advanceClock(3600);
    const expired = await fetch(link.body.url, { redirect: 'manual' });
    const path = new URL(expired.headers.get('location')!).pathname.replace(/^\/api/, '');
    const query = new URL(expired.headers.get('location')!).search;
    const statuses: number[] = [];
    for (let index = 0; index < 5; index += 1) {
      const route = index % 2 === 0 ? path : path.replace('/refresh', '/return');
      statuses.push(
        (await harness.http.get(`/api${route}${query}`).set(harness.as('looper', 'seller'))).status,
      );
    }
    // One mint plus three redirects fit the window of 4; the fifth call is refused.
    expect(statuses).toEqual([303, 303, 303, 429, 429]);
  });

  it('mints update links for Express sellers through Stripe-hosted onboarding', async () => {
    await harness.router.marketkit.accounts.ensureAccount({
      userId: 'updater',
      displayName: 'Updater',
    });
    const link = await harness.http
      .post('/api/account-links')
      .set(harness.as('updater', 'seller'))
      .send({ type: 'update' });
    // Stripe refuses `account_update` links where it collects requirements, so this must not be a 502.
    expect(link.status).toBe(200);
    expect(new URL(link.body.url).origin).toBe(harness.sandbox.url);
    const page = await fetch(link.body.url);
    expect(page.status).toBe(200);
  });
});
