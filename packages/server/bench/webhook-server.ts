// The router in its own process for the webhook benchmark, as checkout-server.ts is for checkout: the
// sender (Stripe's side) and the sandbox do not share its CPU. Args: sandbox port, secret key, webhook
// secret, sandbox URL, and optionally a PostgreSQL connection string (PGlite otherwise).
import { writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { TEST_ONBOARDING_VALUES } from '@marketkit/sandbox';
import express from 'express';
import Stripe from 'stripe';
import { createMarketkitRouter } from '../src/router';
import { createPgliteStore } from '../src/stores/pglite-store';
import { createPostgresStore } from '../src/stores/postgres-store';

// As in checkout-server.ts: a built server runs without tsx's source maps.
process.setSourceMapsEnabled(false);

const [port, secretKey, webhookSecret, sandboxUrl, postgresUrl] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string | undefined,
];
const stripe = new Stripe(secretKey, {
  host: '127.0.0.1',
  port: Number(port),
  protocol: 'http',
  maxNetworkRetries: 0,
  httpAgent: new Agent({ keepAlive: true }),
});
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
const accountId = await router.marketkit.accounts.ensureAccount({
  userId,
  displayName: `Seller ${userId}`,
});
const session = await stripe.accountSessions.create({
  account: accountId,
  components: { account_onboarding: { enabled: true } },
});
await fetch(`${sandboxUrl}/_sandbox/connect/onboarding`, {
  method: 'POST',
  headers: { authorization: `Bearer ${session.client_secret}`, 'content-type': 'application/json' },
  body: JSON.stringify({ scenario: 'pass', accept_tos: true, ...TEST_ONBOARDING_VALUES }),
});
await router.marketkit.accounts.refresh(userId);

// BENCH_CPU_PROF=<dir>: a CPU profile from the first CPU reading (after the warm-up) to exit.
const profileDirectory = process.env.BENCH_CPU_PROF;
const profiler = profileDirectory ? new Session() : undefined;
let profiling = false;
const app = express();
app.get('/_bench/cpu', async (_request, response) => {
  if (profiler && !profiling) {
    profiling = true;
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  const usage = process.cpuUsage();
  response.json({ microseconds: usage.user + usage.system });
});
// Exactly once: how many event ids with this prefix are recorded (each id can be recorded once).
app.get('/_bench/recorded', async (request, response) => {
  const { rows } = await store.query<{ count: number }>(
    'select count(*)::integer as count from mk_webhook_events where id like $1',
    [`${String(request.query.prefix)}%`],
  );
  response.json({ count: Number(rows[0]?.count) });
});
app.use('/api', router);
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`account=${accountId}`);
  console.log(`port=${typeof address === 'object' && address ? address.port : 0}`);
});
process.once('SIGTERM', async () => {
  if (profiler && profiling) {
    const { profile } = await profiler.post('Profiler.stop');
    writeFileSync(
      join(profileDirectory!, `webhook-router-${store.kind}-${process.pid}.cpuprofile`),
      JSON.stringify(profile),
    );
  }
  server.closeAllConnections();
  server.close(
    () =>
      void router.marketkit
        .close()
        .then(() => store.close())
        .then(() => process.exit(0)),
  );
});
