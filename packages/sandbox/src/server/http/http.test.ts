import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { chargeCard, createOnboardedAccount, useHarness } from '../test-support';

const harness = useHarness();

async function raw(path: string, init: RequestInit & { key?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.key !== '')
    headers.set('Authorization', `Bearer ${init.key ?? harness.sandbox.secretKey}`);
  return fetch(`${harness.sandbox.url}${path}`, { ...init, headers });
}

describe('authentication', () => {
  it('rejects a missing API key with 401 in Stripe’s error envelope', async () => {
    const response = await raw('/v1/balance', { key: '' });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toContain('You did not provide an API key');
  });

  it('rejects an unknown secret key through the SDK as an authentication error without echoing the key', async () => {
    const wrong = new Stripe('sk_test_not_the_sandbox_key_123456', {
      ...harness.sandbox.stripeOptions,
      maxNetworkRetries: 0,
    });
    const error = await wrong.balance.retrieve().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect((error as Stripe.errors.StripeError).statusCode).toBe(401);
    expect((error as Stripe.errors.StripeError).message).not.toContain(
      'not_the_sandbox_key_123456',
    );
  });

  it('refuses the publishable key on server-only endpoints', async () => {
    const error = await harness.publishable.accounts
      .create({ type: 'express' })
      .catch((caught: unknown) => caught);
    expect((error as Stripe.errors.StripeError).statusCode).toBe(401);
    expect((error as Stripe.errors.StripeError).message).toContain('publishable API key');
  });

  it('answers 403 for a Stripe-Account header naming an unknown account', async () => {
    const error = await harness.stripe.balance
      .retrieve({}, { stripeAccount: 'acct_doesnotexist' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Stripe.errors.StripePermissionError);
    expect((error as Stripe.errors.StripeError).statusCode).toBe(403);
    expect((error as Stripe.errors.StripeError).code).toBe('account_invalid');
  });
});

describe('wire format', () => {
  it('accepts the pinned SDK version and rejects a malformed Stripe-Version with 400', async () => {
    await expect(harness.stripe.balance.retrieve()).resolves.toMatchObject({ object: 'balance' });
    const response = await raw('/v1/balance', { headers: { 'Stripe-Version': 'last-tuesday' } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      'Invalid Stripe API version: last-tuesday',
    );
    const named = await raw('/v1/balance', { headers: { 'Stripe-Version': '2024-06-20' } });
    expect(named.status).toBe(200);
  });

  it('sends a Request-Id header that the SDK exposes on responses and errors', async () => {
    const balance = await harness.stripe.balance.retrieve();
    expect(balance.lastResponse.requestId).toMatch(/^req_/);
    const error = (await harness.stripe.accounts
      .retrieve('acct_missing')
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(error.requestId).toMatch(/^req_/);
  });

  it('reports a missing object as 404 resource_missing with the param', async () => {
    const error = (await harness.stripe.paymentIntents
      .retrieve('pi_missing')
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error.statusCode).toBe(404);
    expect(error.code).toBe('resource_missing');
    expect(error.message).toBe("No such payment_intent: 'pi_missing'");
  });

  it('rejects unknown parameters and missing required ones with param names', async () => {
    const unknown = (await harness.stripe.paymentIntents
      .create({ amount: 1000, currency: 'usd', colour: 'blue' } as Stripe.PaymentIntentCreateParams)
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(unknown.code).toBe('parameter_unknown');
    expect(unknown.param).toBe('colour');
    const missing = (await harness.stripe.paymentIntents
      .create({ currency: 'usd' } as Stripe.PaymentIntentCreateParams)
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(missing.statusCode).toBe(400);
    expect(missing.code).toBe('parameter_missing');
    expect(missing.param).toBe('amount');
  });

  it('rejects unknown parameters on every list endpoint', async () => {
    for (const list of [
      () =>
        harness.stripe.webhookEndpoints.list({
          colour: 'blue',
        } as Stripe.WebhookEndpointListParams),
      () =>
        harness.stripe.paymentIntents.list({ colour: 'blue' } as Stripe.PaymentIntentListParams),
      () =>
        harness.stripe.transfers.listReversals('tr_missing', {
          colour: 'blue',
        } as Stripe.TransferListReversalsParams),
    ]) {
      const error = (await list().catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
      expect(error.code).toBe('parameter_unknown');
      expect(error.param).toBe('colour');
    }
  });

  it('answers unknown URLs with Stripe’s unrecognized-URL 404', async () => {
    const response = await raw('/v1/not_a_resource');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      'Unrecognized request URL (GET: /v1/not_a_resource)',
    );
  });

  it('answers CORS preflights and tags API responses for browsers', async () => {
    const preflight = await fetch(`${harness.sandbox.url}/v1/payment_intents/pi_x/confirm`, {
      method: 'OPTIONS',
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Stripe-Account');
    const response = await raw('/v1/balance');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('idempotency', () => {
  it('replays the first response for a repeated idempotency key', async () => {
    const first = await harness.stripe.paymentIntents.create(
      { amount: 1500, currency: 'usd' },
      { idempotencyKey: 'order-1' },
    );
    const second = await harness.stripe.paymentIntents.create(
      { amount: 1500, currency: 'usd' },
      { idempotencyKey: 'order-1' },
    );
    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers['idempotent-replayed']).toBe('true');
    const list = await harness.stripe.paymentIntents.list({ limit: 100 });
    expect(list.data.filter((intent) => intent.id === first.id)).toHaveLength(1);
  });

  it('rejects the same key with different parameters as an idempotency_error', async () => {
    await harness.stripe.paymentIntents.create(
      { amount: 1500, currency: 'usd' },
      { idempotencyKey: 'order-2' },
    );
    const error = (await harness.stripe.paymentIntents
      .create({ amount: 9900, currency: 'usd' }, { idempotencyKey: 'order-2' })
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(error.statusCode).toBe(400);
    expect(error.type).toBe('StripeIdempotencyError');
  });

  it('replays a decline too, without charging the card twice', async () => {
    const attempt = () =>
      harness.stripe.paymentIntents
        .create(
          {
            amount: 2000,
            currency: 'usd',
            payment_method: 'pm_card_chargeDeclined',
            confirm: true,
            return_url: 'https://m.example/checkout/return',
          },
          { idempotencyKey: 'decline-1' },
        )
        .catch((caught: unknown) => caught as Stripe.errors.StripeError);
    const first = (await attempt()) as Stripe.errors.StripeError;
    const second = (await attempt()) as Stripe.errors.StripeError;
    expect(first.statusCode).toBe(402);
    expect(second.statusCode).toBe(402);
    expect(second.decline_code).toBe('generic_decline');
    expect(second.payment_intent?.id).toBe(first.payment_intent?.id);
    expect(second.charge).toBe(first.charge);
    const charges = await harness.stripe.charges.list({ payment_intent: first.payment_intent?.id });
    expect(charges.data).toHaveLength(1);
  });

  it('answers 409 while a request with the same key is still in progress', async () => {
    harness.sandbox.injectFault({
      method: 'POST',
      path: '/v1/payment_intents',
      count: 1,
      latencyMs: 300,
    });
    const slow = harness.stripe.paymentIntents.create(
      { amount: 1200, currency: 'usd' },
      { idempotencyKey: 'slow-1' },
    );
    await new Promise((resolve) => setTimeout(resolve, 60));
    const twin = (await harness.stripe.paymentIntents
      .create({ amount: 1200, currency: 'usd' }, { idempotencyKey: 'slow-1' })
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(twin.statusCode).toBe(409);
    await expect(slow).resolves.toMatchObject({ amount: 1200 });
  });
});

describe('lists and expansion', () => {
  it('pages newest first with limit, starting_after, ending_before and has_more', async () => {
    const created: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const account = await harness.stripe.accounts.create({
        type: 'express',
        capabilities: { transfers: { requested: true } },
        metadata: { page: String(index) },
      });
      created.push(account.id);
    }
    const newest = [...created].reverse();
    const first = await harness.stripe.accounts.list({ limit: 2 });
    expect(first.data.map((account) => account.id)).toEqual(newest.slice(0, 2));
    expect(first.has_more).toBe(true);
    const second = await harness.stripe.accounts.list({ limit: 2, starting_after: newest[1] });
    expect(second.data.map((account) => account.id)).toEqual(newest.slice(2, 4));
    const back = await harness.stripe.accounts.list({ limit: 2, ending_before: newest[2] });
    expect(back.data.map((account) => account.id)).toEqual(newest.slice(0, 2));
    const all: string[] = [];
    for await (const account of harness.stripe.accounts.list({ limit: 3 })) all.push(account.id);
    expect(all.slice(0, 5)).toEqual(newest);
    const tooMany = (await harness.stripe.accounts
      .list({ limit: 101 })
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(tooMany.param).toBe('limit');
  });

  it('expands latest_charge and its balance_transaction', async () => {
    const intent = await chargeCard(harness.stripe, 5000);
    const expanded = await harness.stripe.paymentIntents.retrieve(intent.id, {
      expand: ['latest_charge.balance_transaction'],
    });
    const charge = expanded.latest_charge as Stripe.Charge;
    expect(charge.object).toBe('charge');
    const transaction = charge.balance_transaction as Stripe.BalanceTransaction;
    expect(transaction).toMatchObject({
      object: 'balance_transaction',
      amount: 5000,
      fee: 175,
      net: 4825,
      status: 'pending',
    });
  });

  it('expands fields inside list items with data.-prefixed paths', async () => {
    const account = await createOnboardedAccount(harness.stripe);
    const intent = await chargeCard(harness.stripe, 4000, 'pm_card_bypassPending');
    await harness.stripe.transfers.create({
      amount: 1000,
      currency: 'usd',
      destination: account.id,
      source_transaction: intent.latest_charge as string,
    });
    const list = await harness.stripe.transfers.list({
      destination: account.id,
      expand: ['data.balance_transaction'],
    });
    expect((list.data[0]?.balance_transaction as Stripe.BalanceTransaction).amount).toBe(-1000);
  });
});

describe('idempotency expiry', () => {
  it('forgets idempotency keys after 24 hours of sandbox time', async () => {
    const first = await harness.stripe.paymentIntents.create(
      { amount: 1000, currency: 'usd' },
      { idempotencyKey: 'day-old' },
    );
    await harness.sandbox.advanceClock(86_400);
    const second = await harness.stripe.paymentIntents.create(
      { amount: 1000, currency: 'usd' },
      { idempotencyKey: 'day-old' },
    );
    expect(second.id).not.toBe(first.id);
  });
});

describe('created filter', () => {
  it('filters lists by created ranges', async () => {
    const before = await harness.stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    await harness.sandbox.advanceClock(600);
    const after = await harness.stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    const recent = await harness.stripe.paymentIntents.list({
      created: { gt: before.created },
      limit: 100,
    });
    expect(recent.data.map((intent) => intent.id)).toContain(after.id);
    expect(recent.data.map((intent) => intent.id)).not.toContain(before.id);
    const exact = await harness.stripe.paymentIntents.list({ created: before.created, limit: 100 });
    expect(exact.data.map((intent) => intent.id)).toContain(before.id);
    expect(exact.data.map((intent) => intent.id)).not.toContain(after.id);
  });
});
