// Webhook events per second through the router, and the time to settle a many-seller order.
import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Sandbox } from '@marketkit/sandbox';
import type Stripe from 'stripe';
import { join } from 'node:path';
import { createPgliteStore } from '../src/stores/pglite-store';
import { onboard, onSale, startApp } from './app';
import {
  measureRate,
  postExpectingOk,
  spawnProcess,
  stopProcess,
  type SandboxProcess,
} from './measure';

const packageRoot = join(import.meta.dirname, '..');
const WARM_UP_EVENTS = 1000;
const tsx = ['--import', 'tsx', '--conditions=@marketkit/source'];

export interface WebhookResult {
  rate: number;
  /** The router process's CPU per event (verify, coalesced retrieve, batched write, answer). */
  routerCpuMs: number;
  /** This process's CPU per event: Stripe's side, signing and sending. */
  senderCpuMs: number;
  /** The router's round trips to the store per event (a transaction's begin and commit included). */
  queriesPerEvent: number;
  /** The router's requests to Stripe per event (coalesced accounts.retrieve). */
  stripeRequestsPerEvent: number;
}

/**
 * Signed account.updated deliveries over keep-alive connections, `concurrency` at a time, each answered
 * 200 and applied once; the rate, and CPU per event. The router runs in its own process
 * (webhook-server.ts) as in the checkout part, so neither the sender (Stripe's side) nor the sandbox
 * answering the handler's accounts.retrieve shares its CPU.
 */
export async function webhookThroughput(
  sandbox: SandboxProcess,
  postgresUrl: string | undefined,
  events: number,
  concurrency: number,
  profileDirectory: string | undefined,
): Promise<WebhookResult> {
  const { stripe } = sandbox;
  const router = await spawnProcess(
    [
      ...tsx,
      'bench/webhook-server.ts',
      sandbox.port,
      sandbox.secretKey,
      sandbox.webhookSecret,
      sandbox.url,
      ...(postgresUrl ? [postgresUrl] : []),
    ],
    packageRoot,
    /port=\d+/,
    { ...process.env, ...(profileDirectory ? { BENCH_CPU_PROF: profileDirectory } : {}) },
  );
  const port = Number(/port=(\d+)/.exec(router.output)![1]);
  const accountId = /account=(\S+)/.exec(router.output)![1]!;
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  // The account as Stripe would put it in the event, serialised once: only the id changes per event.
  const account = JSON.stringify(await stripe.accounts.retrieve(accountId));
  const runId = Math.random().toString(36).slice(2, 8);
  const deliver = async (eventId: string) => {
    const payload = `{"id":${JSON.stringify(eventId)},"object":"event","type":"account.updated","account":${JSON.stringify(accountId)},"data":{"object":${account}}}`;
    const signature = stripe.webhooks.generateTestHeaderString({
      payload,
      secret: sandbox.webhookSecret,
    });
    await postExpectingOk(agent, port, '/api/webhooks', { 'stripe-signature': signature }, payload);
  };
  const bench = async (path: string) => {
    const response = await fetch(`http://127.0.0.1:${port}/_bench/${path}`);
    return (await response.json()) as {
      microseconds: number;
      queries: number;
      stripeRequests: number;
      count: number;
    };
  };
  try {
    // Warmed up as the checkout part is (1,000 requests): a server in production runs warm code, and
    // the first events mostly measure the JIT, on both sides.
    await measureRate(WARM_UP_EVENTS, concurrency, (index) =>
      deliver(`evt_warm_${runId}_${index}`),
    );
    const routerBefore = await bench('cpu');
    const senderBefore = process.cpuUsage();
    const rate = await measureRate(events, concurrency, (index) =>
      deliver(`evt_bench_${runId}_${index}`),
    );
    const sender = process.cpuUsage(senderBefore);
    const routerAfter = await bench('cpu');
    const perEvent = (key: 'microseconds' | 'queries' | 'stripeRequests') =>
      (routerAfter[key] - routerBefore[key]) / events;
    // Exactly once: every event id recorded, none twice (the primary key would refuse it anyway).
    const { count } = await bench(`recorded?prefix=evt_bench_${runId}_`);
    if (count !== events) throw new Error(`expected ${events} recorded events, found ${count}`);
    return {
      rate,
      routerCpuMs: perEvent('microseconds') / 1000,
      senderCpuMs: (sender.user + sender.system) / 1000 / events,
      queriesPerEvent: perEvent('queries'),
      stripeRequestsPerEvent: perEvent('stripeRequests'),
    };
  } finally {
    agent.destroy();
    await stopProcess(router.child);
  }
}

/** Seconds from payment to every seller's transfer, with the worker at `callsPerSecond`. */
export async function settleSellers(
  sandbox: Sandbox,
  stripe: Stripe,
  sellerCount: number,
  callsPerSecond: number,
): Promise<number> {
  const store = createPgliteStore();
  const app = await startApp(sandbox, stripe, store, { worker: { callsPerSecond } });
  const endpoint = await stripe.webhookEndpoints.create({
    url: `${app.url}/webhooks`,
    enabled_events: ['payment_intent.succeeded'],
  });
  try {
    const sellers = Array.from(
      { length: sellerCount },
      (_, index) => `settle_${callsPerSecond}_${index}`,
    );
    for (const seller of sellers) await onboard(sandbox, app.router, seller);
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
    if (transfers.data.length !== sellerCount)
      throw new Error(`expected ${sellerCount} transfers, got ${transfers.data.length}`);
    return seconds;
  } finally {
    await stripe.webhookEndpoints.del(endpoint.id);
    await app.stop();
    await store.close();
  }
}
