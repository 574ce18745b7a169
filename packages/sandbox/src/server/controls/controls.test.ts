import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../index';
import { chargeCard, createOnboardedAccount, useHarness } from '../test-support';

const harness = useHarness({ clock: { now: 1_767_225_600 } });

async function control(
  method: string,
  path: string,
  body?: unknown,
  key = harness.sandbox.secretKey,
) {
  const response = await fetch(`${harness.sandbox.url}/_sandbox/${path}`, {
    method,
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('HTTP controls', () => {
  it('requires the secret key', async () => {
    expect((await control('GET', 'clock', undefined, harness.sandbox.publishableKey)).status).toBe(
      401,
    );
  });

  it('reads and advances the clock', async () => {
    const { body } = await control('GET', 'clock');
    const advanced = await control('POST', 'clock/advance', { seconds: 3600 });
    expect(advanced.body.now).toBe((body.now as number) + 3600);
    expect(harness.sandbox.now()).toBe(advanced.body.now);
    expect((await control('POST', 'clock/advance', { seconds: -1 })).status).toBe(400);
  });

  it('closes a dispute over HTTP', async () => {
    const intent = await chargeCard(harness.stripe, 2000, 'pm_card_createDispute');
    const dispute = (await harness.stripe.disputes.list({ charge: intent.latest_charge as string }))
      .data[0] as Stripe.Dispute;
    const closed = await control('POST', `disputes/${dispute.id}/close`, { outcome: 'lost' });
    expect(closed.body.status).toBe('lost');
    expect((await control('POST', `disputes/${dispute.id}/close`, { outcome: 'won' })).status).toBe(
      400,
    );
  });

  it('injects 500 and 429 faults for the next matching requests only', async () => {
    expect(
      (
        await control('POST', 'faults', {
          method: 'POST',
          path: '/v1/transfers',
          count: 1,
          status: 500,
        })
      ).status,
    ).toBe(200);
    await control('POST', 'faults', { path: '/v1/balance', count: 1, status: 429 });
    const failure = (await harness.stripe.transfers
      .create({ amount: 1, currency: 'usd', destination: 'acct_x' })
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(failure).toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect(failure.statusCode).toBe(500);
    const limited = (await harness.stripe.balance
      .retrieve()
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(limited).toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    await expect(harness.stripe.balance.retrieve()).resolves.toMatchObject({ object: 'balance' });
  });

  it('lets the SDK recover from an injected 500 with its own retries and idempotency key', async () => {
    const retrying = new Stripe(harness.sandbox.secretKey, {
      ...harness.sandbox.stripeOptions,
      maxNetworkRetries: 2,
    });
    harness.sandbox.injectFault({
      method: 'POST',
      path: '/v1/payment_intents',
      count: 1,
      status: 500,
    });
    const intent = await retrying.paymentIntents.create({ amount: 1300, currency: 'usd' });
    expect(intent.amount).toBe(1300);
  });

  it('drops connections and adds latency on request', async () => {
    // The SDK retries a closed connection once even with retries off, so one drop is absorbed…
    harness.sandbox.injectFault({ path: '/v1/balance', count: 1, drop: true });
    await expect(harness.stripe.balance.retrieve()).resolves.toMatchObject({ object: 'balance' });
    // …and two in a row surface as a connection error.
    harness.sandbox.injectFault({ path: '/v1/balance', count: 2, drop: true });
    const dropped = (await harness.stripe.balance
      .retrieve()
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(dropped).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    harness.sandbox.injectFault({ path: '/v1/balance', count: 1, latencyMs: 150 });
    const started = Date.now();
    await harness.stripe.balance.retrieve();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('snapshots, resets and restores state with the same keys', async () => {
    const account = await harness.stripe.accounts.create({
      type: 'express',
      capabilities: { transfers: { requested: true } },
      metadata: { keep: 'me' },
    });
    const snapshot = await control('GET', 'state');
    expect((snapshot.body.accounts as Record<string, unknown>)[account.id]).toBeDefined();
    harness.sandbox.injectFault({ path: '/v1/accounts', count: 5, status: 500 });
    await control('POST', 'reset');
    expect(
      (await harness.stripe.accounts
        .retrieve(account.id)
        .catch((caught: unknown) => caught)) as Stripe.errors.StripeError,
    ).toMatchObject({ statusCode: 404 });
    expect((await harness.stripe.accounts.list()).data).toHaveLength(0);
    expect((await control('PUT', 'state', snapshot.body)).status).toBe(200);
    expect((await harness.stripe.accounts.retrieve(account.id)).metadata).toEqual({ keep: 'me' });
    expect((await control('PUT', 'state', { not: 'a snapshot' })).status).toBe(400);
  });

  it('flushes webhooks over HTTP', async () => {
    expect((await control('POST', 'webhooks/flush')).body).toEqual({ ok: true });
  });
});

describe('Connect.js stand-in API', () => {
  async function session(
    accountId: string,
    components: Stripe.AccountSessionCreateParams.Components,
  ) {
    const created = await harness.stripe.accountSessions.create({ account: accountId, components });
    return (method: string, path: string, body?: unknown) =>
      fetch(`${harness.sandbox.url}/_sandbox/connect/${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${created.client_secret}`,
          'Content-Type': 'application/json',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }).then(async (response) => ({
        status: response.status,
        body: (await response.json()) as Record<string, unknown>,
      }));
  }

  it('onboards through the same code as the hosted form', async () => {
    const account = await harness.stripe.accounts.create({
      type: 'express',
      capabilities: { transfers: { requested: true } },
    });
    const call = await session(account.id, { account_onboarding: { enabled: true } });
    const info = await call('GET', 'session');
    expect(info.body).toMatchObject({
      account: account.id,
      components: { account_onboarding: { enabled: true } },
    });
    const result = await call('POST', 'onboarding', {
      business_type: 'individual',
      first_name: 'Jenny',
      last_name: 'Rosen',
      dob: '1901-01-01',
      address_line1: 'address_full_match',
      address_city: 'San Francisco',
      address_postal_code: '94103',
      id_number: '000000000',
      routing_number: '110000000',
      account_number: '000123456789',
    });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ details_submitted: true, payouts_enabled: true });
    expect(
      (await harness.stripe.accounts.retrieve(account.id)).requirements?.currently_due,
    ).toEqual([]);
  });

  it('reads the balance, lists payments and pays out', async () => {
    const seller = await createOnboardedAccount(harness.stripe);
    // Earlier disputes in this file left the platform short, so fund generously.
    await chargeCard(harness.stripe, 20_000, 'pm_card_bypassPending');
    await harness.stripe.transfers.create({
      amount: 2500,
      currency: 'usd',
      destination: seller.id,
    });
    const call = await session(seller.id, {
      payouts: { enabled: true, features: { instant_payouts: true } },
    });
    const balance = await call('GET', 'balance');
    expect(balance.body.available).toEqual([
      expect.objectContaining({ amount: 2500, currency: 'usd' }),
    ]);
    const payments = await call('GET', 'payments?limit=5');
    expect(
      (payments.body.data as Array<{ amount: number }>).map((payment) => payment.amount),
    ).toEqual([2500]);
    const payout = await call('POST', 'payouts', {});
    expect(payout.body).toMatchObject({ object: 'payout', amount: 2500 });
    const payouts = await call('GET', 'payouts?limit=10');
    expect((payouts.body.data as Array<{ id: string }>).map((item) => item.id)).toEqual([
      payout.body.id,
    ]);
    expect((await call('GET', 'account')).body.id).toBe(seller.id);
  });

  it('refuses an unknown or expired session secret with 401', async () => {
    const account = await harness.stripe.accounts.create({
      type: 'express',
      capabilities: { transfers: { requested: true } },
    });
    const call = await session(account.id, { payouts: { enabled: true } });
    await harness.sandbox.advanceClock(31 * 60);
    const expired = await call('GET', 'session');
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({
      error: { type: 'invalid_request_error', code: 'account_session_invalid' },
    });
  });
});

describe('persistence and CLI', () => {
  it('keeps data and keys across restarts with a state file', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'marketkit-sandbox-'));
    const file = join(directory, 'state.json');
    try {
      const first = await startSandbox({ port: 0, state: file });
      const client = new Stripe(first.secretKey, { ...first.stripeOptions, maxNetworkRetries: 0 });
      const account = await client.accounts.create({
        type: 'express',
        email: 'kept@example.com',
        capabilities: { transfers: { requested: true } },
      });
      // Saved shortly after the change, not only on stop (a crashed demo keeps its data).
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(JSON.parse(readFileSync(file, 'utf8')).accounts[account.id]).toBeDefined();
      await first.stop();
      expect(JSON.parse(readFileSync(file, 'utf8')).keys.secretKey).toBe(first.secretKey);
      const second = await startSandbox({ port: 0, state: file });
      try {
        expect(second.secretKey).toBe(first.secretKey);
        const again = new Stripe(second.secretKey, {
          ...second.stripeOptions,
          maxNetworkRetries: 0,
        });
        expect((await again.accounts.retrieve(account.id)).email).toBe('kept@example.com');
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('prints the keys to use from the CLI', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=@marketkit/source',
        join(import.meta.dirname, '../../cli.ts'),
        '--port',
        '0',
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      const output = await new Promise<string>((resolve, reject) => {
        let text = '';
        const timer = setTimeout(() => reject(new Error(`CLI did not start: ${text}`)), 10_000);
        child.stdout.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes('new Stripe(')) {
            clearTimeout(timer);
            resolve(text);
          }
        });
        child.on('exit', () => reject(new Error(`CLI exited: ${text}`)));
      });
      expect(output).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
      expect(output).toMatch(/STRIPE_SECRET_KEY=sk_test_/);
      expect(output).toMatch(/STRIPE_PUBLISHABLE_KEY=pk_test_/);
      // Each endpoint has its own secret by default, so there is no one secret to print.
      expect(output).not.toMatch(/STRIPE_WEBHOOK_SECRET=/);
      expect(output).toMatch(/one per endpoint/);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
