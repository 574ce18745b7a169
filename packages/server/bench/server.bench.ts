// `pnpm --filter @marketkit/server bench`: POST /checkout through the router beside direct
// paymentIntents.create calls against the same sandbox in the same run; time to settle a 50-seller
// order; webhook events per second on PGlite and on PostgreSQL. Loopback only, bounded loops.
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request as httpRequest, type Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { startSandbox, type Sandbox } from '@marketkit/sandbox';
import express from 'express';
import Stripe from 'stripe';
import { createStaticPricing, type CatalogueItem } from '../src/checkout/pricing';
import { createMarketkitRouter, type MarketkitRouter } from '../src/router';
import type { MarketkitRouterOptions } from '../src/router';
import { createPgliteStore } from '../src/stores/pglite-store';
import { createPostgresStore } from '../src/stores/postgres-store';
import type { Store } from '../src/stores/store';
import { findPostgresBin, startPostgres } from '../src/testing/start-postgres';

// Same as the router process (see checkout-server.ts): no source-mapped stacks on the client side either.
process.setSourceMapsEnabled(false);

const packageRoot = join(import.meta.dirname, '..');
/** Requests per round and side. */
const CHECKOUTS = Number(process.env.BENCH_CHECKOUTS ?? 300);
const WEBHOOK_EVENTS = Number(process.env.BENCH_EVENTS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const SETTLE_SELLERS = 50;
const ROUNDS = 3;
// BENCH_ONLY=checkout skips the settle and webhook parts; BENCH_CPU_PROF=<dir> profiles the router process.
const ONLY_CHECKOUT = process.env.BENCH_ONLY === 'checkout';
const PROFILE_DIR = process.env.BENCH_CPU_PROF;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measure(count: number, run: (index: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next;
      next += 1;
      await run(index);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return count / ((performance.now() - started) / 1000);
}

/** The in-process apps' catalogue: each scenario puts its sellers' items on sale before checking out. */
const catalogue: Record<string, CatalogueItem> = {};
const onSale = (sellerId: string, amount: number) => {
  const itemId = `item_${sellerId}_${amount}`;
  catalogue[itemId] = { sellerId, description: 'Thing', amount, currency: 'usd' };
  return itemId;
};

interface App {
  router: MarketkitRouter;
  url: string;
  stop(): Promise<void>;
}

async function startApp(
  sandbox: Sandbox,
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
      return user ? { userId: user, role: user === 'admin' ? 'admin' : 'buyer' } : null;
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

async function onboard(sandbox: Sandbox, stripe: Stripe, router: MarketkitRouter, userId: string) {
  const accountId = await router.marketkit.accounts.ensureAccount({
    userId,
    displayName: `Seller ${userId}`,
  });
  await sandbox.completeOnboarding(accountId);
  await router.marketkit.accounts.refresh(userId);
  return accountId;
}

/** Starts a process and waits for its banner on stdout. */
async function spawnProcess(
  args: string[],
  cwd: string,
  ready: RegExp,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ child: ChildProcess; output: string }> {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const output = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`process did not start: ${text}`)), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (ready.test(text)) {
        clearTimeout(timer);
        resolve(text);
      }
    });
    child.once('exit', (code) => reject(new Error(`process exited with ${code}: ${text}`)));
  });
  return { child, output };
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * Router vs direct, with the sandbox and the router each in their own process and a keep-alive
 * client like the SDK's, so the comparison measures the router, not a shared event loop.
 */
