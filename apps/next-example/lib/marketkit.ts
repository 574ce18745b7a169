// MarketKit for this app, created once per server process on first use: Stripe (or, without keys, the
// offline sandbox), the store, the fetch handler and the sellers' seeded accounts.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Stripe from 'stripe';
import {
  createMarketkitHandler,
  createPgliteStore,
  createStaticPricing,
  type MarketkitHandler,
} from '@marketkit/server/fetch';
import type { Sandbox } from '@marketkit/sandbox';
import { PRODUCTS, USERS } from './catalogue';
import { readSession } from './session';

export interface Marketkit {
  handler: MarketkitHandler;
  publishableKey: string;
  /** The offline sandbox's URL, for the browser stand-ins of Stripe.js; null with real Stripe keys. */
  sandboxUrl: string | null;
}

/** Where the app is reachable: Stripe's links and the sandbox's webhooks come back here. */
const publicUrl = (process.env.MARKETKIT_PUBLIC_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
// Chosen at run time; `turbopackIgnore` keeps the build from tracing the whole project because of it.
const dataDir = resolve(/* turbopackIgnore: true */ process.env.MARKETKIT_DATA_DIR ?? '.data');

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required when STRIPE_SECRET_KEY is set.`);
  return value;
}

async function startSandbox(): Promise<Sandbox> {
  // The sandbox never runs in a production build by accident; the browser test opts in.
  if (process.env.NODE_ENV === 'production' && process.env.MARKETKIT_SANDBOX !== '1') {
    throw new Error(
      'STRIPE_SECRET_KEY is not set. Set your Stripe keys, or MARKETKIT_SANDBOX=1 to run offline.',
    );
  }
  // Loaded by Node at run time, not bundled: with real keys the sandbox is never loaded, nor built in.
  const { startSandbox: start } = await import(/* turbopackIgnore: true */ '@marketkit/sandbox');
  return start({ port: 0, host: '127.0.0.1', state: join(dataDir, 'sandbox.json') });
}

// The sandbox keeps its state across restarts while this app's port may change: replace old endpoints.
async function registerSandboxWebhooks(stripe: Stripe, url: string): Promise<string[]> {
  const existing = await stripe.webhookEndpoints.list({ limit: 100 });
  for (const endpoint of existing.data) await stripe.webhookEndpoints.del(endpoint.id);
  const platform = await stripe.webhookEndpoints.create({ url, enabled_events: ['*'] });
  const connect = await stripe.webhookEndpoints.create({
    url,
    enabled_events: ['*'],
    connect: true,
  });
  return [platform.secret!, connect.secret!];
}

async function createMarketkit(): Promise<Marketkit> {
  mkdirSync(dataDir, { recursive: true });
  const secretKey = process.env.STRIPE_SECRET_KEY;
  const sandbox = secretKey ? null : await startSandbox();
  const stripe = sandbox
    ? new Stripe(sandbox.secretKey, { ...sandbox.stripeOptions, maxNetworkRetries: 2 })
    : new Stripe(secretKey!, { maxNetworkRetries: 2 });
  const apiBase = `${publicUrl}/api/marketkit`;
  const webhookSecret = sandbox
    ? await registerSandboxWebhooks(stripe, `${apiBase}/webhooks`)
    : required('STRIPE_WEBHOOK_SECRET')
        .split(',')
        .map((secret) => secret.trim());

  const handler = createMarketkitHandler({
    stripe,
    store: createPgliteStore({ dataDir: join(dataDir, 'pglite') }),
    webhookSecret,
    authenticate: (request) => {
      const user = readSession(request);
      return (
        user && {
          userId: user.userId,
          role: user.role,
          displayName: user.displayName,
          email: user.email,
        }
      );
    },
    // Prices come from this server's catalogue; the browser only names products.
    pricing: createStaticPricing(
      Object.fromEntries(
        PRODUCTS.map((product) => [
          product.id,
          {
            sellerId: product.sellerId,
            description: product.name,
            amount: product.amount,
            currency: product.currency,
          },
        ]),
      ),
    ),
    platform: { country: 'US', defaultCurrency: 'usd' },
    // The platform keeps 10% of each seller's subtotal and pays Stripe's fee from it.
    fees: { basisPoints: 1000 },
    urls: { apiBase, onboardingReturn: `${publicUrl}/seller` },
  });
  await handler.marketkit.ready;

  // Offline, the sellers start onboarded so a buyer can check out right away.
  if (sandbox) {
    for (const user of USERS.filter((candidate) => candidate.role === 'seller')) {
      const accountId = await handler.marketkit.accounts.ensureAccount(user);
      const account = await stripe.accounts.retrieve(accountId);
      if (account.details_submitted) continue;
      await sandbox.completeOnboarding(accountId);
      await handler.marketkit.accounts.refresh(user.userId);
    }
  }

  return {
    handler,
    publishableKey: sandbox ? sandbox.publishableKey : required('STRIPE_PUBLISHABLE_KEY'),
    sandboxUrl: sandbox?.url ?? null,
  };
}

// On globalThis: Next.js may evaluate this module once per route bundle, and dev reloads it on edits.
const instanceKey = Symbol.for('marketkit-example.instance');
const holder = globalThis as typeof globalThis & { [instanceKey]?: Promise<Marketkit> };

export function getMarketkit(): Promise<Marketkit> {
  holder[instanceKey] ??= createMarketkit().catch((error: unknown) => {
    // A failed start (a missing key, a busy port) is retried on the next request, not cached.
    holder[instanceKey] = undefined;
    throw error;
  });
  return holder[instanceKey];
}
