import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ERROR_CODES, type ErrorCode } from '@marketkit/core';
import { encodeLinkState } from './signed-state';
import { createHarness, type Harness } from '../testing/harness';
import { createTestPostgresStore } from '../testing/test-database';

const STATE_SECRET = 'test-state-secret';

interface Case {
  name: string;
  method: 'get' | 'post' | 'put';
  path: string | (() => string);
  user?: string | null;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string> | (() => Record<string, string>);
  code: ErrorCode;
  param?: string;
}

// The harness names catalogue items `seller:description:amount:currency`; beforeAll puts these on sale.
const MUG = 'alice:Mug:1500:usd';
const BIG = 'alice:Big:60000000:usd';
const item = (overrides: Record<string, unknown> = {}) => ({
  itemId: MUG,
  quantity: 1,
  ...overrides,
});
const checkout = (
  itemOverrides: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) => ({
  currency: 'usd',
  items: [item(itemOverrides)],
  ...extra,
});

describe('bad input', () => {
  let harness: Harness;
  let paidOrderId = '';
  let unpaidOrderId = '';
  const webhookBody = JSON.stringify({
    id: 'evt_bad_input',
    object: 'event',
    type: 'account.updated',
    data: { object: { id: 'acct_x', object: 'account' } },
  });
  const sign = (payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)) =>
    harness.stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });

  beforeAll(async () => {
    harness = await createHarness({
      store: await createTestPostgresStore(inject('postgresUrl')),
      routerOptions: { stateSecret: STATE_SECRET },
    });
    await harness.onboardSeller('alice');
    harness.item('alice', 1500, 'Mug');
    harness.item('alice', 60_000_000, 'Big');
    harness.item('dave', 1500, 'Mug');
    harness.item('eve', 1500, 'Mug');
    await harness.router.marketkit.accounts.ensureAccount({
      userId: 'dave',
      displayName: 'Dave (not onboarded)',
    });
    await harness.router.marketkit.accounts.ensureAccount({
      userId: 'eve',
      displayName: 'Eve in Japan',
      country: 'JP',
    });
    const paid = await harness.http.post('/api/checkout').set(harness.as('buyer')).send(checkout());
    paidOrderId = paid.body.orderId;
    await harness.pay(paid.body.paymentIntentId);
    const unpaid = await harness.http
      .post('/api/checkout')
      .set(harness.as('buyer'))
      .send(checkout());
    unpaidOrderId = unpaid.body.orderId;
    await harness.settle();
  });
  afterAll(async () => {
    await harness?.close();
  });

  const cases: Case[] = [
    // Checkout: the browser names items, never prices
    ...(['amount', 'sellerId', 'description', 'unitPrice'] as const).map((field): Case => ({
      name: `an item with its own ${field}`,
      method: 'post',
      path: '/checkout',
      body: checkout({ [field]: field === 'amount' || field === 'unitPrice' ? 50 : 'alice' }),
      code: 'invalid_request',
      param: `items[0].${field}`,
    })),
    {
      name: 'the old lines body with prices',
      method: 'post',
      path: '/checkout',
      body: {
        currency: 'usd',
        lines: [{ sellerId: 'alice', description: 'Mug', amount: 50, quantity: 1 }],
      },
      code: 'invalid_request',
      param: 'lines',
    },
    {
      name: 'an unknown top-level field',
      method: 'post',
      path: '/checkout',
      body: checkout({}, { coupon: 'FREE' }),
      code: 'invalid_request',
      param: 'coupon',
    },
    {
      name: 'an item the catalogue does not sell',
      method: 'post',
      path: '/checkout',
      body: { currency: 'usd', items: [item(), item({ itemId: 'alice:Mug:50:usd' })] },
      code: 'unknown_item',
      param: 'items[1].itemId',
    },
    {
      name: 'an item not sold in the requested currency',
      method: 'post',
      path: '/checkout',
      body: { ...checkout(), currency: 'eur' },
      code: 'unknown_item',
      param: 'items[0].itemId',
    },
    {
      name: 'the same item twice',
      method: 'post',
      path: '/checkout',
      body: { currency: 'usd', items: [item(), item()] },
      code: 'invalid_request',
      param: 'items[1].itemId',
    },
    {
      name: 'a total above Stripe’s maximum',
      method: 'post',
      path: '/checkout',
      body: checkout({ itemId: BIG, quantity: 2 }),
      code: 'amount_too_large',
    },
    {
      name: 'a zero quantity',
      method: 'post',
      path: '/checkout',
      body: checkout({ quantity: 0 }),
      code: 'invalid_quantity',
    },
    {
      name: 'a fractional quantity',
      method: 'post',
      path: '/checkout',
      body: checkout({ quantity: 1.5 }),
      code: 'invalid_quantity',
    },
    {
      name: 'a negative quantity',
      method: 'post',
      path: '/checkout',
      body: checkout({ quantity: -2 }),
      code: 'invalid_quantity',
    },
    {
      name: 'a quantity that overflows to Infinity',
      method: 'post',
      path: '/checkout',
      raw: `{"currency":"usd","items":[{"itemId":"${MUG}","quantity":1e400}]}`,
      code: 'invalid_quantity',
    },
    // Checkout shape
    {
      name: 'an empty cart',
      method: 'post',
      path: '/checkout',
      body: { currency: 'usd', items: [] },
      code: 'empty_order',
    },
    {
      name: 'too many items',
      method: 'post',
      path: '/checkout',
      body: { currency: 'usd', items: Array.from({ length: 101 }, () => item()) },
      code: 'too_many_lines',
    },
    {
      name: 'an uppercase currency',
      method: 'post',
      path: '/checkout',
      body: { ...checkout(), currency: 'USD' },
      code: 'invalid_request',
      param: 'currency',
    },
    {
      name: 'a currency the platform does not take',
      method: 'post',
      path: '/checkout',
      body: { ...checkout(), currency: 'gbp' },
      code: 'unsupported_currency',
      param: 'currency',
    },
    {
      name: 'a made-up currency',
      method: 'post',
      path: '/checkout',
      body: { ...checkout(), currency: 'zzz' },
      code: 'unsupported_currency',
    },
    {
      name: 'a missing currency',
      method: 'post',
      path: '/checkout',
      body: { items: [item()] },
      code: 'invalid_request',
      param: 'currency',
    },
    {
      name: 'items that are not a list',
      method: 'post',
      path: '/checkout',
      body: { currency: 'usd', items: 'mug' },
      code: 'invalid_request',
      param: 'items',
    },
    {
      name: 'an empty item id',
      method: 'post',
      path: '/checkout',
      body: checkout({ itemId: '' }),
      code: 'invalid_request',
      param: 'items[0].itemId',
    },
    {
      name: 'a JSON array body',
      method: 'post',
      path: '/checkout',
      body: [checkout()],
      code: 'invalid_request',
    },
    {
      name: 'malformed JSON',
      method: 'post',
      path: '/checkout',
      raw: '{"currency":"usd",',
      code: 'invalid_json',
    },
    {
      name: 'a JSON string instead of an object',
      method: 'post',
      path: '/checkout',
      raw: '  "usd"',
      code: 'invalid_json',
    },
    {
      name: 'a body over the size limit',
      method: 'post',
      path: '/checkout',
      body: checkout({ itemId: 'x'.repeat(40_000) }),
      code: 'payload_too_large',
    },
    // Checkout sellers (from the catalogue)
    {
      name: 'an item whose seller has not finished onboarding',
      method: 'post',
      path: '/checkout',
      body: checkout({ itemId: 'dave:Mug:1500:usd' }),
      code: 'seller_cannot_receive_transfers',
      param: 'items[0].itemId',
    },
    {
      name: 'an item whose seller is in another region',
      method: 'post',
      path: '/checkout',
      body: checkout({ itemId: 'eve:Mug:1500:usd' }),
      code: 'seller_cross_border',
    },
    {
      name: 'an anonymous checkout',
      method: 'post',
      path: '/checkout',
      user: null,
      body: checkout(),
      code: 'unauthenticated',
    },
    // Refunds
    {
      name: 'a refund by a buyer',
      method: 'post',
      path: () => `/orders/${paidOrderId}/refunds`,
      user: 'buyer',
      body: { reason: 'duplicate' },
      code: 'forbidden',
    },
    {
      name: 'a float refund amount',
      method: 'post',
      path: () => `/orders/${paidOrderId}/refunds`,
      user: 'admin',
      body: { amount: 1.5, reason: 'duplicate' },
      code: 'not_an_integer',
    },
    {
      name: 'an unknown refund reason',
      method: 'post',
      path: () => `/orders/${paidOrderId}/refunds`,
      user: 'admin',
      body: { reason: 'changed_mind' },
      code: 'invalid_request',
      param: 'reason',
    },
    {
      name: 'a refund larger than the charge',
      method: 'post',
      path: () => `/orders/${paidOrderId}/refunds`,
      user: 'admin',
      body: { amount: 1501, reason: 'duplicate' },
      code: 'refund_exceeds_charge',
    },
    {
      name: 'an unknown refund field',
      method: 'post',
      path: () => `/orders/${paidOrderId}/refunds`,
      user: 'admin',
      body: { reason: 'duplicate', reverse: false },
      code: 'unknown_field',
    },
    {
      name: 'a refund of an unpaid order',
      method: 'post',
      path: () => `/orders/${unpaidOrderId}/refunds`,
      user: 'admin',
      body: { reason: 'duplicate' },
      code: 'order_not_paid',
    },
    {
      name: 'a refund of an unknown order',
      method: 'post',
      path: '/orders/ord_doesnotexist/refunds',
      user: 'admin',
      body: { reason: 'duplicate' },
      code: 'not_found',
    },
    {
      name: 'a malformed order id',
      method: 'get',
      path: "/orders/'%20or%201=1",
      user: 'admin',
      code: 'not_found',
    },
    {
      name: 'a malformed percent-encoding in the path',
      method: 'get',
      path: '/orders/%',
      user: 'admin',
      code: 'invalid_request',
    },
    {
      name: 'a gzip body that is not gzip',
      method: 'post',
      path: '/checkout',
      raw: JSON.stringify(checkout()),
      headers: { 'Content-Encoding': 'gzip' },
      code: 'invalid_body',
    },
    {
      name: 'a brotli body that is not brotli',
      method: 'post',
      path: '/checkout',
      raw: JSON.stringify(checkout()),
      headers: { 'Content-Encoding': 'br' },
      code: 'invalid_body',
    },
    {
      name: 'a body in an encoding nobody supports',
      method: 'put',
      path: '/payout-schedule',
      user: 'alice:seller',
      raw: '{"interval":"manual"}',
      headers: { 'Content-Encoding': 'x-compress' },
      code: 'invalid_body',
    },
    {
      name: 'an unknown payouts cursor',
      method: 'get',
      path: '/payouts?startingAfter=po_doesnotexist',
      user: 'alice:seller',
      code: 'invalid_request',
      param: 'startingAfter',
    },
    {
      name: 'a payouts cursor that is not a payout id',
      method: 'get',
      path: '/payouts?startingAfter=%27%20or%201',
      user: 'alice:seller',
      code: 'invalid_request',
      param: 'startingAfter',
    },
    // Accounts, links and sessions
    {
      name: 'an unknown account link type',
      method: 'post',
      path: '/account-links',
      user: 'alice:seller',
      body: { type: 'bogus' },
      code: 'invalid_request',
      param: 'type',
    },
    {
      name: 'an account link without an account',
      method: 'post',
      path: '/account-links',
      user: 'nobody:seller',
      body: { type: 'onboarding' },
      code: 'account_missing',
    },
    {
      name: 'an account link for a buyer',
      method: 'post',
      path: '/account-links',
      user: 'buyer',
      body: { type: 'onboarding' },
      code: 'forbidden',
    },
    {
      name: 'a component that is not allowed',
      method: 'post',
      path: '/account-sessions',
      user: 'alice:seller',
      body: { components: ['issuing_card'] },
      code: 'invalid_request',
    },
    {
      name: 'a session with no components',
      method: 'post',
      path: '/account-sessions',
      user: 'alice:seller',
      body: { components: [] },
      code: 'invalid_request',
    },
    {
      name: 'a body on account creation',
      method: 'post',
      path: '/accounts',
      user: 'zed:seller',
      body: { accountId: 'acct_someone_else' },
      code: 'unknown_field',
      param: 'accountId',
    },
    {
      name: 'a body on a login link',
      method: 'post',
      path: '/login-links',
      user: 'alice:seller',
      body: { account: 'acct_x' },
      code: 'unknown_field',
    },
    {
      name: 'a forged link state',
      method: 'get',
      path: '/account-links/refresh?state=eyJhIjoiYWNjdF94In0.forged',
      user: null,
      code: 'link_state_invalid',
    },
    {
      name: 'an expired link state',
      method: 'get',
      path: () =>
        `/account-links/refresh?state=${encodeLinkState(STATE_SECRET, { accountId: 'acct_x', type: 'onboarding', expiresAt: 1 })}`,
      user: null,
      code: 'link_state_expired',
    },
    // Payouts
    {
      name: 'a negative payout',
      method: 'post',
      path: '/payouts',
      user: 'alice:seller',
      body: { amount: -5, method: 'standard' },
      code: 'amount_negative',
    },
    {
      name: 'an unknown payout method',
      method: 'post',
      path: '/payouts',
      user: 'alice:seller',
      body: { method: 'express' },
      code: 'invalid_request',
      param: 'method',
    },
    {
      name: 'a payout larger than the balance',
      method: 'post',
      path: '/payouts',
      user: 'alice:seller',
      body: { amount: 99_999_999, method: 'standard' },
      code: 'payout_insufficient_funds',
    },
    {
      name: 'a weekly schedule without an anchor',
      method: 'put',
      path: '/payout-schedule',
      user: 'alice:seller',
      body: { interval: 'weekly' },
      code: 'invalid_request',
    },
    {
      name: 'a schedule delay below the minimum',
      method: 'put',
      path: '/payout-schedule',
      user: 'alice:seller',
      body: { interval: 'daily', delayDays: 0 },
      code: 'invalid_request',
    },
    {
      name: 'a payouts page size over 100',
      method: 'get',
      path: '/payouts?limit=1000',
      user: 'alice:seller',
      code: 'invalid_request',
      param: 'limit',
    },
    {
      name: 'an unknown payouts query parameter',
      method: 'get',
      path: '/payouts?account=acct_x',
      user: 'alice:seller',
      code: 'unknown_field',
      param: 'account',
    },
    {
      name: 'platform risk for a seller',
      method: 'get',
      path: '/platform/risk',
      user: 'alice:seller',
      code: 'forbidden',
    },
    // Webhooks
    {
      name: 'a webhook without a signature',
      method: 'post',
      path: '/webhooks',
      user: null,
      raw: webhookBody,
      code: 'webhook_signature_invalid',
    },
    {
      name: 'a webhook signed with another secret',
      method: 'post',
      path: '/webhooks',
      user: null,
      raw: webhookBody,
      headers: () => ({ 'Stripe-Signature': sign(webhookBody, 'whsec_attacker') }),
      code: 'webhook_signature_invalid',
    },
    {
      name: 'a webhook whose payload was changed after signing',
      method: 'post',
      path: '/webhooks',
      user: null,
      raw: webhookBody.replace('acct_x', 'acct_y'),
      headers: () => ({ 'Stripe-Signature': sign(webhookBody, harness.webhookSecrets.platform) }),
      code: 'webhook_signature_invalid',
    },
    {
      name: 'a replayed webhook with a stale timestamp',
      method: 'post',
      path: '/webhooks',
      user: null,
      raw: webhookBody,
      headers: () => ({
        'Stripe-Signature': sign(
          webhookBody,
          harness.webhookSecrets.platform,
          Math.floor(Date.now() / 1000) - 600,
        ),
      }),
      code: 'webhook_timestamp_stale',
    },
    {
      name: 'a garbage signature header',
      method: 'post',
      path: '/webhooks',
      user: null,
      raw: webhookBody,
      headers: { 'Stripe-Signature': 'nonsense' },
      code: 'webhook_signature_invalid',
    },
  ];

  it('has at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('answers $name with $code and makes no Stripe write', async (testCase) => {
    const before = harness.counter.writes.length;
    const path = `/api${typeof testCase.path === 'function' ? testCase.path() : testCase.path}`;
    let call = harness.http[testCase.method](path);
    const user = testCase.user === undefined ? 'buyer' : testCase.user;
    if (user) {
      const [userId, role] = user.includes(':')
        ? user.split(':')
        : [user, user === 'admin' ? 'admin' : 'buyer'];
      call = call.set(harness.as(userId!, role as 'buyer'));
    }
    const headers = typeof testCase.headers === 'function' ? testCase.headers() : testCase.headers;
    if (headers) call = call.set(headers);
    const response =
      testCase.raw !== undefined
        ? await call.set('Content-Type', 'application/json').send(testCase.raw)
        : testCase.body !== undefined
          ? await call.send(testCase.body as object)
          : await call;
    expect(response.body.error?.code, JSON.stringify(response.body)).toBe(testCase.code);
    expect(response.status).toBe(ERROR_CODES[testCase.code].status);
    expect(response.status).toBeLessThan(500);
    expect(response.body.error.requestId).toMatch(/^req_mk_/);
    if (testCase.param) expect(response.body.error.param).toBe(testCase.param);
    expect(harness.counter.writes.slice(before)).toEqual([]);
  });

  it('acknowledges a replayed event once processed without doing anything again', async () => {
    const payload = JSON.stringify({
      id: 'evt_replay_1',
      object: 'event',
      type: 'balance.available',
      data: { object: { object: 'balance' } },
    });
    const send = () =>
      harness.http
        .post('/api/webhooks')
        .set('Content-Type', 'application/json')
        .set('Stripe-Signature', sign(payload, harness.webhookSecrets.platform))
        .send(payload);
    expect((await send()).body).toEqual({ received: true, duplicate: false });
    const before = harness.counter.writes.length;
    const replay = await send();
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual({ received: true, duplicate: true });
    expect(harness.counter.writes.slice(before)).toEqual([]);
  });
});
