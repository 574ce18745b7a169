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

  /**
   * A new seller's onboarding link, and where Stripe sends whoever opens it once it expired: the
   * router's refresh URL (path and query, relative to the app) with the signed state.
   */
  async function expiredLink(userId: string) {
    await harness.router.marketkit.accounts.ensureAccount({ userId, displayName: userId });
    const link = await harness.http
      .post('/api/account-links')
      .set(harness.as(userId, 'seller'))
      .send({ type: 'onboarding' });
    expect(link.status).toBe(200);
    await harness.sandbox.advanceClock(3600);
    const expired = await fetch(link.body.url, { redirect: 'manual' });
    expect(expired.status).toBe(303);
    const location = expired.headers.get('location')!;
    expect(location).toMatch(/^http:\/\/127\.0\.0\.1\/api\/account-links\/refresh\?state=/);
    const refresh = location.replace('http://127.0.0.1', '');
    return {
      url: link.body.url as string,
      refresh,
      return: refresh.replace('/refresh', '/return'),
    };
  }

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
    const link = await expiredLink('linker');
    expect(new URL(link.url).origin).toBe(harness.sandbox.url);
    const refreshed = await harness.http.get(link.refresh).set(harness.as('linker', 'seller'));
    expect(refreshed.status).toBe(303);
    expect(refreshed.headers.location).toMatch(new RegExp(`^${harness.sandbox.url}/`));
    expect(refreshed.headers.location).not.toBe(link.url);
    const returned = await harness.http.get(link.return).set(harness.as('linker', 'seller'));
    expect(returned.status).toBe(303);
    expect(returned.headers.location).toBe('http://127.0.0.1/seller?onboarding=returned');
    const tampered = link.refresh.replace(/state=./, 'state=A');
    expect((await harness.http.get(tampered)).body.error.code).toBe('link_state_invalid');
  });

  it('sends anyone but the signed-in owner of the account to sign in, with no Stripe call', async () => {
    const link = await expiredLink('owner');
    const signIn = 'http://127.0.0.1/seller?onboarding=sign_in_required';
    const before = harness.counter.requests.length;
    for (const path of [link.refresh, link.return]) {
      for (const who of [null, harness.as('seller_a', 'seller'), harness.as('ops', 'admin')]) {
        const response = await (who ? harness.http.get(path).set(who) : harness.http.get(path));
        expect(response.status).toBe(303);
        expect(response.headers.location).toBe(signIn);
      }
    }
    expect(harness.counter.requests.slice(before)).toEqual([]);
  });

  it('rate-limits the refresh and return URLs like link minting', async () => {
    const link = await expiredLink('looper');
    const statuses: number[] = [];
    for (let index = 0; index < 5; index += 1) {
      const path = index % 2 === 0 ? link.refresh : link.return;
      statuses.push((await harness.http.get(path).set(harness.as('looper', 'seller'))).status);
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
