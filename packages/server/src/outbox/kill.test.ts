import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as repository from '../stores/repository';
import { createPostgresStore } from '../stores/postgres-store';
import { createHarness, type Harness } from '../testing/harness';
import { createTestDatabase } from '../testing/test-database';

const WORKER_PROCESS = fileURLToPath(new URL('../testing/worker-process.ts', import.meta.url));

/** A MarketKit instance in its own process on the shared database; its stdout lines, parsed. */
function startInstance(input: object) {
  const lines: Record<string, unknown>[] = [];
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=@marketkit/source', '--import', 'tsx', WORKER_PROCESS, JSON.stringify(input)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const complete = buffered.split('\n');
    buffered = complete.pop()!;
    for (const line of complete) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, lines, exited };
}

async function until(condition: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// Two instances in two processes over one PostgreSQL database; Stripe answers in 2.5 s and the lease
// is 1 s. The instance holding the rows is SIGKILLed mid-call: its lease lapses, the other instance
// resumes the rows under the same idempotency keys, and each seller is paid exactly once.
describe('exactly-once transfers when an instance is killed mid-call', () => {
  let harness: Harness;
  let databaseUrl: string;
  const sellers = ['k1', 'k2', 'k3', 'k4'];
  const instances: ReturnType<typeof startInstance>[] = [];

  beforeAll(async () => {
    databaseUrl = await createTestDatabase(inject('postgresUrl'));
    harness = await createHarness({
      store: createPostgresStore({ connectionString: databaseUrl, max: 5 }),
      // This process takes the webhooks and plans the transfers; only the child processes make them.
      routerOptions: { worker: { autoStart: false } },
    });
    for (const seller of sellers) await harness.onboardSeller(seller);
  });
  afterAll(async () => {
    for (const instance of instances) instance.child.kill('SIGKILL');
    await Promise.all(instances.map((instance) => instance.exited));
    await harness?.close();
  });

  it('pays each seller once and reports no false failure after a SIGKILL mid-call', async () => {
    const input = {
      databaseUrl,
      stripe: {
        host: harness.sandbox.stripeOptions.host,
        port: harness.sandbox.stripeOptions.port,
        secretKey: harness.sandbox.secretKey,
      },
      leaseSeconds: 1,
      concurrency: 4,
    };
    const [doomed, survivor] = [startInstance(input), startInstance(input)];
    instances.push(doomed, survivor);
    for (const instance of instances)
      await until(
        async () => instance.lines.some((line) => line.ready === true),
        15_000,
        'an instance to start',
      );
    // The survivor is paused while the rows are claimed, so the doomed instance holds all four.
    survivor.child.kill('SIGSTOP');
    harness.sandbox.injectFault({
      method: 'POST',
      path: '/v1/transfers',
      count: 4,
      latencyMs: 2500,
    });
    const checkout = await harness.http
      .post('/api/checkout')
      .set(harness.as('buyer'))
      .send(
        harness.cart(
          sellers.map((sellerId, index) => ({ sellerId, amount: 3000 + index, quantity: 1 })),
        ),
      );
    expect(checkout.status, JSON.stringify(checkout.body)).toBe(200);
    const orderId = checkout.body.orderId as string;
    await harness.pay(checkout.body.paymentIntentId);
    await harness.sandbox.flushWebhooks();
    const rows = () => repository.listTransfersForOrder(harness.store, orderId);
    await until(
      async () => {
        const current = await rows();
        return current.length === 4 && current.every((row) => row.status === 'in_flight');
      },
      10_000,
      'the first instance to claim the rows',
    );
    // Mid-call: Stripe is still working on the transfers when the process dies; the other instance
    // resumes the rows once their lease lapses, while those calls may still be running on Stripe.
    await new Promise((resolve) => setTimeout(resolve, 300));
    doomed.child.kill('SIGKILL');
    survivor.child.kill('SIGCONT');
    await doomed.exited;

    await until(
      async () => (await rows()).every((row) => row.status === 'paid' || row.status === 'failed'),
      20_000,
      'the surviving instance to settle every row',
    );
    const page = await harness.stripe.transfers.list({ transfer_group: orderId, limit: 100 });
    const perSeller = new Map<string, number>();
    for (const transfer of page.data)
      perSeller.set(
        String(transfer.destination),
        (perSeller.get(String(transfer.destination)) ?? 0) + 1,
      );
    const settled = await rows();
    const hooks = [...doomed.lines, ...survivor.lines];
    const falseFailures = hooks.filter((line) => line.hook === 'onTransferFailed');
    const keyInUse = survivor.lines.filter((line) =>
      String(line.error ?? '').includes('idempotency_key_in_use'),
    );
    console.info(
      `SIGKILL mid-call: transfers per seller ${JSON.stringify([...perSeller.values()])}, ` +
        `false onTransferFailed ${falseFailures.length}, 409 idempotency_key_in_use ${keyInUse.length}, ` +
        `attempts ${JSON.stringify(settled.map((row) => row.attempts))}`,
    );
    expect([...perSeller.values()]).toEqual([1, 1, 1, 1]);
    expect(settled.map((row) => row.status)).toEqual(['paid', 'paid', 'paid', 'paid']);
    expect(settled.map((row) => row.stripeTransferId).sort()).toEqual(
      page.data.map((transfer) => transfer.id).sort(),
    );
    expect(falseFailures).toEqual([]);
    // The survivor really resumed the dead instance's rows (a second claim each).
    expect(settled.map((row) => row.attempts).every((attempts) => attempts >= 2)).toBe(true);
  }, 45_000);
});
