// One MarketKit instance in its own process, working the outbox of a shared PostgreSQL database, for
// tests that SIGKILL an instance mid-call. Arguments: a JSON object { databaseUrl, stripe: { host,
// port, secretKey }, leaseSeconds, concurrency }. It prints one JSON line per log entry and hook call on stdout.
import Stripe from 'stripe';
import { createMarketkitCore } from '../core';
import { createPostgresStore } from '../stores/postgres-store';

const input = JSON.parse(process.argv[2] ?? '{}') as {
  databaseUrl: string;
  stripe: { host: string; port: number; secretKey: string };
  leaseSeconds: number;
  concurrency: number;
};

const print = (line: object): void => void process.stdout.write(`${JSON.stringify(line)}\n`);
const log = (level: string) => (object: object, message: string) =>
  print({ level, ...object, message });

const core = createMarketkitCore({
  stripe: new Stripe(input.stripe.secretKey, {
    host: input.stripe.host,
    port: input.stripe.port,
    protocol: 'http',
    maxNetworkRetries: 0,
  }),
  store: createPostgresStore({ connectionString: input.databaseUrl, max: 4 }),
  webhookSecret: 'whsec_unused_by_the_worker_process',
  platform: { country: 'US', defaultCurrency: 'usd', currencies: ['usd'] },
  fees: { basisPoints: 1000 },
  urls: { apiBase: 'http://127.0.0.1/api', onboardingReturn: 'http://127.0.0.1/seller' },
  pricing: () => {
    throw new Error('The worker process sells nothing.');
  },
  authenticate: () => null,
  logger: { info: log('info'), warn: log('warn'), error: log('error') },
  worker: {
    baseDelayMs: 5,
    maxDelayMs: 40,
    pollIntervalMs: 20,
    callsPerSecond: 1000,
    leaseSeconds: input.leaseSeconds,
    concurrency: input.concurrency,
  },
  onTransferPaid: (event) => print({ hook: 'onTransferPaid', ...event }),
  onTransferFailed: (event) => print({ hook: 'onTransferFailed', ...event }),
});

core.lifecycle.ready.then(
  () => print({ ready: true }),
  (error: unknown) => {
    print({ level: 'error', message: String(error) });
    process.exit(1);
  },
);
process.on('SIGTERM', () => {
  void core.lifecycle.close().then(() => process.exit(0));
});