async function checkoutThroughput(postgresUrl: string | undefined, stripeLatencyMs: number) {
  const tsx = ['--import', 'tsx', '--conditions=@marketkit/source'];
  const sandboxProcess = await spawnProcess(
    [...tsx, 'src/cli.ts', '--port', '0', '--webhook-signing', 'shared'],
    join(packageRoot, '../sandbox'),
    /STRIPE_WEBHOOK_SECRET=\S+/,
  );
  let routerProcess: { child: ChildProcess; output: string } | undefined;
  const sellerPrefix = `run${stripeLatencyMs}-`;
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  try {
    const sandboxUrl = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(sandboxProcess.output)![1]!;
    const sandboxPort = new URL(sandboxUrl).port;
    const secretKey = /STRIPE_SECRET_KEY=(\S+)/.exec(sandboxProcess.output)![1]!;
    const webhookSecret = /STRIPE_WEBHOOK_SECRET=(\S+)/.exec(sandboxProcess.output)![1]!;
    const stripe = new Stripe(secretKey, {
      host: '127.0.0.1',
      port: Number(sandboxPort),
      protocol: 'http',
      maxNetworkRetries: 0,
      httpAgent: new Agent({ keepAlive: true }),
    });
    routerProcess = await spawnProcess(
      [
        ...(PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []),
        ...tsx,
        'bench/checkout-server.ts',
        sandboxPort,
        secretKey,
        webhookSecret,
        sandboxUrl,
        ...(postgresUrl ? [postgresUrl] : []),
      ],
      packageRoot,
      /port=\d+/,
      { ...process.env, BENCH_SELLER_PREFIX: sellerPrefix },
    );
    const routerPort = Number(/port=(\d+)/.exec(routerProcess.output)![1]);
    if (stripeLatencyMs > 0) {
      // The sandbox's latency fault on every PaymentIntent call, for router and direct calls alike.
      const fault = await fetch(`${sandboxUrl}/_sandbox/faults`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          path: '/v1/payment_intents',
          count: 1_000_000,
          latencyMs: stripeLatencyMs,
        }),
      });
      if (!fault.ok) throw new Error(`could not inject latency: ${fault.status}`);
    }
    // checkout-server.ts sells one item per seller at 1500.
    const body = JSON.stringify({
      currency: 'usd',
      items: ['a', 'b', 'c'].map((name) => ({ itemId: `item_${name}`, quantity: 1 })),
    });
    const viaRouter = () =>
      new Promise<void>((resolve, reject) => {
        const outgoing = httpRequest(
          {
            agent,
            host: '127.0.0.1',
            port: routerPort,
            method: 'POST',
            path: '/api/checkout',
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              'x-user': 'buyer',
            },
          },
          (incoming) => {
            const chunks: Buffer[] = [];
            incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
            incoming.on('end', () =>
              incoming.statusCode === 200
                ? resolve()
                : reject(
                    new Error(
                      `checkout failed: ${incoming.statusCode} ${Buffer.concat(chunks).toString()}`,
                    ),
                  ),
            );
          },
        );
        outgoing.on('error', reject);
        outgoing.end(body);
      });
    const direct = () =>
      stripe.paymentIntents.create({
        amount: 4500,
        currency: 'usd',
        transfer_group: 'bench',
        automatic_payment_methods: { enabled: true },
        metadata: { marketkit_order_id: 'bench' },
      });
    // Warm both paths (JIT, sockets, caches), then alternate three rounds each and take the medians,
    // so drift in machine load hits both sides alike and one slow round does not decide the ratio.
    await measure(100, viaRouter);
    await measure(100, direct);
    const routerCpu = async () => {
      const response = await fetch(`http://127.0.0.1:${routerPort}/_bench/cpu`);
      return ((await response.json()) as { microseconds: number }).microseconds;
    };
    const routerRates: number[] = [];
    const directRates: number[] = [];
    let routerMicroseconds = 0;
    const routerRound = async () => {
      const before = await routerCpu();
      routerRates.push(await measure(CHECKOUTS, viaRouter));
      routerMicroseconds += (await routerCpu()) - before;
    };
    for (let round = 0; round < ROUNDS; round += 1) {
      const routerFirst = round % 2 === 0;
      if (routerFirst) await routerRound();
      directRates.push(await measure(CHECKOUTS, direct));
      if (!routerFirst) await routerRound();
    }
    return {
      routerRate: median(routerRates),
      directRate: median(directRates),
      routerCpuMs: routerMicroseconds / 1000 / (ROUNDS * CHECKOUTS),
    };
  } finally {
    agent.destroy();
    if (routerProcess) await stopProcess(routerProcess.child);
    await stopProcess(sandboxProcess.child);
  }
}

