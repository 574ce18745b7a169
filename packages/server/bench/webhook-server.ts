// The router in its own process for the webhook benchmark, as checkout-server.ts is for checkout: the
// sender (Stripe's side) and the sandbox do not share its CPU. Args: see router-process.ts.
import express from 'express';
import { createMarketkitRouter } from '../src/router';
import { createPgliteStore } from '../src/stores/pglite-store';
import { createPostgresStore } from '../src/stores/postgres-store';
import { onboardSeller, readRouterProcessArguments, serveRouter } from './router-process';

const { stripe, webhookSecret, sandboxUrl, postgresUrl } = readRouterProcessArguments();
const store = postgresUrl
  ? createPostgresStore({ connectionString: postgresUrl })
  : createPgliteStore();
const router = createMarketkitRouter({
  stripe,
  store,
  webhookSecret,
  authenticate: () => null,
  platform: { country: 'US', defaultCurrency: 'usd' },
  fees: { basisPoints: 1000 },
  urls: { apiBase: 'http://127.0.0.1/api', onboardingReturn: 'http://127.0.0.1/seller' },
  pricing: () => {
    throw new Error('the webhook benchmark sells nothing');
  },
  worker: { autoStart: false },
});
await router.marketkit.ready;
// One onboarded seller, named per run (a PostgreSQL store outlives the sandbox of an earlier run).
const userId = `hook_${store.kind}_${Date.now()}`;
const accountId = await onboardSeller(router, stripe, sandboxUrl, userId);

const app = express();
// Exactly once: how many event ids with this prefix are recorded (each id can be recorded once).
app.get('/_bench/recorded', async (request, response) => {
  const { rows } = await store.query<{ count: number }>(
    'select count(*)::integer as count from mk_webhook_events where id like $1',
    [`${String(request.query.prefix)}%`],
  );
  response.json({ count: Number(rows[0]?.count) });
});
serveRouter({
  router,
  app,
  announce: [`account=${accountId}`],
  profileName: `webhook-router-${store.kind}`,
  close: () => router.marketkit.close().then(() => store.close()),
});
