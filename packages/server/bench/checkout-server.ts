// The router in its own process for the checkout benchmark (so client, router and sandbox each get CPU
// time the way they would in production). Args: see router-process.ts.
import { createStaticPricing } from '../src/checkout/pricing';
import { createMarketkitRouter } from '../src/router';
import { createPgliteStore } from '../src/stores/pglite-store';
import { createPostgresStore } from '../src/stores/postgres-store';
import { onboardSeller, readRouterProcessArguments, serveRouter } from './router-process';

const { stripe, webhookSecret, sandboxUrl, postgresUrl } = readRouterProcessArguments();
// Sellers are named per run: a PostgreSQL store outlives the sandbox process of an earlier run.
const sellerPrefix = process.env.BENCH_SELLER_PREFIX ?? '';
const router = createMarketkitRouter({
  stripe,
  store: postgresUrl ? createPostgresStore({ connectionString: postgresUrl }) : createPgliteStore(),
  webhookSecret,
  authenticate: (request) =>
    request.get('x-user') ? { userId: request.get('x-user')!, role: 'buyer' } : null,
  platform: { country: 'US', defaultCurrency: 'usd' },
  fees: { basisPoints: 1000 },
  urls: { apiBase: 'http://127.0.0.1/api', onboardingReturn: 'http://127.0.0.1/seller' },
  // One item per seller, priced on the server like a real catalogue.
  pricing: createStaticPricing(
    Object.fromEntries(
      ['a', 'b', 'c'].map((name) => [
        `item_${name}`,
        { sellerId: `${sellerPrefix}${name}`, description: 'Thing', amount: 1500, currency: 'usd' },
      ]),
    ),
  ),
  worker: { autoStart: false },
});
await router.marketkit.ready;
// The catalogue with each seller's connected account, for the hand-written baseline's process.
const baselineCatalogue: [string, Record<string, unknown>][] = [];
for (const name of ['a', 'b', 'c']) {
  const userId = `${sellerPrefix}${name}`;
  const accountId = await onboardSeller(router, stripe, sandboxUrl, userId);
  baselineCatalogue.push([
    `item_${name}`,
    { sellerId: userId, accountId, description: 'Thing', amount: 1500, currency: 'usd' },
  ]);
}
serveRouter({
  router,
  announce: [`catalogue=${JSON.stringify(baselineCatalogue)}`],
  profileName: 'router',
  close: () => router.marketkit.close(),
});
