// `pnpm bench`: every row of issue #16's table with its goal, measured in one run on loopback with
// bounded loops — POST /checkout through the router beside a hand-written Express + stripe + pg route;
// router CPU per checkout; webhook events/s; GET /orders at 10k–1M orders; the React bundle sizes
// (size-limit); plus the time to settle a 50-seller order.
import { startSandbox } from '@marketkit/sandbox';
import pg from 'pg';
import Stripe from 'stripe';
import { createPgliteStore } from '../src/stores/pglite-store';
import { createPostgresStore } from '../src/stores/postgres-store';
import { findPostgresBin, startPostgres } from '../src/testing/start-postgres';
import { checkoutThroughput, type CheckoutResult, type Spread } from './checkout-bench';
import {
  formatRate,
  startSandboxProcess,
  stopProcess,
  type Row,
  type SandboxProcess,
} from './measure';
import { orderListLatencies, type OrderListResult } from './order-list-bench';
import { reactSizes, sizeRows } from './sizes';
import { settleSellers, webhookThroughput, type WebhookResult } from './webhook-bench';

// Same as the router process (see checkout-server.ts): no source-mapped stacks on the client side either.
process.setSourceMapsEnabled(false);

const numbers = (value: string) => value.split(',').filter(Boolean).map(Number);
const settings = {
  checkouts: Number(process.env.BENCH_CHECKOUTS ?? 200),
  rounds: Number(process.env.BENCH_ROUNDS ?? 11),
  concurrency: Number(process.env.BENCH_CONCURRENCY ?? 8),
  events: Number(process.env.BENCH_EVENTS ?? 1000),
  orderSizes: numbers(process.env.BENCH_ORDER_SIZES ?? '10000,100000,1000000'),
  pgliteOrderSizes: numbers(process.env.BENCH_PGLITE_ORDER_SIZES ?? '10000,100000'),
  orderSamples: Number(process.env.BENCH_ORDER_SAMPLES ?? 100),
  // 0 skips the second checkout run with Stripe-like latency on every PaymentIntent call.
  stripeLatencyMs: Number(process.env.BENCH_STRIPE_LATENCY_MS ?? 0),
  // checkout | webhooks | orders | sizes: run one part only; webhook-rate: only the webhook events/s
  // rows (no settle, no PGlite). BENCH_CPU_PROF=<dir> profiles the router.
  only: process.env.BENCH_ONLY,
  profileDirectory: process.env.BENCH_CPU_PROF,
};
const runs = (part: string) => !settings.only || settings.only === part;

const line = (label: string, value: string) => console.log(`${label.padEnd(52)} ${value}`);
const rows: Row[] = [];
const ms = (value: number) => `${value.toFixed(value >= 10 ? 0 : 2)} ms`;

const postgresBin = findPostgresBin();
if (!postgresBin) {
  console.log(
    'PostgreSQL binaries not found (apt-get install postgresql): PostgreSQL rows skipped',
  );
}
const postgresServer = postgresBin ? await startPostgres() : null;
const sandbox = await startSandbox({ port: 0, webhookSigning: 'shared' });
const stripe = new Stripe(sandbox.secretKey, { ...sandbox.stripeOptions, maxNetworkRetries: 0 });

/** A database of its own on the bench's server, so parts never see each other's rows. */
async function database(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: postgresServer!.connectionString });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgresServer!.connectionString);
  url.pathname = `/${name}`;
  return url.toString();
}

function sizes() {
  const entries = reactSizes();
  if (typeof entries === 'string') {
    for (const measure of [
      'provider + RiskBanner',
      'heaviest provider + one component',
      'whole kit',
    ])
      rows.push({ measure: `${measure}, first load`, value: entries, goal: '', met: null });
    return;
  }
  console.log('React bundle (size-limit, gzip, React and @stripe/* external):');
  for (const entry of entries)
    line(`  ${entry.name.slice(0, 50)}`, `${entry.bytes} B (budget ${entry.limit ?? '—'} B)`);
  // The measure (esbuild), then the same pages as a Vite app builds them.
  for (const [prefix, suffix] of [
    ['', ''],
    ['In a Vite app: ', ' (Vite app)'],
  ] as const) {
    const { riskBanner, heaviest, whole } = sizeRows(entries, prefix);
    const row = (measure: string, entry: (typeof entries)[number] | undefined, goal: number) =>
      rows.push({
        measure: `${measure}${suffix}`,
        value: entry
          ? `${entry.bytes.toLocaleString('en')} B ("${entry.name.slice(prefix.length, prefix.length + 28)}…")`
          : 'no such size-limit entry',
        goal: `≤ ${goal.toLocaleString('en')} B`,
        met: entry ? entry.bytes <= goal : null,
      });
    row('provider + RiskBanner, first load', riskBanner, 4000);
    row('heaviest provider + one component, first load', heaviest, 5000);
    row('whole kit, embedded entry included', whole, 12000);
  }
}

