import { describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { ConfigurationError } from './http/errors';
import type { MarketkitRouterOptions } from './router';
import { parseOptions } from './parse-options';
import { createPostgresStore } from './stores/postgres-store';

// The store is never queried here; a lazily connecting PostgreSQL store avoids starting PGlite.
const store = createPostgresStore({ connectionString: 'postgres://127.0.0.1:1/unused' });
const valid = (): MarketkitRouterOptions => ({
  stripe: new Stripe('sk_test_options', { host: '127.0.0.1', port: 1, protocol: 'http' }),
  store,
  authenticate: () => null,
  pricing: () => [],
  platform: { country: 'US', defaultCurrency: 'usd' },
  urls: {
    apiBase: 'https://shop.example/api/marketkit/',
    onboardingReturn: 'https://shop.example/seller',
  },
  webhookSecret: 'whsec_test',
});

describe('webhookSecret', () => {
  it('takes one secret per endpoint', () => {
    const config = parseOptions({ ...valid(), webhookSecret: ['whsec_platform', 'whsec_connect'] });
    expect(config.webhookSecrets).toEqual(['whsec_platform', 'whsec_connect']);
  });
});

const broken: [string, (options: MarketkitRouterOptions) => void, string][] = [
  [
    'no stripe instance',
    (options) => Object.assign(options, { stripe: {} }),
    'ERR_MARKETKIT_MISSING_STRIPE',
  ],
  [
    'no authenticate function',
    (options) => Object.assign(options, { authenticate: undefined }),
    'ERR_MARKETKIT_MISSING_AUTHENTICATE',
  ],
  [
    'a webhook secret that is not whsec_',
    (options) => Object.assign(options, { webhookSecret: 'sk_test_oops' }),
    'ERR_MARKETKIT_INVALID_WEBHOOK_SECRET',
  ],
  [
    'an empty list of webhook secrets',
    (options) => Object.assign(options, { webhookSecret: [] }),
    'ERR_MARKETKIT_INVALID_WEBHOOK_SECRET',
  ],
  [
    'a list of webhook secrets with one that is not whsec_',
    (options) => Object.assign(options, { webhookSecret: ['whsec_platform', 'we_123'] }),
    'ERR_MARKETKIT_INVALID_WEBHOOK_SECRET',
  ],
  [
    'no platform',
    (options) => Object.assign(options, { platform: undefined }),
    'ERR_MARKETKIT_MISSING_PLATFORM',
  ],
  [
    'a lowercase country',
    (options) => Object.assign(options, { platform: { country: 'us', defaultCurrency: 'usd' } }),
    'ERR_MARKETKIT_INVALID_COUNTRY',
  ],
  [
    'an unknown currency',
    (options) =>
      Object.assign(options, { platform: { country: 'US', defaultCurrency: 'dollars' } }),
    'ERR_MARKETKIT_INVALID_CURRENCY',
  ],
  [
    'currencies without the default',
    (options) =>
      Object.assign(options, {
        platform: { country: 'US', defaultCurrency: 'usd', currencies: ['eur'] },
      }),
    'ERR_MARKETKIT_INVALID_CURRENCY',
  ],
  [
    'a relative apiBase',
    (options) =>
      Object.assign(options, { urls: { apiBase: '/api', onboardingReturn: 'https://x.example' } }),
    'ERR_MARKETKIT_INVALID_URL',
  ],
  [
    'a javascript: return URL',
    (options) =>
      Object.assign(options, {
        urls: { apiBase: 'https://x.example', onboardingReturn: 'javascript:alert(1)' },
      }),
    'ERR_MARKETKIT_INVALID_URL',
  ],
  [
    'no pricing',
    (options) => Object.assign(options, { pricing: undefined }),
    'ERR_MARKETKIT_MISSING_PRICING',
  ],
  ...['*', 'https://shop.example/checkout', 'shop.example', 'ftp://shop.example'].map(
    (origin): [string, (options: MarketkitRouterOptions) => void, string] => [
      `an allowed origin written as ${origin}`,
      (options) =>
        Object.assign(options, {
          urls: { ...options.urls, allowedOrigins: [origin] },
        }),
      'ERR_MARKETKIT_INVALID_ALLOWED_ORIGINS',
    ],
  ),
  [
    'an empty list of allowed origins',
    (options) => Object.assign(options, { urls: { ...options.urls, allowedOrigins: [] } }),
    'ERR_MARKETKIT_INVALID_ALLOWED_ORIGINS',
  ],
  [
    'a zero worker concurrency',
    (options) => Object.assign(options, { worker: { concurrency: 0 } }),
    'ERR_MARKETKIT_INVALID_OPTION',
  ],
  [
    'a fractional rate limit',
    (options) => Object.assign(options, { worker: { callsPerSecond: 2.5 } }),
    'ERR_MARKETKIT_INVALID_OPTION',
  ],
  [
    'a max delay below the base delay',
    (options) => Object.assign(options, { worker: { baseDelayMs: 100, maxDelayMs: 10 } }),
    'ERR_MARKETKIT_INVALID_OPTION',
  ],
  [
    'a store that is not a store',
    (options) => Object.assign(options, { store: { query: 1 } }),
    'ERR_MARKETKIT_INVALID_STORE',
  ],
  [
    'a logger without error()',
    (options) => Object.assign(options, { logger: { info() {} } }),
    'ERR_MARKETKIT_INVALID_LOGGER',
  ],
];

describe('parseOptions', () => {
  it.each(broken)('refuses %s with a code and the fix', (_name, breakIt, code) => {
    const options = valid();
    breakIt(options);
    let error: unknown;
    try {
      parseOptions(options);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).code).toBe(code);
    expect((error as ConfigurationError).message.length).toBeGreaterThan(20);
  });

  it('fills in defaults: 4 workers, 20 Stripe calls per second, 32 kB bodies, US-only transfers', () => {
    const config = parseOptions(valid());
    expect(config.worker).toMatchObject({ concurrency: 4, callsPerSecond: 20, autoStart: true });
    expect(config.limits.bodyBytes).toBe(32 * 1024);
    expect(config.platform.currencies).toEqual(['usd']);
    expect(config.platform.transferCountries).toEqual(['US']);
    expect(config.urls.apiBase).toBe('https://shop.example/api/marketkit');
  });

  it('shows a two-line pricing example when pricing is missing', () => {
    const options = valid();
    Object.assign(options, { pricing: undefined });
    expect(() => parseOptions(options)).toThrow(
      /createStaticPricing[\s\S]*pricing: createStaticPricing\(/,
    );
  });

  it('allows the apiBase origin by default, and exactly the listed origins otherwise', () => {
    expect([...parseOptions(valid()).urls.allowedOrigins]).toEqual(['https://shop.example']);
    const options = valid();
    options.urls.allowedOrigins = ['https://shop.example/', 'http://localhost:5173'];
    expect([...parseOptions(options).urls.allowedOrigins]).toEqual([
      'https://shop.example',
      'http://localhost:5173',
    ]);
  });

  it('derives a link-state key that is not the webhook secret', () => {
    const config = parseOptions(valid());
    expect(config.stateSecret).not.toContain('whsec_');
    expect(config.stateSecret).toHaveLength(64);
  });
});
