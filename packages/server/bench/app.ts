// The in-process app the settle, webhook and order-list parts run: the router under Express on loopback.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Sandbox } from '@marketkit/sandbox';
import express from 'express';
import type Stripe from 'stripe';
import { createStaticPricing, type CatalogueItem } from '../src/checkout/pricing';
import { createMarketkitRouter, type MarketkitRouter } from '../src/router';
import type { MarketkitRouterOptions } from '../src/router';
import type { Store } from '../src/stores/store';

/** The apps' catalogue: each scenario puts its sellers' items on sale before checking out. */
const catalogue: Record<string, CatalogueItem> = {};
export const onSale = (sellerId: string, amount: number) => {
  const itemId = `item_${sellerId}_${amount}`;
  catalogue[itemId] = { sellerId, description: 'Thing', amount, currency: 'usd' };
  return itemId;
};

export interface App {
  router: MarketkitRouter;
  url: string;
  stop(): Promise<void>;
}

/** `x-user` names the caller; `x-role` (buyer by default) says what they are. */
export async function startApp(
  sandbox: Pick<Sandbox, 'webhookSecret'>,
  stripe: Stripe,
  store: Store,
  options: Partial<MarketkitRouterOptions> = {},
): Promise<App> {
  const router = createMarketkitRouter({
    stripe,
    store,
    webhookSecret: sandbox.webhookSecret,
    authenticate: (request) => {
      const user = request.get('x-user');
      const role = request.get('x-role');
      return user
        ? { userId: user, role: role === 'admin' || role === 'seller' ? role : 'buyer' }
        : null;
    },
    platform: { country: 'US', defaultCurrency: 'usd' },
    fees: { basisPoints: 1000 },
    urls: { apiBase: 'http://127.0.0.1/api', onboardingReturn: 'http://127.0.0.1/seller' },
    pricing: (input) => createStaticPricing(catalogue)(input),
    ...options,
  });
  await router.marketkit.ready;
  const app = express();
  app.use('/api', router);
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  // Seeding a million orders leaves the client's keep-alive socket idle far longer than Node's 5 s
  // default; a server closing it just as the next request goes out would fail that request.
  server.keepAliveTimeout = 120_000;
  return {
    router,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`,
    async stop() {
      await router.marketkit.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export async function onboard(
  sandbox: { completeOnboarding(accountId: string): Promise<unknown> },
  router: MarketkitRouter,
  userId: string,
): Promise<string> {
  const accountId = await router.marketkit.accounts.ensureAccount({
    userId,
    displayName: `Seller ${userId}`,
  });
  await sandbox.completeOnboarding(accountId);
  await router.marketkit.accounts.refresh(userId);
  return accountId;
}