async function checkouts() {
  if (!postgresServer) return;
  const postgresUrl = await database('bench_checkout');
  const stores: ('postgres' | 'pglite')[] =
    process.env.BENCH_CHECKOUT_PGLITE === '1' ? ['postgres', 'pglite'] : ['postgres'];
  const latencies = settings.stripeLatencyMs > 0 ? [0, settings.stripeLatencyMs] : [0];
  for (const stripeLatencyMs of latencies) {
    console.log(
      stripeLatencyMs === 0
        ? 'POST /checkout, sandbox answering at once (the CPU-bound worst case for the router):'
        : `POST /checkout, sandbox answering after ${stripeLatencyMs} ms (Stripe-like latency):`,
    );
    for (const routerStore of stores) {
      const result: CheckoutResult = await checkoutThroughput({
        postgresUrl,
        routerStore,
        stripeLatencyMs,
        requests: settings.checkouts,
        rounds: settings.rounds,
        concurrency: settings.concurrency,
        profileDirectory: settings.profileDirectory,
      });
      const store = routerStore === 'postgres' ? 'PostgreSQL' : 'PGlite';
      const range = (spread: Spread, digits: number) =>
        `${spread.median.toFixed(digits)} (middle half ${spread.lowerQuartile.toFixed(digits)}–${spread.upperQuartile.toFixed(digits)}, all ${spread.low.toFixed(digits)}–${spread.high.toFixed(digits)})`;
      line(
        `  MarketKit router (${store}):`,
        `${range(result.routerRate, 0)} req/s, ${range(result.routerCpuMs, 2)} ms CPU/checkout${result.profiled ? ' (under the profiler)' : ''}`,
      );
      line(
        '  hand-written Express + stripe + pg route:',
        `${range(result.baselineRate, 0)} req/s, ${range(result.baselineCpuMs, 2)} ms CPU/checkout`,
      );
      if (result.routerDatabaseCpuMs && result.baselineDatabaseCpuMs)
        line(
          '  PostgreSQL CPU per checkout, router / hand-written:',
          `${result.routerDatabaseCpuMs.median.toFixed(2)} ms / ${result.baselineDatabaseCpuMs.median.toFixed(2)} ms`,
        );
      line(
        '  paymentIntents.create alone (SDK → sandbox):',
        `${range(result.directRate, 0)} req/s`,
      );
      const ratio = result.ratio.median;
      line(`  router / hand-written, per round:`, range(result.ratio, 2));
      if (stripeLatencyMs === 0 && routerStore === 'postgres') {
        rows.push({
          measure: 'POST /checkout: router ÷ hand-written route (PostgreSQL)',
          value: `${ratio.toFixed(2)} (middle half of rounds ${result.ratio.lowerQuartile.toFixed(2)}–${result.ratio.upperQuartile.toFixed(2)})`,
          goal: '≥ 0.9',
          met: ratio >= 0.9,
        });
        rows.push({
          measure: 'router CPU per checkout (PostgreSQL)',
          value: `${result.routerCpuMs.median.toFixed(2)} ms (hand-written ${result.baselineCpuMs.median.toFixed(2)})`,
          goal: '≤ 0.6 ms',
          met: result.routerCpuMs.median <= 0.6,
        });
      }
    }
  }
  console.log(
    `  (median of ${settings.rounds} rounds of ${settings.checkouts} requests per side after warm-up, router and hand-written`,
  );
  console.log(
    `   back to back in each round, first side alternating; concurrency ${settings.concurrency}, keep-alive clients; sandbox,`,
  );
  console.log(
    '   router and hand-written route each in their own process; CPU = process.cpuUsage() user + system, all threads)',
  );
}

async function settleRows() {
  line(
    'settle a 50-seller order (20 calls/s default):',
    `${(await settleSellers(sandbox, stripe, 50, 20)).toFixed(2)} s`,
  );
  line(
    'settle a 50-seller order (1000 calls/s):',
    `${(await settleSellers(sandbox, stripe, 50, 1000)).toFixed(2)} s`,
  );
}

const webhookLine = (store: string, result: WebhookResult) =>
  line(
    `webhook events/s on ${store}:`,
    `${formatRate(result.rate)} (${settings.events} account.updated events; ${result.routerCpuMs.toFixed(2)} ms router CPU/event, sender ${result.senderCpuMs.toFixed(2)} ms; ${result.queriesPerEvent.toFixed(2)} queries, ${result.stripeRequestsPerEvent.toFixed(2)} Stripe requests/event)`,
  );

