// POST /checkout through MarketKit's router beside the hand-written Express + stripe + pg route, each in
// its own process against the same sandbox process, measured in alternating rounds of the same run.
import { Agent, request as httpRequest } from 'node:http';
import { join } from 'node:path';
import {
  measureRate,
  median,
  spawnProcess,
  startSandboxProcess,
  stopProcess,
  type StartedProcess,
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

export interface CheckoutResult {
  routerRate: number;
  baselineRate: number;
  directRate: number;
  routerCpuMs: number;
  baselineCpuMs: number;
}

/** A keep-alive POST that resolves when a 200 arrives in full. */
function poster(port: number, agent: Agent, body: string) {
  return () =>
    new Promise<void>((resolve, reject) => {
      const outgoing = httpRequest(
        {
          agent,
          host: '127.0.0.1',
          port,
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
        ...(options.routerStore === 'postgres' ? [options.postgresUrl] : []),
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
      [...tsx, 'bench/handwritten-checkout-server.ts', sandboxPort, secretKey, options.postgresUrl],
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
    const viaRouter = poster(routerPort, agent, body);
    const viaBaseline = poster(baselinePort, agent, body);
    const direct = () =>
      stripe.paymentIntents.create({
        amount: 4500,
        currency: 'usd',
        transfer_group: 'bench',
        automatic_payment_methods: { enabled: true },
        metadata: { marketkit_order_id: 'bench' },
      });
    const { requests, concurrency } = options;
    // Warm every path (JIT, sockets, caches), then rotate the order each round and take the medians,
    // so drift in machine load hits every side alike and one slow round does not decide the ratio.
    for (const run of [viaRouter, viaBaseline, direct]) await measureRate(100, concurrency, run);
    const rates = { router: [] as number[], baseline: [] as number[], direct: [] as number[] };
    const cpu = { router: 0, baseline: 0 };
    const sides = [
      async () => {
        const before = await cpuOf(routerPort);
        rates.router.push(await measureRate(requests, concurrency, viaRouter));
        cpu.router += (await cpuOf(routerPort)) - before;
      },
      async () => {
        const before = await cpuOf(baselinePort);
        rates.baseline.push(await measureRate(requests, concurrency, viaBaseline));
        cpu.baseline += (await cpuOf(baselinePort)) - before;
      },
      async () => {
        rates.direct.push(await measureRate(requests, concurrency, direct));
      },
    ];
    for (let round = 0; round < options.rounds; round += 1) {
      for (let index = 0; index < sides.length; index += 1)
        await sides[(round + index) % sides.length]!();
    }
    const perCheckout = (microseconds: number) => microseconds / 1000 / (options.rounds * requests);
    return {
      routerRate: median(rates.router),
      baselineRate: median(rates.baseline),
      directRate: median(rates.direct),
      routerCpuMs: perCheckout(cpu.router),
      baselineCpuMs: perCheckout(cpu.baseline),
    };
  } finally {
    agent.destroy();
    for (const { child } of started.reverse()) await stopProcess(child);
    await stopProcess(sandboxProcess.process.child);
  }
}
