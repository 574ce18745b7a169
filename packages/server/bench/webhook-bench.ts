// Webhook events per second through the router, and the time to settle a many-seller order.
import { Agent, request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Sandbox } from '@marketkit/sandbox';
import type Stripe from 'stripe';
import type { Store } from '../src/stores/store';
import { createPgliteStore } from '../src/stores/pglite-store';
import { onboard, onSale, startApp } from './app';
import { measureRate, profiled, type SandboxProcess } from './measure';

/**
 * Signed account.updated deliveries over keep-alive connections, `concurrency` at a time, each answered
 * 200 and applied once; the rate, and this process's CPU per event (the sender's and the router's; the
 * sandbox answering the handler's accounts.retrieve runs in its own process, as Stripe would).
 */
export async function webhookThroughput(
  sandbox: SandboxProcess,
  store: Store,
  events: number,
  concurrency: number,
): Promise<{ rate: number; cpuMs: number }> {
  const { stripe } = sandbox;
  const app = await startApp(sandbox, stripe, store, { worker: { autoStart: false } });
  const port = Number(new URL(app.url).port);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const accountId = await onboard(sandbox, app.router, `hook_${store.kind}_${Date.now()}`);
  const account = await stripe.accounts.retrieve(accountId);
  const runId = Math.random().toString(36).slice(2, 8);
  const deliver = async (eventId: string) => {
    const payload = JSON.stringify({
      id: eventId,
      object: 'event',
      type: 'account.updated',
      account: accountId,
      data: { object: account },
    });
    const signature = stripe.webhooks.generateTestHeaderString({
      payload,
      secret: sandbox.webhookSecret,
    });
    await new Promise<void>((resolve, reject) => {
      const outgoing = httpRequest(
        {
          agent,
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/webhooks',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
            'stripe-signature': signature,
          },
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () =>
            incoming.statusCode === 200
              ? resolve()
              : reject(
                  new Error(`webhook failed: ${incoming.statusCode} ${Buffer.concat(chunks)}`),
                ),
          );
        },
      );
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  };
  try {
    await measureRate(50, concurrency, (index) => deliver(`evt_warm_${runId}_${index}`));
    const cpuBefore = process.cpuUsage();
    const rate = await profiled(process.env.BENCH_CPU_PROF, `webhooks-${store.kind}`, () =>
      measureRate(events, concurrency, (index) => deliver(`evt_bench_${runId}_${index}`)),
    );
    const cpu = process.cpuUsage(cpuBefore);
    // Exactly once: every event id recorded, none twice (the primary key would refuse it anyway).
    const { rows } = await store.query<{ count: number }>(
      'select count(*)::integer as count from mk_webhook_events where id like $1',
      [`evt_bench_${runId}_%`],
    );
    if (Number(rows[0]?.count) !== events)
      throw new Error(`expected ${events} recorded events, found ${rows[0]?.count}`);
    return { rate, cpuMs: (cpu.user + cpu.system) / 1000 / events };
  } finally {
    agent.destroy();
    await app.stop();
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
