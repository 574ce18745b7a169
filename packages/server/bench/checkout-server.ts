// The router in its own process for the checkout benchmark (so client, router and sandbox each get CPU
// time the way they would in production). Args: sandbox port, secret key, webhook secret, sandbox URL,
// and optionally a PostgreSQL connection string (PGlite otherwise).
import { writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import express from 'express';
import Stripe from 'stripe';
import { createStaticPricing } from '../src/checkout/pricing';
import { createMarketkitRouter } from '../src/router';
import { createPgliteStore } from '../src/stores/pglite-store';
import { createPostgresStore } from '../src/stores/postgres-store';
import { TEST_ONBOARDING_VALUES } from '@marketkit/sandbox';

// tsx turns on source maps, which makes the stack the SDK captures on every request costly; a built
// server runs without them. The bench's client process turns them off too, so both sides match.
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
  // The SDK's default agent keeps connections alive too; explicit so both sides match on purpose.
  httpAgent: new Agent({ keepAlive: true }),
});
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
    headers: {
      authorization: `Bearer ${session.client_secret}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ scenario: 'pass', accept_tos: true, ...TEST_ONBOARDING_VALUES }),
  });
  await router.marketkit.accounts.refresh(userId);
  baselineCatalogue.push([
    `item_${name}`,
    { sellerId: userId, accountId, description: 'Thing', amount: 1500, currency: 'usd' },
  ]);
}
// BENCH_CPU_PROF=<dir>: a CPU profile of the measured rounds only (from the first CPU reading, after
// the warm-up, to exit), so start-up and compilation do not crowd the picture.
const profileDirectory = process.env.BENCH_CPU_PROF;
const profiler = profileDirectory ? new Session() : undefined;
let profiling = false;
const app = express();
// The router process's own CPU time, read before and after the measured rounds.
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
app.use('/api', router);
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`catalogue=${JSON.stringify(baselineCatalogue)}`);
  console.log(`port=${typeof address === 'object' && address ? address.port : 0}`);
});
process.once('SIGTERM', async () => {
  if (profiler && profiling) {
    const { profile } = await profiler.post('Profiler.stop');
    const file = join(profileDirectory!, `router-${process.pid}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
  }
  server.closeAllConnections();
  server.close(() => void router.marketkit.close().then(() => process.exit(0)));
});