async function settleFiftySellers(sandbox: Sandbox, stripe: Stripe, callsPerSecond: number) {
  const store = createPgliteStore();
  const app = await startApp(sandbox, stripe, store, { worker: { callsPerSecond } });
  const endpoint = await stripe.webhookEndpoints.create({
    url: `${app.url}/webhooks`,
    enabled_events: ['payment_intent.succeeded'],
  });
  const sellers = Array.from(
    { length: SETTLE_SELLERS },
    (_, index) => `settle_${callsPerSecond}_${index}`,
  );
  for (const seller of sellers) await onboard(sandbox, stripe, app.router, seller);
  const response = await fetch(`${app.url}/checkout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-user': 'buyer' },
    body: JSON.stringify({
      currency: 'usd',
      items: sellers.map((sellerId) => ({ itemId: onSale(sellerId, 1000), quantity: 1 })),
    }),
  });
  const checkout = (await response.json()) as { orderId: string; paymentIntentId: string };
  const started = performance.now();
  await stripe.paymentIntents.confirm(checkout.paymentIntentId, {
    payment_method: 'pm_card_bypassPending',
    return_url: 'https://marketplace.example/checkout/return',
  });
  await sandbox.flushWebhooks();
  await app.router.marketkit.worker.drain({ timeoutMs: 60_000 });
  const seconds = (performance.now() - started) / 1000;
  const transfers = await stripe.transfers.list({ transfer_group: checkout.orderId, limit: 100 });
  if (transfers.data.length !== SETTLE_SELLERS)
    throw new Error(`expected ${SETTLE_SELLERS} transfers, got ${transfers.data.length}`);
  await stripe.webhookEndpoints.del(endpoint.id);
  await app.stop();
  await store.close();
  return seconds;
}

async function webhookThroughput(sandbox: Sandbox, stripe: Stripe, store: Store) {
  const app = await startApp(sandbox, stripe, store, { worker: { autoStart: false } });
  const accountId = await onboard(sandbox, stripe, app.router, `hook_${store.kind}`);
  const account = await stripe.accounts.retrieve(accountId);
  const runId = Math.random().toString(36).slice(2, 8);
  const deliver = async (index: number) => {
    const payload = JSON.stringify({
      id: `evt_bench_${store.kind}_${runId}_${index}`,
      object: 'event',
      type: 'account.updated',
      account: accountId,
      data: { object: account },
    });
    const signature = stripe.webhooks.generateTestHeaderString({
      payload,
      secret: sandbox.webhookSecret,
    });
    const response = await fetch(`${app.url}/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': signature },
      body: payload,
    });
    if (response.status !== 200)
      throw new Error(`webhook failed: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
  };
  await measure(30, (index) => deliver(1_000_000 + index));
  const rate = await measure(WEBHOOK_EVENTS, deliver);
  await app.stop();
  return rate;
}

const format = (value: number) => value.toFixed(value >= 100 ? 0 : 1);

const line = (label: string, value: string) => console.log(`${label.padEnd(46)} ${value}`);

const postgresServer = findPostgresBin() ? await startPostgres() : null;
const sandbox = await startSandbox({ port: 0, webhookSigning: 'shared' });
const stripe = new Stripe(sandbox.secretKey, { ...sandbox.stripeOptions, maxNetworkRetries: 0 });

/** Stripe answers PaymentIntent creates in hundreds of milliseconds; 50 ms is a conservative stand-in. */
const STRIPE_LIKE_LATENCY_MS = Number(process.env.BENCH_STRIPE_LATENCY_MS ?? 50);

async function checkouts() {
  const checkoutStores: [string, string | undefined][] = [['PGlite', undefined]];
  if (postgresServer && process.env.BENCH_STORE !== 'pglite')
    checkoutStores.push(['PostgreSQL', postgresServer.connectionString]);
  for (const latencyMs of [0, STRIPE_LIKE_LATENCY_MS]) {
    console.log(
      latencyMs === 0
        ? 'checkout, sandbox answering at once (CPU-bound worst case for the router):'
        : `checkout, sandbox answering after ${latencyMs} ms (Stripe-like latency):`,
    );
    for (const [name, connectionString] of checkoutStores) {
      const { routerRate, directRate, routerCpuMs } = await checkoutThroughput(
        connectionString,
        latencyMs,
      );
      line(
        `  POST /checkout via router (${name}):`,
        `${format(routerRate)} req/s (router process CPU ${routerCpuMs.toFixed(2)} ms/checkout)`,
      );
      line('  paymentIntents.create direct, same run:', `${format(directRate)} req/s`);
      line(
        `  router / direct ratio (${name}):`,
        `${(routerRate / directRate).toFixed(2)} (target >= 0.8)`,
      );
    }
  }
  console.log(
    `  (median of ${ROUNDS} alternating rounds of ${CHECKOUTS} requests per side after warm-up, concurrency ${CONCURRENCY},`,
  );
  console.log('   keep-alive clients on both sides; sandbox and router each in their own process)');
}

async function settleAndWebhooks() {
  line(
    `settle a ${SETTLE_SELLERS}-seller order (20 calls/s default):`,
    `${(await settleFiftySellers(sandbox, stripe, 20)).toFixed(2)} s`,
  );
  line(
    `settle a ${SETTLE_SELLERS}-seller order (1000 calls/s):`,
    `${(await settleFiftySellers(sandbox, stripe, 1000)).toFixed(2)} s`,
  );

  const pglite = createPgliteStore();
  line(
    'webhook events/s on PGlite:',
    `${format(await webhookThroughput(sandbox, stripe, pglite))} (${WEBHOOK_EVENTS} account.updated events)`,
  );
  await pglite.close();
  if (!postgresServer) {
    line(
      'webhook events/s on PostgreSQL:',
      'skipped (PostgreSQL binaries not found; apt-get install postgresql)',
    );
  } else {
    const postgres = createPostgresStore({ connectionString: postgresServer.connectionString });
    try {
      line(
        'webhook events/s on PostgreSQL:',
        `${format(await webhookThroughput(sandbox, stripe, postgres))} (${WEBHOOK_EVENTS} account.updated events)`,
      );
    } finally {
      await postgres.close();
    }
  }
}

try {
  await checkouts();
  if (!ONLY_CHECKOUT) await settleAndWebhooks();
} finally {
  await sandbox.stop();
  await postgresServer?.stop();
}
