import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { chargeCard, createOnboardedAccount, useHarness } from '../test-support';

interface Received {
  body: string;
  signature: string;
}

/** A local receiver that answers with the given statuses in turn (then 200). */
async function startReceiver(statuses: number[] = []) {
  const received: Received[] = [];
  const server: Server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        body: Buffer.concat(chunks).toString('utf8'),
        signature: String(request.headers['stripe-signature']),
      });
      response.statusCode = statuses.shift() ?? 200;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
  return {
    url,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const harness = useHarness({ webhookRetryBaseMs: 50 });
const receivers: Array<{ close(): Promise<void> }> = [];
const endpoints: string[] = [];
afterEach(async () => {
  for (const id of endpoints.splice(0)) await harness.stripe.webhookEndpoints.del(id);
  for (const receiver of receivers.splice(0)) await receiver.close();
});

async function endpoint(
  receiver: { url: string },
  params: Partial<Stripe.WebhookEndpointCreateParams> = {},
) {
  const created = await harness.stripe.webhookEndpoints.create({
    url: receiver.url,
    enabled_events: ['*'],
    ...params,
  });
  endpoints.push(created.id);
  return created;
}

describe('webhook endpoints', () => {
  it('creates, lists, updates and deletes endpoints, each with its own signing secret returned only on create', async () => {
    const created = await harness.stripe.webhookEndpoints.create({
      url: 'http://127.0.0.1:9/hook',
      enabled_events: ['payment_intent.succeeded'],
    });
    const other = await harness.stripe.webhookEndpoints.create({
      url: 'http://127.0.0.1:9/connect-hook',
      enabled_events: ['account.updated'],
      connect: true,
    });
    endpoints.push(other.id);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9]{32}$/);
    expect(other.secret).toMatch(/^whsec_/);
    expect(new Set([created.secret, other.secret, harness.sandbox.webhookSecret]).size).toBe(3);
    const listed = await harness.stripe.webhookEndpoints.list();
    expect(listed.data.map((item) => item.id)).toContain(created.id);
    expect(listed.data.find((item) => item.id === created.id)).not.toHaveProperty('secret');
    expect(await harness.stripe.webhookEndpoints.retrieve(created.id)).not.toHaveProperty('secret');
    const updated = await harness.stripe.webhookEndpoints.update(created.id, { disabled: true });
    expect(updated.status).toBe('disabled');
    expect(await harness.stripe.webhookEndpoints.del(created.id)).toMatchObject({
      id: created.id,
      deleted: true,
    });
  });
});

