import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { day } from '../core/engine';
import { chargeCard, createOnboardedAccount, useHarness } from '../test-support';

// Named after Stripe's idempotency rules (https://docs.stripe.com/api/idempotent_requests and
// https://docs.stripe.com/idempotency); the README cites them.
const harness = useHarness();
const failure = (promise: Promise<unknown>) =>
  promise.then(
    (value) => {
      throw new Error(`Expected a failure, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error as Stripe.errors.StripeError,
  );

/** A seller and enough available platform funds for a few transfers. */
async function fundedSeller() {
  const seller = await createOnboardedAccount(harness.stripe);
  await chargeCard(harness.stripe, 20_000, 'pm_card_bypassPending');
  return seller;
}

const transfersTo = async (seller: string) =>
  (await harness.stripe.transfers.list({ destination: seller, limit: 100 })).data;

describe('idempotent requests', () => {
  it('saves the result once the endpoint began executing, a 500 included, and replays it for the same key', async () => {
    const seller = await fundedSeller();
    harness.sandbox.injectFault({
      method: 'POST',
      path: '/v1/transfers',
      count: 1,
      status: 500,
      phase: 'after-execution',
    });
    const create = () =>
      harness.stripe.transfers.create(
        { amount: 1000, currency: 'usd', destination: seller.id },
        { idempotencyKey: 'transfer-after-500' },
      );
    const first = await failure(create());
    expect(first).toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect(first.statusCode).toBe(500);
    // The side effect happened: the transfer exists although the caller saw a 500.
    expect(await transfersTo(seller.id)).toHaveLength(1);

    const replayed = await failure(create());
    expect(replayed.statusCode).toBe(500);
    expect(replayed.headers?.['idempotent-replayed']).toBe('true');
    expect(await transfersTo(seller.id)).toHaveLength(1);

    // Stripe prunes keys after at least 24 hours; then the same key is a new request.
    await harness.sandbox.advanceClock(day);
    const fresh = await create();
    expect(fresh.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    expect(await transfersTo(seller.id)).toHaveLength(2);
  });

  it('keeps replaying a saved 500 until 24 hours of sandbox time have passed', async () => {
    const seller = await fundedSeller();
    harness.sandbox.injectFault({
      method: 'POST',
      path: '/v1/transfers',
      count: 1,
      status: 500,
      phase: 'after-execution',
    });
    const create = () =>
      harness.stripe.transfers.create(
        { amount: 700, currency: 'usd', destination: seller.id },
        { idempotencyKey: 'transfer-23h' },
      );
    await failure(create());
    await harness.sandbox.advanceClock(day - 60);
    expect((await failure(create())).statusCode).toBe(500);
    expect(await transfersTo(seller.id)).toHaveLength(1);
  });

  it('saves nothing for a 500 before execution, so a retry with the same key executes once', async () => {
    const seller = await fundedSeller();
    harness.sandbox.injectFault({ method: 'POST', path: '/v1/transfers', count: 1, status: 500 });
    const create = () =>
      harness.stripe.transfers.create(
        { amount: 1200, currency: 'usd', destination: seller.id },
        { idempotencyKey: 'transfer-before-500' },
      );
    expect((await failure(create())).statusCode).toBe(500);
    expect(await transfersTo(seller.id)).toHaveLength(0);
    const transfer = await create();
    expect(transfer.amount).toBe(1200);
    const again = await create();
    expect(again.id).toBe(transfer.id);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(await transfersTo(seller.id)).toHaveLength(1);
  });

  it('saves no result when incoming parameters fail validation', async () => {
    const seller = await fundedSeller();
    const invalid = await failure(
      harness.stripe.transfers.create(
        { amount: -5, currency: 'usd', destination: seller.id },
        { idempotencyKey: 'validated-later' },
      ),
    );
    expect(invalid).toMatchObject({ statusCode: 400, code: 'parameter_invalid_integer' });
    expect(invalid.headers?.['idempotent-replayed']).toBeUndefined();
    // Nothing was saved for the key, so corrected parameters under it are not an idempotency_error.
    const transfer = await harness.stripe.transfers.create(
      { amount: 500, currency: 'usd', destination: seller.id },
      { idempotencyKey: 'validated-later' },
    );
    expect(transfer.amount).toBe(500);
  });

  it('replays the real result when the connection drops after execution', async () => {
    const seller = await fundedSeller();
    // The SDK retries a dropped connection once itself; that retry carries the same key.
    harness.sandbox.injectFault({
      method: 'POST',
      path: '/v1/transfers',
      count: 1,
      drop: true,
      phase: 'after-execution',
    });
    const transfer = await harness.stripe.transfers.create(
      { amount: 900, currency: 'usd', destination: seller.id },
      { idempotencyKey: 'transfer-dropped' },
    );
    expect(transfer.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(await transfersTo(seller.id)).toHaveLength(1);
  });

  it('answers 409 idempotency_key_in_use to a twin while the first is still running after execution', async () => {
    const seller = await fundedSeller();
    harness.sandbox.injectFault({
      method: 'POST',
      path: '/v1/transfers',
      count: 1,
      latencyMs: 300,
      phase: 'after-execution',
    });
    const create = () =>
      harness.stripe.transfers.create(
        { amount: 800, currency: 'usd', destination: seller.id },
        { idempotencyKey: 'transfer-slow' },
      );
    const slow = create();
    await new Promise((resolve) => setTimeout(resolve, 60));
    const twin = await failure(create());
    expect(twin).toMatchObject({ statusCode: 409, code: 'idempotency_key_in_use' });
    await expect(slow).resolves.toMatchObject({ amount: 800 });
    expect(await transfersTo(seller.id)).toHaveLength(1);
  });
});

describe('fault control', () => {
  it('refuses an unknown fault phase with a clear 400', async () => {
    const response = await fetch(`${harness.sandbox.url}/_sandbox/faults`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${harness.sandbox.secretKey}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ path: '/v1/transfers', status: 500, phase: 'during' }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { param: string; message: string } };
    expect(body.error.param).toBe('phase');
    expect(body.error.message).toContain("'after-execution'");
  });

  it('takes the after-execution phase over HTTP as well', async () => {
    const seller = await fundedSeller();
    const response = await fetch(`${harness.sandbox.url}/_sandbox/faults`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${harness.sandbox.secretKey}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        method: 'POST',
        path: '/v1/transfers',
        status: 500,
        phase: 'after-execution',
      }),
    });
    expect(response.status).toBe(200);
    expect(
      (
        await failure(
          harness.stripe.transfers.create({ amount: 300, currency: 'usd', destination: seller.id }),
        )
      ).statusCode,
    ).toBe(500);
    expect(await transfersTo(seller.id)).toHaveLength(1);
  });
});
