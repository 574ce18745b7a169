// POST /checkout through MarketKit's router beside the hand-written Express + stripe + pg route, each in
// its own process against the same sandbox process, measured in alternating rounds of the same run.
import { Agent } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import {
  measureRate,
  median,
  percentile,
  spawnProcess,
  startSandboxProcess,
  stopProcess,
  type StartedProcess,
  postExpectingOk,
} from './measure';

const packageRoot = join(import.meta.dirname, '..');
const tsx = ['--import', 'tsx', '--conditions=@marketkit/source'];

export interface CheckoutOptions {
  /** PostgreSQL for both sides; the router uses PGlite when `routerStore` is 'pglite'. */
  postgresUrl: string;
  routerStore: 'postgres' | 'pglite';
  stripeLatencyMs: number;
  requests: number;
  rounds: number;
  concurrency: number;
  /** A directory to write the router process's CPU profile to. */
  profileDirectory?: string | undefined;
}

/** Median and spread of one figure over the measured rounds. */
export interface Spread {
  median: number;
  /** The middle half of the rounds lies between these (25th and 75th percentiles). */
  lowerQuartile: number;
  upperQuartile: number;
  low: number;
  high: number;
}

export interface CheckoutResult {
  /** Requests per second, per round. */
  routerRate: Spread;
  baselineRate: Spread;
  directRate: Spread;
  /** Router rate ÷ hand-written rate of the same round (the two run back to back). */
  ratio: Spread;
  /** Milliseconds of process CPU (user + system, every thread) per checkout, per round. */
  routerCpuMs: Spread;
  baselineCpuMs: Spread;
  /** PostgreSQL's CPU per checkout for each side's connections (null when the router runs on PGlite). */
  routerDatabaseCpuMs: Spread | null;
  baselineDatabaseCpuMs: Spread | null;
  rounds: number;
  /** True when the router process ran under the CPU profiler (its CPU figure then includes the profiler). */
  profiled: boolean;
}

const spread = (values: readonly number[]): Spread => ({
  median: median(values),
  lowerQuartile: percentile(values, 0.25),
  upperQuartile: percentile(values, 0.75),
  low: Math.min(...values),
  high: Math.max(...values),
});

// PostgreSQL's side of each checkout: the CPU of the server processes (backends) serving one side's
// connections, told apart by the application name in its connection string. Read from /proc in clock
// ticks (10 ms), so only the sum over a round of hundreds of checkouts is meaningful.
const applicationNames = { router: 'mk_bench_router', baseline: 'mk_bench_handwritten' } as const;

const withApplicationName = (url: string, name: string) => {
  const parsed = new URL(url);
  parsed.searchParams.set('application_name', name);
  return parsed.toString();
};

async function databaseCpuMs(admin: pg.Client, name: string): Promise<number> {
  const { rows } = await admin.query<{ pid: number }>(
    'select pid from pg_stat_activity where application_name = $1',
    [name],
  );
  let ticks = 0;
  for (const { pid } of rows) {
    try {
      // Fields after the command name: utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The backend ended between the query and the read.
    }
  }
  return ticks * 10;
}

const cpuOf = async (port: number) => {
  const response = await fetch(`http://127.0.0.1:${port}/_bench/cpu`);
  return ((await response.json()) as { microseconds: number }).microseconds;
};