async function pgliteWebhooks(stripeProcess: SandboxProcess) {
  const result = await webhookThroughput(
    stripeProcess,
    undefined,
    settings.events,
    settings.concurrency,
    settings.profileDirectory,
  );
  webhookLine('PGlite', result);
}

async function webhooks() {
  const rateOnly = settings.only === 'webhook-rate';
  if (!rateOnly) await settleRows();
  const stripeProcess = await startSandboxProcess();
  if (!rateOnly) await pgliteWebhooks(stripeProcess);
  if (!postgresServer) return void (await stopProcess(stripeProcess.process.child));
  try {
    const result = await webhookThroughput(
      stripeProcess,
      await database('bench_webhooks'),
      settings.events,
      settings.concurrency,
      settings.profileDirectory,
    );
    webhookLine('PostgreSQL', result);
    rows.push({
      measure: 'webhook events/s (PostgreSQL)',
      value: `${formatRate(result.rate)} (${result.routerCpuMs.toFixed(2)} ms router CPU/event)`,
      goal: '≥ 1,500',
      met: result.rate >= 1500,
    });
  } finally {
    await stopProcess(stripeProcess.process.child);
  }
}

function printOrderResults(store: string, results: OrderListResult[]) {
  for (const result of results) {
    const page = (label: string, latency: OrderListResult['sellerFirst']) =>
      `${label} p50 ${ms(latency.p50)} p99 ${ms(latency.p99)}`;
    line(
      `  ${store}, ${result.orders.toLocaleString('en')} orders (seeded in ${result.seedSeconds.toFixed(0)} s):`,
      [
        page("seller's 1st", result.sellerFirst),
        page('10th', result.sellerTenth),
        page("admin's 1st", result.adminFirst),
      ].join(' · '),
    );
    if (result.sellerPlan) line('', `  seller page plan: ${result.sellerPlan}`);
  }
}

async function orders() {
  console.log(
    'GET /orders (through the router, one request at a time; a seller has ~133 orders at any size):',
  );
  const stores: [string, number[], () => Promise<ReturnType<typeof createPgliteStore>>][] = [
    ['PGlite', settings.pgliteOrderSizes, async () => createPgliteStore()],
  ];
  if (postgresServer)
    stores.push([
      'PostgreSQL',
      settings.orderSizes,
      async () => createPostgresStore({ connectionString: await database('bench_orders') }),
    ]);
  for (const [name, orderSizes, create] of stores) {
    if (orderSizes.length === 0) continue;
    const store = await create();
    try {
      const results = await orderListLatencies(
        sandbox,
        stripe,
        store,
        orderSizes,
        settings.orderSamples,
      );
      printOrderResults(name, results);
      const first = results[0]!;
      const last = results.at(-1)!;
      const growth = (pick: (result: OrderListResult) => number) => pick(last) / pick(first);
      const firstGrowth = growth((result) => result.sellerFirst.p50);
      const tenthGrowth = growth((result) => result.sellerTenth.p50);
      if (name === 'PostgreSQL' || !postgresServer)
        rows.push({
          measure: `seller's GET /orders p50, ${first.orders.toLocaleString('en')} → ${last.orders.toLocaleString('en')} orders (${name})`,
          value: `1st page ${ms(first.sellerFirst.p50)} → ${ms(last.sellerFirst.p50)} (${firstGrowth.toFixed(1)}×), 10th ${ms(first.sellerTenth.p50)} → ${ms(last.sellerTenth.p50)} (${tenthGrowth.toFixed(1)}×)`,
          goal: 'within 2×',
          met: firstGrowth <= 2 && tenthGrowth <= 2,
        });
    } finally {
      await store.close();
    }
  }
}

function printTable() {
  const widths = [58, 50, 12];
  console.log('\nissue #16, this run (2 shared cores: figures move with the machine’s load):');
  console.log(
    `${'measure'.padEnd(widths[0]!)} ${'now'.padEnd(widths[1]!)} ${'goal'.padEnd(widths[2]!)} met`,
  );
  for (const row of rows) {
    const met = row.met === null ? '—' : row.met ? 'yes' : 'NO';
    console.log(
      `${row.measure.padEnd(widths[0]!)} ${row.value.padEnd(widths[1]!)} ${row.goal.padEnd(widths[2]!)} ${met}`,
    );
  }
}

try {
  if (runs('sizes')) sizes();
  if (runs('checkout')) await checkouts();
  if (runs('webhooks') || settings.only === 'webhook-rate') await webhooks();
  if (runs('orders')) await orders();
  printTable();
} finally {
  await sandbox.stop();
  await postgresServer?.stop();
}
