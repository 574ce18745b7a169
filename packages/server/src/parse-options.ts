import { createHash } from 'node:crypto';
import { isSupportedCurrency, type FeePolicy } from '@marketkit/core';
import type Stripe from 'stripe';
import { ConfigurationError } from './http/errors';
import { createSafeLogger, type Logger } from './http/logger';
import type { AuthenticatedUser, MarketkitEventHooks, MarketkitOptions, Pricing } from './options';
import { createPgliteStore } from './stores/pglite-store';
import type { Store } from './stores/store';

export interface WorkerConfig {
  concurrency: number;
  callsPerSecond: number;
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  leaseSeconds: number;
  pollIntervalMs: number;
  autoStart: boolean;
}

/** The router's internal configuration: validated, defaults filled in, frozen. */
export interface MarketkitConfig {
  stripe: Stripe;
  store: Store;
  ownsStore: boolean;
  /** Receives the adapter's own request object (Express `req` or a fetch `Request`). */
  authenticate: (request: never) => AuthenticatedUser | null | Promise<AuthenticatedUser | null>;
  pricing: Pricing;
  platform: {
    country: string;
    defaultCurrency: string;
    currencies: readonly string[];
    transferCountries: readonly string[];
    showPlatformFee: boolean;
  };
  fees: FeePolicy;
  urls: { apiBase: string; onboardingReturn: string; allowedOrigins: ReadonlySet<string> };
  /** Every endpoint's signing secret; an event is genuine if it verifies against one of them. */
  webhookSecrets: readonly string[];
  stateSecret: string;
  accountDefaults: Partial<Stripe.AccountCreateParams>;
  worker: WorkerConfig;
  limits: { bodyBytes: number; linksPerWindow: number; linkWindowMs: number };
  payoutScheduleEditable: boolean;
  disputeReversals: 'on_lost' | 'never';
  webhookToleranceSeconds: number;
  logger: Logger;
  hooks: MarketkitEventHooks;
  now: () => number;
}

function fail(code: string, message: string): never {
  throw new ConfigurationError(`ERR_MARKETKIT_${code}`, message);
}

function positiveInteger(value: unknown, name: string, fallback: number, minimum = 1): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum) {
    fail('INVALID_OPTION', `\`${name}\` must be an integer ≥ ${minimum}; got ${String(value)}.`);
  }
  return value;
}

function url(value: unknown, name: string): string {
  if (typeof value !== 'string')
    fail('INVALID_URL', `\`${name}\` is required: an absolute http(s) URL.`);
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    fail('INVALID_URL', `\`${name}\` must be an absolute http(s) URL; got "${value}".`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    fail('INVALID_URL', `\`${name}\` must use http or https; got "${parsed.protocol}".`);
  }
  return value.replace(/\/+$/, '');
}