describe('delivery', () => {
  it('delivers signed events that constructEvent accepts, in order, and a wrong secret fails', async () => {
    const receiver = await startReceiver();
    receivers.push(receiver);
    const { secret } = await endpoint(receiver, {
      enabled_events: ['payment_intent.succeeded', 'charge.succeeded'],
    });
    const intent = await chargeCard(harness.stripe, 2500);
    await harness.sandbox.flushWebhooks();
    expect(receiver.received).toHaveLength(2);
    const events = receiver.received.map(({ body, signature }) =>
      harness.stripe.webhooks.constructEvent(body, signature, secret as string),
    );
    expect(events.map((event) => event.type)).toEqual([
      'charge.succeeded',
      'payment_intent.succeeded',
    ]);
    expect((events[1]?.data.object as Stripe.PaymentIntent).id).toBe(intent.id);
    const first = receiver.received[0] as Received;
    expect(() =>
      harness.stripe.webhooks.constructEvent(first.body, first.signature, 'whsec_wrong'),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError);
    // The sandbox's shared (`stripe listen`-style) secret does not sign per-endpoint deliveries.
    expect(() =>
      harness.stripe.webhooks.constructEvent(
        first.body,
        first.signature,
        harness.sandbox.webhookSecret,
      ),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError);
    expect(() =>
      harness.stripe.webhooks.constructEvent(
        first.body.replace('2500', '2501'),
        first.signature,
        secret as string,
      ),
    ).toThrow();
  });

  it('signs each endpoint’s deliveries with its own secret: platform events to the account endpoint, connected-account events to the connect endpoint', async () => {
    const platformReceiver = await startReceiver();
    const connectReceiver = await startReceiver();
    receivers.push(platformReceiver, connectReceiver);
    const events: Stripe.WebhookEndpointCreateParams.EnabledEvent[] = [
      'account.updated',
      'transfer.created',
    ];
    const platform = await endpoint(platformReceiver, { enabled_events: events });
    const connect = await endpoint(connectReceiver, { enabled_events: events, connect: true });
    const seller = await createOnboardedAccount(harness.stripe);
    await harness.stripe.accounts.update(seller.id, { metadata: { tier: 'gold' } });
    await chargeCard(harness.stripe, 3000, 'pm_card_bypassPending');
    const transfer = await harness.stripe.transfers.create({
      amount: 1000,
      currency: 'usd',
      destination: seller.id,
    });
    await harness.sandbox.flushWebhooks();
    const verify = (received: Received[], secret: string) =>
      received.map(({ body, signature }) =>
        harness.stripe.webhooks.constructEvent(body, signature, secret),
      );
    const platformEvents = verify(platformReceiver.received, platform.secret as string);
    expect(platformEvents.map((event) => [event.type, event.account])).toEqual([
      ['transfer.created', undefined],
    ]);
    expect((platformEvents[0]?.data.object as Stripe.Transfer).id).toBe(transfer.id);
    const connectEvents = verify(connectReceiver.received, connect.secret as string);
    expect(connectEvents.length).toBeGreaterThan(0);
    expect(connectEvents.every((event) => event.account === seller.id)).toBe(true);
    // Neither endpoint's secret verifies the other's deliveries.
    expect(() => verify(platformReceiver.received, connect.secret as string)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
    expect(() => verify(connectReceiver.received, platform.secret as string)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
  });

  it('sends connected-account events only to connect endpoints, with the account', async () => {
    const platformReceiver = await startReceiver();
    const connectReceiver = await startReceiver();
    receivers.push(platformReceiver, connectReceiver);
    await endpoint(platformReceiver, { enabled_events: ['account.updated', 'transfer.created'] });
    await endpoint(connectReceiver, {
      enabled_events: ['account.updated', 'transfer.created'],
      connect: true,
    });
    const seller = await harness.stripe.accounts.create({
      type: 'express',
      capabilities: { transfers: { requested: true } },
    });
    await harness.stripe.accounts.update(seller.id, { metadata: { tier: 'gold' } });
    await harness.sandbox.flushWebhooks();
    const connectEvents = connectReceiver.received.map(
      ({ body }) => JSON.parse(body) as Stripe.Event,
    );
    expect(connectEvents.map((event) => [event.type, event.account])).toEqual([
      ['account.updated', seller.id],
    ]);
    expect(platformReceiver.received).toHaveLength(0);
  });

  it('retries a failing endpoint with backoff until it answers 2xx', async () => {
    const receiver = await startReceiver([500, 503]);
    receivers.push(receiver);
    await endpoint(receiver, { enabled_events: ['payment_intent.created'] });
    const started = Date.now();
    const intent = await harness.stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    await harness.sandbox.flushWebhooks();
    expect(receiver.received).toHaveLength(3);
    // 50 ms then 100 ms between attempts.
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    const bodies = receiver.received.map(({ body }) => (JSON.parse(body) as Stripe.Event).id);
    expect(new Set(bodies).size).toBe(1);
    const event = await harness.stripe.events.retrieve(bodies[0] as string);
    expect((event.data.object as Stripe.PaymentIntent).id).toBe(intent.id);
    expect(event.pending_webhooks).toBe(0);
  });

  it('lists and retrieves events with type filters and the request that caused them', async () => {
    const intent = await harness.stripe.paymentIntents.create(
      { amount: 1100, currency: 'usd' },
      { idempotencyKey: 'event-request' },
    );
    const events = await harness.stripe.events.list({ type: 'payment_intent.*', limit: 1 });
    expect(events.data[0]).toMatchObject({
      type: 'payment_intent.created',
      request: { idempotency_key: 'event-request' },
    });
    expect((events.data[0]?.data.object as Stripe.PaymentIntent).id).toBe(intent.id);
    expect(events.data[0]?.request?.id).toMatch(/^req_/);
  });

  it('emits the events the kit listens to across a whole order', async () => {
    const seller = await createOnboardedAccount(harness.stripe);
    const intent = await chargeCard(harness.stripe, 5000, 'pm_card_bypassPending');
    const transfer = await harness.stripe.transfers.create({
      amount: 2000,
      currency: 'usd',
      destination: seller.id,
      source_transaction: intent.latest_charge as string,
    });
    await harness.stripe.transfers.createReversal(transfer.id, { amount: 500 });
    await harness.stripe.refunds.create({ payment_intent: intent.id, amount: 1000 });
    await chargeCard(harness.stripe, 900, 'pm_card_chargeDeclined').catch(() => undefined);
    const types = new Set<string>();
    for await (const event of harness.stripe.events.list({ limit: 100 })) types.add(event.type);
    expect([...types]).toEqual(
      expect.arrayContaining([
        'payment_intent.succeeded',
        'payment_intent.payment_failed',
        'charge.succeeded',
        'charge.refunded',
        'transfer.created',
        'transfer.reversed',
      ]),
    );
  });
});

describe('shared signing secret (`stripe listen` mode)', () => {
  const shared = useHarness({ webhookRetryBaseMs: 50, webhookSigning: 'shared' });

  it('returns the one shared secret for every endpoint and signs every delivery with it', async () => {
    const platformReceiver = await startReceiver();
    const connectReceiver = await startReceiver();
    receivers.push(platformReceiver, connectReceiver);
    const platform = await shared.stripe.webhookEndpoints.create({
      url: platformReceiver.url,
      enabled_events: ['payment_intent.created'],
    });
    const connect = await shared.stripe.webhookEndpoints.create({
      url: connectReceiver.url,
      enabled_events: ['account.updated'],
      connect: true,
    });
    expect(platform.secret).toBe(shared.sandbox.webhookSecret);
    expect(connect.secret).toBe(shared.sandbox.webhookSecret);
    const seller = await shared.stripe.accounts.create({
      type: 'express',
      capabilities: { transfers: { requested: true } },
    });
    await shared.stripe.accounts.update(seller.id, { metadata: { tier: 'gold' } });
    await shared.stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    await shared.sandbox.flushWebhooks();
    const all = [...platformReceiver.received, ...connectReceiver.received];
    expect(platformReceiver.received).toHaveLength(1);
    expect(connectReceiver.received.length).toBeGreaterThan(0);
    for (const { body, signature } of all) {
      expect(
        shared.stripe.webhooks.constructEvent(body, signature, shared.sandbox.webhookSecret).id,
      ).toMatch(/^evt_/);
    }
  });
});
