// Test harness: a real sandbox, the real `stripe` SDK, and the router in an Express app on 127.0.0.1.
// Users are chosen per request with the `x-test-user: <userId>:<role>` header.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSandbox, type Sandbox } from '@marketkit/sandbox';
import express from 'express';
import Stripe from 'stripe';
import request from 'supertest';
import { createStaticPricing, type CatalogueItem } from '../checkout/pricing';
import type { Logger } from '../http/logger';
import type { MarketkitRouterOptions, UserRole } from '../options';
import { createMarketkitRouter, type MarketkitRouter } from '../router';
import { createPgliteStore } from '../stores/pglite-store';
import { startRequestCounter, type RequestCounter } from './request-counter';
import type { Store } from '../stores/store';

export interface Harness {
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
  app: express.Express;
  router: MarketkitRouter;
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
  /** Another router on the same store and sandbox (another instance of the app); the caller closes it. */
  createRouter(overrides?: Partial<MarketkitRouterOptions>): MarketkitRouter;
  /** Restarts the router on the same store (simulates a new process). */
  restart(overrides?: Partial<MarketkitRouterOptions>): Promise<MarketkitRouter>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  routerOptions?: Partial<MarketkitRouterOptions>;
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
  const app = express();
  const webhookSecrets: Harness['webhookSecrets'] = {
    platform: sandbox.webhookSecret,
    connect: null,
  };
  let current: MarketkitRouter;
  const build = (overrides: Partial<MarketkitRouterOptions> = {}) =>
    createMarketkitRouter({
      stripe: routerStripe,
      store,
      webhookSecret: webhookSecrets.connect
        ? [webhookSecrets.platform, webhookSecrets.connect]
        : webhookSecrets.platform,
      authenticate: (incoming) => {
        const header = incoming.get('x-test-user');
        if (!header) return null;
        const [userId, role] = header.split(':');
        return {
          userId: userId!,
          role: (role ?? 'buyer') as UserRole,
          displayName: `Shop of ${userId}`,
        };
      },
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
  // Route through a holder so `restart` can swap the router under the same server.
  app.use('/api', (incoming, outgoing, next) => current(incoming, outgoing, next));
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
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
  const http = request(app);
  const as = (userId: string, role: UserRole = 'buyer') => ({ 'x-test-user': `${userId}:${role}` });

  const harness: Harness = {
    sandbox,
    stripe,
    webhookSecrets,
    counter,
    store,
    app,
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
