// Test harness: a real sandbox, the real `stripe` SDK, and MarketKit on 127.0.0.1 behind one of its
// adapters: the Express router (default) or, with MARKETKIT_ADAPTER=fetch (the `server-fetch`
// project), the fetch handler served by Node's own Request/Response. The same suites run over both.
// Users are chosen per request with the `x-test-user: <userId>:<role>` header.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSandbox, type Sandbox } from '@marketkit/sandbox';
import express from 'express';
import Stripe from 'stripe';
import request from 'supertest';
import { createStaticPricing, type CatalogueItem } from '../checkout/pricing';
import type { Logger } from '../http/logger';
import type { MarketkitLifecycle } from '../core';
import { createMarketkitHandler } from '../fetch/handler';
import type { AuthenticatedUser, MarketkitOptions, UserRole } from '../options';
import { createMarketkitRouter } from '../router';
import { serveFetch } from './fetch-server';
import { createPgliteStore } from '../stores/pglite-store';
import { startRequestCounter, type RequestCounter } from './request-counter';
import type { Store } from '../stores/store';

export type HarnessAdapter = 'express' | 'fetch';

/** The adapter this test run serves MarketKit through. */
export const HARNESS_ADAPTER: HarnessAdapter =
  process.env.MARKETKIT_ADAPTER === 'fetch' ? 'fetch' : 'express';

/** The options both adapters share (everything but `authenticate`, which the harness supplies). */
export type HarnessRouterOptions = Omit<MarketkitOptions<never>, 'authenticate'>;

/** One MarketKit instance, whichever adapter serves it. */
export interface HarnessInstance {
  marketkit: MarketkitLifecycle;
}

export interface Harness {
  adapter: HarnessAdapter;
  sandbox: Sandbox;
  /** Talks to the sandbox directly (test set-up and assertions). */
  stripe: Stripe;
  /**
   * The signing secrets the router verifies against: the platform endpoint's and the `connect: true`
   * endpoint's (each endpoint has its own, as on Stripe), or the `stripe listen`-style shared secret
   * when the harness registers no endpoint. `platform` signs hand-delivered platform events.
   */
  webhookSecrets: { platform: string; connect: string | null };
  /** Counts the Stripe writes the router makes (its Stripe client goes through this proxy). */
  counter: RequestCounter;
  store: Store;
  /** The instance currently serving requests. */
  router: HarnessInstance;
  baseUrl: string;
  logs: string[];
  /** supertest agent bound to the app. */
  http: ReturnType<typeof request>;
  as(userId: string, role?: UserRole): Record<string, string>;
  /**
   * Puts an item on sale in the test catalogue the router prices from and returns its id (the same
   * seller, price, description and currency always give the same id).
   */
  item(sellerId: string, amount: number, description?: string, currency?: string): string;
  /** A checkout body for these lines, each put on sale first. */
  cart(
    lines: readonly { sellerId: string; amount: number; quantity: number; description?: string }[],
    currency?: string,
  ): { currency: string; items: { itemId: string; quantity: number }[] };
  /** Creates a seller account and completes onboarding with passing test values. */
  onboardSeller(
    userId: string,
    options?: { displayName?: string; country?: string; refresh?: boolean },
  ): Promise<string>;
  /** Checks out these lines as `buyerId`, pays and settles; returns the order and PaymentIntent ids. */
  buy(
    buyerId: string,
    lines: readonly { sellerId: string; amount: number; quantity: number; description?: string }[],
  ): Promise<{ orderId: string; paymentIntentId: string }>;
  /** Pays a checkout with a test payment method, server side. */
  pay(paymentIntentId: string, paymentMethod?: string): Promise<Stripe.PaymentIntent>;
  /** Delivers queued webhooks and waits for the transfer worker to finish. */
  settle(): Promise<void>;
  /** A hand-made event about an object on a connected account (`event.account` set), as Stripe sends it. */
  connectedAccountEvent(id: string, type: string, accountId: string, object: object): object;
  /** Posts a hand-made event to the webhook route, signed as the platform endpoint would sign it. */
  deliverEvent(event: object): request.Test;
  /** Another router on the same store and sandbox (another instance of the app); the caller closes it. */
  createRouter(overrides?: Partial<HarnessRouterOptions>): HarnessInstance;
  /** Restarts the router on the same store (simulates a new process). */
  restart(overrides?: Partial<HarnessRouterOptions>): Promise<HarnessInstance>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  routerOptions?: Partial<HarnessRouterOptions>;
  /** Default: `HARNESS_ADAPTER`. */
  adapter?: HarnessAdapter;
  store?: Store;
  /** Register a webhook endpoint on the sandbox pointing at the app (default true). */
  webhooks?: boolean;
}

