// The router in its own process for the webhook benchmark, as checkout-server.ts is for checkout: the
// sender (Stripe's side) and the sandbox do not share its CPU. Args: see router-process.ts.
import express from 'express';
import { createMarketkitRouter } from '../src/router';
import { createPgliteStore } from '../src/stores/pglite-store';
import { createPostgresStore } from '../src/stores/postgres-store';
import type { SqlClient, Store } from '../src/stores/store';
import { onboardSeller, readRouterProcessArguments, serveRouter } from './router-process';

const { stripe, webhookSecret, sandboxUrl, postgresUrl } = readRouterProcessArguments();
// Round trips to the store (a transaction's begin and commit count too) and requests to Stripe, so
// the bench can tell how much of each an event costs.
const counts = { queries: 0, stripeRequests: 0 };
stripe.on('request', () => void (counts.stripeRequests += 1));
const store = counted(
  postgresUrl ? createPostgresStore({ connectionString: postgresUrl }) : createPgliteStore(),
);
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
  counters: () => counts,
  close: () => router.marketkit.close().then(() => store.close()),
});

/** The store, counting its round trips in `counts.queries`. */
function counted(store: Store): Store {
  const client = (inner: SqlClient): SqlClient => ({
    query(sql, params) {
      counts.queries += 1;
      return inner.query(sql, params);
    },
  });
  return {
    ...store,
    ...client(store),
    transaction(fn) {
      counts.queries += 2;
      return store.transaction((inner) => fn(client(inner)));
    },
  };
}
