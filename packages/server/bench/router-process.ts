// What the router's bench processes (checkout-server.ts, webhook-server.ts) share: their command line,
// the SDK client for the sandbox process, onboarding a seller, and serving the router with a CPU probe.
import { writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { TEST_ONBOARDING_VALUES } from '@marketkit/sandbox';
import express from 'express';
import Stripe from 'stripe';
import type { MarketkitRouter } from '../src/router';

// tsx turns on source maps, which makes the stack the SDK captures on every request costly; a built
// server runs without them. The bench's client process turns them off too, so both sides match.
process.setSourceMapsEnabled(false);

/** The SDK against the sandbox process: keep-alive (as the SDK's default agent), no retries. */
export function createSandboxClient(port: number | string, secretKey: string): Stripe {
  return new Stripe(secretKey, {
    host: '127.0.0.1',
    port: Number(port),
    protocol: 'http',
    maxNetworkRetries: 0,
    httpAgent: new Agent({ keepAlive: true }),
  });
}

/** Args: sandbox port, secret key, webhook secret, sandbox URL, and optionally PostgreSQL's URL. */
export function readRouterProcessArguments() {
  const [port, secretKey, webhookSecret, sandboxUrl, postgresUrl] = process.argv.slice(2) as [
    string,
    string,
    string,
    string,
    string | undefined,
  ];
  return { stripe: createSandboxClient(port, secretKey), webhookSecret, sandboxUrl, postgresUrl };
}

/** Creates the user's connected account and completes its onboarding in the sandbox. */
export async function onboardSeller(
  router: MarketkitRouter,
  stripe: Stripe,
  sandboxUrl: string,
  userId: string,
): Promise<string> {
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
  return accountId;
}

/**
 * Serves the router on a free port with `GET /_bench/cpu` (this process's CPU time and `counters`,
 * read around the measured rounds), prints `announce` lines and the port, and closes on SIGTERM.
 * BENCH_CPU_PROF=<dir>: a CPU profile from the first CPU reading (after the warm-up) to exit, so
 * start-up does not crowd it.
 */
export function serveRouter(options: {
  router: MarketkitRouter;
  app?: express.Express;
  announce: string[];
  profileName: string;
  /** Counts the bench reads with the CPU time, e.g. queries sent so far. */
  counters?: () => Record<string, number>;
  close(): Promise<void>;
}): void {
  const profileDirectory = process.env.BENCH_CPU_PROF;
  const profiler = profileDirectory ? new Session() : undefined;
  let profiling = false;
  const app = options.app ?? express();
  app.get('/_bench/cpu', async (_request, response) => {
    if (profiler && !profiling) {
      profiling = true;
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
    }
    const usage = process.cpuUsage();
    response.json({ microseconds: usage.user + usage.system, ...options.counters?.() });
  });
  app.use('/api', options.router);
  const server = app.listen(0, '127.0.0.1', () => {
    const address = server.address();
    for (const line of options.announce) console.log(line);
    console.log(`port=${typeof address === 'object' && address ? address.port : 0}`);
  });
  process.once('SIGTERM', async () => {
    if (profiler && profiling) {
      const { profile } = await profiler.post('Profiler.stop');
      const file = join(profileDirectory!, `${options.profileName}-${process.pid}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
    }
    server.closeAllConnections();
    server.close(() => void options.close().then(() => process.exit(0)));
  });
}
