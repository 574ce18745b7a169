import { afterAll, describe, expect, inject, it } from 'vitest';
import Stripe from 'stripe';
import { isConfigurationError } from '../http/errors';
import { createMarketkitRouter } from '../router';
import { createTestPgliteStore } from '../testing/test-pglite';
import { createMarketkitHandler } from './handler';

// The HTTP behaviour both adapters share is proven by the `server-fetch` project (every black-box
// suite again over this adapter); here only what is the adapter's own: options and the mount path.
// A copy of the migrated template: no migrations to run.
const store = createTestPgliteStore(inject('pgliteTemplate'));
const options = () => ({
  stripe: new Stripe('sk_test_fetch', { host: '127.0.0.1', port: 1, protocol: 'http' }),
  store,
  authenticate: () => null,
  pricing: () => [],
  platform: { country: 'US', defaultCurrency: 'usd' },
  urls: {
    apiBase: 'https://shop.example/api/marketkit',
    onboardingReturn: 'https://shop.example/seller',
  },
  webhookSecret: 'whsec_test',
});

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; requestId: string } }).error;
}

function configurationCode(create: () => unknown): string | undefined {
  try {
    create();
  } catch (error) {
    return isConfigurationError(error) ? error.code : `not a ConfigurationError: ${String(error)}`;
  }
  return undefined;
}

describe('createMarketkitHandler', () => {
  const handler = createMarketkitHandler(options());
  afterAll(async () => {
    await handler.marketkit.close();
    await store.close();
  });

  it.each([
    ['no stripe', { stripe: {} }],
    ['no authenticate', { authenticate: undefined }],
    ['no pricing', { pricing: undefined }],
    ['a secret key as webhook secret', { webhookSecret: 'sk_test_oops' }],
    ['a relative apiBase', { urls: { apiBase: '/api', onboardingReturn: '/seller' } }],
  ])('throws the same ConfigurationError as the Express router for %s', (_name, broken) => {
    const fetchCode = configurationCode(() =>
      createMarketkitHandler({ ...options(), ...broken } as never),
    );
    const expressCode = configurationCode(() =>
      createMarketkitRouter({ ...options(), ...broken } as never),
    );
    expect(fetchCode).toMatch(/^ERR_MARKETKIT_/);
    expect(fetchCode).toBe(expressCode);
  });

  it('serves the paths under apiBase and answers 404 in the error envelope elsewhere', async () => {
    const inside = await handler(new Request('https://shop.example/api/marketkit/orders'));
    expect(inside.status).toBe(401);
    expect((await errorOf(inside)).code).toBe('unauthenticated');

    const outside = await handler(new Request('https://shop.example/api/marketkitten/orders'));
    expect(outside.status).toBe(404);
    const error = await errorOf(outside);
    expect(error.code).toBe('not_found');
    expect(error.requestId).toBe(outside.headers.get('X-Request-Id'));
  });

  it('refuses a cross-site POST before reading its body', async () => {
    const response = await handler(
      new Request('https://shop.example/api/marketkit/checkout', {
        method: 'POST',
        headers: { Origin: 'https://evil.example', 'Content-Type': 'text/plain' },
        body: 'x'.repeat(10_000_000),
      }),
    );
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe('cross_origin_forbidden');
  });
});