export async function checkoutThroughput(options: CheckoutOptions): Promise<CheckoutResult> {
  const sandboxProcess = await startSandboxProcess();
  const started: StartedProcess[] = [];
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  try {
    const { url: sandboxUrl, port: sandboxPort, secretKey, webhookSecret, stripe } = sandboxProcess;
    const router = await spawnProcess(
      [
        ...tsx,
        'bench/checkout-server.ts',
        sandboxPort,
        secretKey,
        webhookSecret,
        sandboxUrl,
        ...(options.routerStore === 'postgres'
          ? [withApplicationName(options.postgresUrl, applicationNames.router)]
          : []),
      ],
      packageRoot,
      /port=\d+/,
      // Sellers are named per run: a PostgreSQL store outlives the sandbox process of an earlier run.
      {
        ...process.env,
        BENCH_SELLER_PREFIX: `run${Date.now()}-`,
        ...(options.profileDirectory ? { BENCH_CPU_PROF: options.profileDirectory } : {}),
      },
    );
    started.push(router);
    const baseline = await spawnProcess(
      [
        ...tsx,
        'bench/handwritten-checkout-server.ts',
        sandboxPort,
        secretKey,
        withApplicationName(options.postgresUrl, applicationNames.baseline),
      ],
      packageRoot,
      /port=\d+/,
      { ...process.env, BENCH_CATALOGUE: /catalogue=(\S+)/.exec(router.output)![1]! },
    );
    started.push(baseline);
    const routerPort = Number(/port=(\d+)/.exec(router.output)![1]);
    const baselinePort = Number(/port=(\d+)/.exec(baseline.output)![1]);
    if (options.stripeLatencyMs > 0) {
      // The sandbox's latency fault on every PaymentIntent call, for every side alike.
      const fault = await fetch(`${sandboxUrl}/_sandbox/faults`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          path: '/v1/payment_intents',
          count: 1_000_000,
          latencyMs: options.stripeLatencyMs,
        }),
      });
      if (!fault.ok) throw new Error(`could not inject latency: ${fault.status}`);
    }
    // Both sides sell one item per seller at 1500.
    const body = JSON.stringify({
      currency: 'usd',
      items: ['a', 'b', 'c'].map((name) => ({ itemId: `item_${name}`, quantity: 1 })),
    });
    const post = (port: number) => () =>
      postExpectingOk(agent, port, '/api/checkout', { 'x-user': 'buyer' }, body);
    const viaRouter = post(routerPort);
    const viaBaseline = post(baselinePort);
    const direct = () =>
      stripe.paymentIntents.create({
        amount: 4500,
        currency: 'usd',
        transfer_group: 'bench',
        automatic_payment_methods: { enabled: true },
        metadata: { marketkit_order_id: 'bench' },
      });
    const { requests, concurrency } = options;
    // Warm every path well past the JIT's tiers and the pools' growth before anything counts.
    for (const run of [viaRouter, viaBaseline, direct, viaRouter, viaBaseline])
      await measureRate(200, concurrency, run);
    // Each round interleaves the router and the hand-written route in short slices (router, hand-written,
    // hand-written, router, then the mirror image), so a burst of load from elsewhere on the shared machine
    // or a slow drift lands on both sides of a round alike. A side's rate in a round is its requests over
    // its summed time; the ratio is taken per round, and the median round reported with the lowest and
    // highest. CPU is read from each process around each of its slices.
    const rates = { router: [] as number[], baseline: [] as number[], direct: [] as number[] };
    const cpu = { router: [] as number[], baseline: [] as number[] };
    const slices = 4;
    // `requests` per side and round, in two slices.
    const slice = Math.max(concurrency, Math.round(requests / 2));
    const database = { router: [] as number[], baseline: [] as number[] };
    const admin = options.routerStore === 'postgres' ? new pg.Client(options.postgresUrl) : null;
    await admin?.connect();
    const databaseCpu = async () =>
      admin
        ? {
            router: await databaseCpuMs(admin, applicationNames.router),
            baseline: await databaseCpuMs(admin, applicationNames.baseline),
          }
        : null;
    const pattern = ['router', 'baseline', 'baseline', 'router'] as const;
    for (let round = 0; round < options.rounds; round += 1) {
      const seconds = { router: 0, baseline: 0 };
      const microseconds = { router: 0, baseline: 0 };
      const databaseBefore = await databaseCpu();
      for (let index = 0; index < slices; index += 1) {
        const side = pattern[(index + (round % 2) * 2) % pattern.length]!;
        const port = side === 'router' ? routerPort : baselinePort;
        const before = await cpuOf(port);
        seconds[side] +=
          slice /
          (await measureRate(slice, concurrency, side === 'router' ? viaRouter : viaBaseline));
        microseconds[side] += (await cpuOf(port)) - before;
      }
      const databaseAfter = await databaseCpu();
      // Each side ran two slices of the four.
      for (const side of ['router', 'baseline'] as const) {
        rates[side].push((slice * 2) / seconds[side]);
        cpu[side].push(microseconds[side] / 1000 / (slice * 2));
        if (databaseBefore && databaseAfter)
          database[side].push((databaseAfter[side] - databaseBefore[side]) / (slice * 2));
      }
      rates.direct.push(await measureRate(slice, concurrency, direct));
    }
    await admin?.end();
    return {
      routerRate: spread(rates.router),
      baselineRate: spread(rates.baseline),
      directRate: spread(rates.direct),
      ratio: spread(rates.router.map((rate, round) => rate / rates.baseline[round]!)),
      routerCpuMs: spread(cpu.router),
      baselineCpuMs: spread(cpu.baseline),
      routerDatabaseCpuMs: admin ? spread(database.router) : null,
      baselineDatabaseCpuMs: admin ? spread(database.baseline) : null,
      rounds: options.rounds,
      profiled: options.profileDirectory !== undefined,
    };
  } finally {
    agent.destroy();
    for (const { child } of started.reverse()) await stopProcess(child);
    await stopProcess(sandboxProcess.process.child);
  }
}