export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const registerEndpoints = options.webhooks !== false;
  // With endpoints, each signs with its own secret (as on Stripe); without, tests sign events with the
  // shared `stripe listen`-style secret.
  const sandbox = await startSandbox({
    port: 0,
    webhookRetryBaseMs: 50,
    webhookSigning: registerEndpoints ? 'per-endpoint' : 'shared',
  });
  const stripe = new Stripe(sandbox.secretKey, { ...sandbox.stripeOptions, maxNetworkRetries: 0 });
  const store = options.store ?? createPgliteStore();
  const counter = await startRequestCounter(sandbox.stripeOptions);
  const routerStripe = new Stripe(sandbox.secretKey, {
    host: '127.0.0.1',
    port: counter.port,
    protocol: 'http',
    maxNetworkRetries: 0,
  });
  const logs: string[] = [];
  const logger: Logger = {
    info: (object, message) => logs.push(JSON.stringify({ level: 'info', ...object, message })),
    warn: (object, message) => logs.push(JSON.stringify({ level: 'warn', ...object, message })),
    error: (object, message) => logs.push(JSON.stringify({ level: 'error', ...object, message })),
  };
  const catalogue: Record<string, CatalogueItem> = {};
  const item = (sellerId: string, amount: number, description = 'Thing', currency = 'usd') => {
    const itemId = `${sellerId}:${description}:${amount}:${currency}`;
    catalogue[itemId] = { sellerId, description, amount, currency };
    return itemId;
  };
  const adapter = options.adapter ?? HARNESS_ADAPTER;
  const testUser = (header: string | undefined | null): AuthenticatedUser | null => {
    if (!header) return null;
    const [userId, role] = header.split(':');
    return {
      userId: userId!,
      role: (role ?? 'buyer') as UserRole,
      displayName: `Shop of ${userId}`,
    };
  };
  const webhookSecrets: Harness['webhookSecrets'] = {
    platform: sandbox.webhookSecret,
    connect: null,
  };
  const shared = (overrides: Partial<HarnessRouterOptions>): HarnessRouterOptions => ({
    stripe: routerStripe,
    store,
    webhookSecret: webhookSecrets.connect
      ? [webhookSecrets.platform, webhookSecrets.connect]
      : webhookSecrets.platform,
    platform: { country: 'US', defaultCurrency: 'usd', currencies: ['usd', 'eur', 'jpy'] },
    fees: { basisPoints: 1000 },
    urls: { apiBase: 'http://127.0.0.1/api', onboardingReturn: 'http://127.0.0.1/seller' },
    logger,
    worker: { baseDelayMs: 5, maxDelayMs: 40, pollIntervalMs: 20, callsPerSecond: 1000 },
    ...options.routerOptions,
    ...overrides,
    pricing:
      overrides.pricing ??
      options.routerOptions?.pricing ??
      // Re-read on every checkout: tests put items on sale as they go.
      ((input) => createStaticPricing(catalogue)(input)),
  });
  // Both adapters authenticate from the same header, each reading its own request type.
  const buildExpress = (overrides: Partial<HarnessRouterOptions> = {}) =>
    createMarketkitRouter({
      ...shared(overrides),
      authenticate: (incoming) => testUser(incoming.get('x-test-user')),
    });
  const buildFetch = (overrides: Partial<HarnessRouterOptions> = {}) =>
    createMarketkitHandler({
      ...shared(overrides),
      authenticate: (incoming) => testUser(incoming.headers.get('x-test-user')),
    });
  const build = (overrides: Partial<HarnessRouterOptions> = {}): HarnessInstance =>
    adapter === 'fetch' ? buildFetch(overrides) : buildExpress(overrides);
  // Built once the webhook endpoints exist: the instance verifies with their secrets.
  let current!: HarnessInstance;
  // Route through a holder so `restart` can swap the instance under the same server.
  let server: Server;
  if (adapter === 'fetch') {
    server = serveFetch((incoming) => (current as ReturnType<typeof buildFetch>)(incoming));
  } else {
    const app = express();
    app.use('/api', (incoming, outgoing, next) =>
      (current as ReturnType<typeof buildExpress>)(incoming, outgoing, next),
    );
    server = createServer(app);
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}/api`;
  // Endpoints first: the router is built with their secrets. Nothing is delivered before it exists.
  if (registerEndpoints) {
    const events = [
      'payment_intent.succeeded',
      'payment_intent.payment_failed',
      'charge.refunded',
      'charge.dispute.created',
      'charge.dispute.closed',
      'account.updated',
      'payout.paid',
      'payout.failed',
      'balance.available',
    ] as Stripe.WebhookEndpointCreateParams.EnabledEvent[];
    const platformEndpoint = await stripe.webhookEndpoints.create({
      url: `${baseUrl}/webhooks`,
      enabled_events: events,
    });
    const connectEndpoint = await stripe.webhookEndpoints.create({
      url: `${baseUrl}/webhooks`,
      enabled_events: events,
      connect: true,
    });
    webhookSecrets.platform = platformEndpoint.secret!;
    webhookSecrets.connect = connectEndpoint.secret!;
  }
  current = build();
  await current.marketkit.ready;
  const http = request(server);
  const as = (userId: string, role: UserRole = 'buyer') => ({ 'x-test-user': `${userId}:${role}` });

  const harness: Harness = {
    sandbox,
    stripe,
    webhookSecrets,
    counter,
    store,
    adapter,
    get router() {
      return current;
    },
    baseUrl,
    logs,
    http,
    as,
    item,
    cart: (lines, currency = 'usd') => ({
      currency,
      items: lines.map((line) => ({
        itemId: item(line.sellerId, line.amount, line.description, currency),
        quantity: line.quantity,
      })),
    }),
    async onboardSeller(userId, sellerOptions = {}) {
      const accountId = await current.marketkit.accounts.ensureAccount({
        userId,
        displayName: sellerOptions.displayName ?? `Shop of ${userId}`,
        country: sellerOptions.country,
      });
      // As if the seller filled in Stripe's hosted form with Stripe's passing test values.
      await sandbox.completeOnboarding(accountId);
      if (sellerOptions.refresh !== false) await current.marketkit.accounts.refresh(userId);
      return accountId;
    },
    async buy(buyerId, lines) {
      const checkout = await http.post('/api/checkout').set(as(buyerId)).send(harness.cart(lines));
      if (checkout.status !== 200)
        throw new Error(`checkout failed: ${checkout.status} ${JSON.stringify(checkout.body)}`);
      await harness.pay(checkout.body.paymentIntentId);
      await harness.settle();
      return { orderId: checkout.body.orderId, paymentIntentId: checkout.body.paymentIntentId };
    },
    pay(paymentIntentId, paymentMethod = 'pm_card_bypassPending') {
      // Stripe refuses a server-side confirm of automatic payment methods without a return_url.
      return stripe.paymentIntents.confirm(paymentIntentId, {
        payment_method: paymentMethod,
        return_url: 'https://marketplace.example/checkout/return',
      });
    },
    async settle() {
      await sandbox.flushWebhooks();
      await current.marketkit.worker.drain();
      await sandbox.flushWebhooks();
    },
    connectedAccountEvent: (id, type, accountId, object) => ({
      id,
      object: 'event',
      type,
      account: accountId,
      api_version: '2025-01-27.acacia',
      created: sandbox.now(),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object },
    }),
    deliverEvent(event) {
      const payload = JSON.stringify(event);
      return http
        .post('/api/webhooks')
        .set('Content-Type', 'application/json')
        .set(
          'Stripe-Signature',
          stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecrets.platform }),
        )
        .send(payload);
    },
    createRouter: (overrides) => build(overrides),
    async restart(overrides) {
      await current.marketkit.worker.stop();
      current = build(overrides);
      await current.marketkit.ready;
      return current;
    },
    async close() {
      await current.marketkit.close();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
      await counter.stop();
      await sandbox.stop();
    },
  };
  return harness;
}
