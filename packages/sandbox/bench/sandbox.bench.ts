// `pnpm --filter @marketkit/sandbox bench`: SDK calls per second against the sandbox, beside the same
// SDK calls against a bare node:http server that answers canned JSON, measured in the same run.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Stripe from 'stripe';

const packageRoot = join(import.meta.dirname, '..');

const requests = Number(process.env.BENCH_REQUESTS ?? 3000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const warmup = 200;
const target = 1000;

async function measure(run: () => Promise<unknown>, count: number) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      await run();
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return count / ((performance.now() - started) / 1000);
}

async function bench(label: string, run: () => Promise<unknown>) {
  await measure(run, warmup);
  return { label, perSecond: await measure(run, requests) };
}

/** Starts a server in its own process (so client and server each get a core) and reads its banner. */
async function spawnServer(args: string[], ready: RegExp) {
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    cwd: packageRoot,
  });
  const output = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${text}`)), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (ready.test(text)) {
        clearTimeout(timer);
        resolve(text);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${text}`)));
  });
  return { child, output };
}

const bareServer = `
const { createServer } = require('node:http');
const bodies = JSON.parse(process.argv[1]);
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    const body = request.url.startsWith('/v1/payment_intents') ? bodies.intent : bodies.account;
    response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'Request-Id': 'req_bare' });
    response.end(body);
  });
});
server.listen(0, '127.0.0.1', () => console.log('port=' + server.address().port));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

async function main() {
  const sandboxProcess = await spawnServer(
    ['--import', 'tsx', '--conditions=@marketkit/source', 'src/cli.ts', '--port', '0'],
    /STRIPE_WEBHOOK_SECRET=/,
  );
  let bareProcess: Awaited<ReturnType<typeof spawnServer>> | undefined;
  try {
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(sandboxProcess.output)?.[1]);
    const secretKey = /STRIPE_SECRET_KEY=(\S+)/.exec(sandboxProcess.output)?.[1] as string;
    const stripe = new Stripe(secretKey, {
      host: '127.0.0.1',
      port,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    const account = await stripe.accounts.create({ type: 'express' });
    const bodies = {
      account: JSON.stringify(await stripe.accounts.retrieve(account.id)),
      intent: JSON.stringify(await stripe.paymentIntents.create({ amount: 1000, currency: 'usd' })),
    };
    // The floor: the same SDK and HTTP stack against a server that only sends canned bytes.
    bareProcess = await spawnServer(['-e', bareServer, JSON.stringify(bodies)], /port=\d+/);
    const barePort = Number(/port=(\d+)/.exec(bareProcess.output)?.[1]);
    const bareStripe = new Stripe(secretKey, {
      host: '127.0.0.1',
      port: barePort,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    const intentParams = { amount: 1000, currency: 'usd', metadata: { bench: 'yes' } };
    const rows = [
      [
        await bench('accounts.retrieve', () => stripe.accounts.retrieve(account.id)),
        await bench('accounts.retrieve', () => bareStripe.accounts.retrieve(account.id)),
      ],
      [
        await bench('paymentIntents.create', () => stripe.paymentIntents.create(intentParams)),
        await bench('paymentIntents.create', () => bareStripe.paymentIntents.create(intentParams)),
      ],
    ] as const;
    console.log(
      `sandbox benchmark: ${requests} SDK calls per row, ${concurrency} in flight, servers in their own processes, ${availableParallelism()} cores`,
    );
    console.log('call                    sandbox req/s   bare node:http req/s   sandbox/bare');
    let ok = true;
    for (const [sandboxRow, bareRow] of rows) {
      const ratio = sandboxRow.perSecond / bareRow.perSecond;
      ok &&= sandboxRow.perSecond >= target;
      console.log(
        `${sandboxRow.label.padEnd(24)}${sandboxRow.perSecond.toFixed(0).padStart(13)}${bareRow.perSecond.toFixed(0).padStart(23)}${ratio.toFixed(2).padStart(15)}`,
      );
    }
    console.log(
      ok
        ? `ok: every sandbox row is at least ${target} SDK calls/s`
        : `below target: a sandbox row is under ${target} SDK calls/s`,
    );
  } finally {
    sandboxProcess.child.kill('SIGTERM');
    bareProcess?.child.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