/** `urls.allowedOrigins`: bare origins (scheme, host, port), compared as browsers send `Origin`. */
function origins(value: unknown, apiBase: string): ReadonlySet<string> {
  if (value === undefined) return new Set([new URL(apiBase).origin]);
  if (!Array.isArray(value) || value.length === 0) {
    fail(
      'INVALID_ALLOWED_ORIGINS',
      "`urls.allowedOrigins` must be a non-empty array of origins, e.g. ['https://shop.example'].",
    );
  }
  const allowed = new Set<string>();
  for (const entry of value as unknown[]) {
    const parsed = typeof entry === 'string' && URL.canParse(entry) ? new URL(entry) : null;
    if (
      !parsed ||
      (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') ||
      parsed.origin !== String(entry).replace(/\/$/, '')
    ) {
      fail(
        'INVALID_ALLOWED_ORIGINS',
        `\`urls.allowedOrigins\` entries are origins like 'https://shop.example' (no path, no "*"); got ${JSON.stringify(entry)}.`,
      );
    }
    allowed.add(parsed.origin);
  }
  return allowed;
}

const COUNTRY = /^[A-Z]{2}$/;

/** Turns public options into the internal config once; every mistake throws with the fix in the message. */
export function parseOptions(options: MarketkitOptions<never>): MarketkitConfig {
  if (options === null || typeof options !== 'object')
    fail('MISSING_OPTIONS', 'Pass an options object to `createMarketkitRouter`.');
  const stripe = options.stripe as unknown;
  if (
    stripe === null ||
    typeof stripe !== 'object' ||
    typeof (stripe as Stripe).accounts?.create !== 'function' ||
    typeof (stripe as Stripe).webhooks?.constructEvent !== 'function'
  ) {
    fail(
      'MISSING_STRIPE',
      'Pass `stripe`: a `new Stripe(secretKey)` instance from the `stripe` package.',
    );
  }
  if (typeof options.authenticate !== 'function') {
    fail(
      'MISSING_AUTHENTICATE',
      'Pass `authenticate(request)` returning `{ userId, role }` or null; MarketKit has no open default.',
    );
  }
  if (typeof options.pricing !== 'function') {
    fail(
      'MISSING_PRICING',
      [
        'Pass `pricing`: the server decides what a checkout costs, from your catalogue. For example:',
        "  import { createStaticPricing } from '@marketkit/server';",
        "  pricing: createStaticPricing({ mug: { sellerId: 'ada', description: 'Mug', amount: 2400, currency: 'usd' } }),",
      ].join('\n'),
    );
  }
  const webhookSecrets: unknown[] = Array.isArray(options.webhookSecret)
    ? options.webhookSecret
    : [options.webhookSecret];
  if (
    webhookSecrets.length === 0 ||
    webhookSecrets.some((secret) => typeof secret !== 'string' || !secret.startsWith('whsec_'))
  ) {
    fail(
      'INVALID_WEBHOOK_SECRET',
      'Pass `webhookSecret`: the endpoint signing secret starting with "whsec_", or one per endpoint (`[platformSecret, connectSecret]`) when platform and connected-account events arrive on two endpoints.',
    );
  }
  const platform = options.platform as MarketkitOptions<never>['platform'] | undefined;
  if (!platform || typeof platform !== 'object') {
    fail('MISSING_PLATFORM', "Pass `platform: { country: 'US', defaultCurrency: 'usd' }`.");
  }
  if (typeof platform.country !== 'string' || !COUNTRY.test(platform.country)) {
    fail(
      'INVALID_COUNTRY',
      `\`platform.country\` must be an uppercase ISO country code like 'US'; got ${String(platform.country)}.`,
    );
  }
  const currencies = platform.currencies ?? [platform.defaultCurrency];
  for (const currency of [platform.defaultCurrency, ...currencies]) {
    if (typeof currency !== 'string' || !isSupportedCurrency(currency)) {
      fail(
        'INVALID_CURRENCY',
        `Currency ${JSON.stringify(currency)} is not a supported lowercase ISO code (e.g. 'usd').`,
      );
    }
  }
  if (!currencies.includes(platform.defaultCurrency)) {
    fail('INVALID_CURRENCY', '`platform.currencies` must include `platform.defaultCurrency`.');
  }
  const transferCountries = platform.transferCountries ?? [platform.country];
  for (const country of transferCountries) {
    if (typeof country !== 'string' || !COUNTRY.test(country)) {
      fail(
        'INVALID_COUNTRY',
        `\`platform.transferCountries\` entries must be uppercase ISO country codes; got ${String(country)}.`,
      );
    }
  }
  if (!options.urls || typeof options.urls !== 'object') {
    fail(
      'INVALID_URL',
      "Pass `urls: { apiBase: 'https://shop.example/api/marketkit', onboardingReturn: 'https://shop.example/seller' }`.",
    );
  }
  if (options.fees !== undefined && (options.fees === null || typeof options.fees !== 'object')) {
    fail('INVALID_FEES', '`fees` must be a fee policy object, e.g. `{ basisPoints: 1000 }`.');
  }
  if (
    options.store !== undefined &&
    (typeof options.store?.query !== 'function' || typeof options.store?.transaction !== 'function')
  ) {
    fail('INVALID_STORE', 'Pass `store` from `createPgliteStore()` or `createPostgresStore()`.');
  }
  if (
    options.disputeReversals !== undefined &&
    options.disputeReversals !== 'on_lost' &&
    options.disputeReversals !== 'never'
  ) {
    fail('INVALID_OPTION', "`disputeReversals` must be 'on_lost' or 'never'.");
  }
  const worker = options.worker ?? {};
  const limits = options.limits ?? {};
  const baseDelayMs = positiveInteger(worker.baseDelayMs, 'worker.baseDelayMs', 500, 0);
  const maxDelayMs = positiveInteger(worker.maxDelayMs, 'worker.maxDelayMs', 300_000, 0);
  if (maxDelayMs < baseDelayMs)
    fail('INVALID_OPTION', '`worker.maxDelayMs` must be at least `worker.baseDelayMs`.');
  if (options.logger !== undefined && typeof options.logger?.error !== 'function') {
    fail('INVALID_LOGGER', 'Pass a pino-compatible `logger` with info/warn/error methods.');
  }
  const apiBase = url(options.urls.apiBase, 'urls.apiBase');
  return {
    stripe: options.stripe,
    store: options.store ?? createPgliteStore(),
    ownsStore: options.store === undefined,
    authenticate: options.authenticate,
    pricing: options.pricing,
    platform: {
      country: platform.country,
      defaultCurrency: platform.defaultCurrency,
      currencies,
      transferCountries,
      showPlatformFee: platform.showPlatformFee ?? true,
    },
    fees: options.fees ?? {},
    urls: {
      apiBase,
      onboardingReturn: url(options.urls.onboardingReturn, 'urls.onboardingReturn'),
      allowedOrigins: origins(options.urls.allowedOrigins, apiBase),
    },
    webhookSecrets: webhookSecrets as string[],
    // A separate key for link state so a leaked state token says nothing about the webhook secret.
    stateSecret:
      options.stateSecret ??
      createHash('sha256')
        .update(`marketkit-link-state:${(webhookSecrets as string[]).join(',')}`)
        .digest('hex'),
    accountDefaults: options.accountDefaults ?? {},
    worker: {
      concurrency: positiveInteger(worker.concurrency, 'worker.concurrency', 4),
      callsPerSecond: positiveInteger(worker.callsPerSecond, 'worker.callsPerSecond', 20),
      maxAttempts: positiveInteger(worker.maxAttempts, 'worker.maxAttempts', 8),
      baseDelayMs,
      maxDelayMs,
      leaseSeconds: positiveInteger(worker.leaseSeconds, 'worker.leaseSeconds', 60),
      pollIntervalMs: positiveInteger(worker.pollIntervalMs, 'worker.pollIntervalMs', 1000),
      autoStart: worker.autoStart ?? true,
    },
    limits: {
      bodyBytes: positiveInteger(limits.bodyBytes, 'limits.bodyBytes', 32 * 1024),
      linksPerWindow: positiveInteger(limits.linksPerWindow, 'limits.linksPerWindow', 20),
      linkWindowMs: positiveInteger(limits.linkWindowMs, 'limits.linkWindowMs', 60_000),
    },
    payoutScheduleEditable: options.payoutScheduleEditable ?? true,
    disputeReversals: options.disputeReversals ?? 'on_lost',
    webhookToleranceSeconds: positiveInteger(
      options.webhookToleranceSeconds,
      'webhookToleranceSeconds',
      300,
    ),
    logger: createSafeLogger(options.logger),
    hooks: {
      onOrderPaid: options.onOrderPaid,
      onTransferPaid: options.onTransferPaid,
      onTransferFailed: options.onTransferFailed,
      onRefund: options.onRefund,
      onRiskChanged: options.onRiskChanged,
      onDebtRecorded: options.onDebtRecorded,
      onDebtRecovered: options.onDebtRecovered,
    },
    now: options.now ?? (() => Math.floor(Date.now() / 1000)),
  };
}
