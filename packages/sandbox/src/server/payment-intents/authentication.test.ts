import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { chargeCard, useHarness } from '../test-support';

const harness = useHarness({ clock: { now: 1_767_225_600 } });

/** What the 3D Secure page does in a browser: the publishable key and the intent's client secret. */
async function authenticate(
  intent: Stripe.PaymentIntent,
  outcome: 'complete' | 'fail',
  overrides: { key?: string; clientSecret?: string } = {},
) {
  const response = await fetch(
    `${harness.sandbox.url}/_sandbox/payment_intents/${intent.id}/authenticate`,
    {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${overrides.key ?? harness.sandbox.publishableKey}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        client_secret: overrides.clientSecret ?? intent.client_secret,
        outcome,
      }),
    },
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const createIntent = (amount = 4_200) =>
  harness.stripe.paymentIntents.create({
    amount,
    currency: 'usd',
    automatic_payment_methods: { enabled: true },
  });

describe('3D Secure (requires_action)', () => {
  it('stops pm_card_authenticationRequired at requires_action with a use_stripe_sdk next action and no charge', async () => {
    const intent = await chargeCard(harness.stripe, 4_200, 'pm_card_authenticationRequired');
    expect(intent.status).toBe('requires_action');
    expect(intent.next_action?.type).toBe('use_stripe_sdk');
    expect(intent.next_action?.use_stripe_sdk).toMatchObject({ type: 'three_d_secure_redirect' });
    expect(intent.latest_charge).toBeNull();
    const events = await harness.stripe.events.list({ type: 'payment_intent.requires_action' });
    expect(events.data.map((event) => (event.data.object as { id: string }).id)).toContain(
      intent.id,
    );
  });

  it('succeeds with a charge and its fee once 4000 0025 0000 3155 is authenticated in the browser', async () => {
    const intent = await createIntent();
    const method = await harness.publishable.paymentMethods.create({
      type: 'card',
      card: { number: '4000002500003155', exp_month: 12, exp_year: 2034, cvc: '123' },
    });
    const confirmed = await harness.publishable.paymentIntents.confirm(intent.id, {
      payment_method: method.id,
      client_secret: intent.client_secret,
    } as Stripe.PaymentIntentConfirmParams);
    expect(confirmed.status).toBe('requires_action');

    const answer = await authenticate(intent, 'complete');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'succeeded', next_action: null });

    const stored = await harness.stripe.paymentIntents.retrieve(intent.id, {
      expand: ['latest_charge.balance_transaction'],
    });
    expect(stored.status).toBe('succeeded');
    expect(stored.amount_received).toBe(4_200);
    const charge = stored.latest_charge as Stripe.Charge;
    expect(charge.status).toBe('succeeded');
    // 2.9% + 30 of 42.00 = 152 (121.8 rounds half up to 122, plus 30).
    expect((charge.balance_transaction as Stripe.BalanceTransaction).fee).toBe(152);
  });

  it('goes back to requires_payment_method with payment_intent_authentication_failure when authentication fails', async () => {
    const intent = await harness.stripe.paymentIntents.create({
      amount: 4_200,
      currency: 'usd',
      payment_method: 'pm_card_authenticationRequired',
      automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
    });
    await harness.stripe.paymentIntents.confirm(intent.id);
    const answer = await authenticate(intent, 'fail');
    expect(answer.body).toMatchObject({
      status: 'requires_payment_method',
      payment_method: null,
      latest_charge: null,
      last_payment_error: {
        type: 'invalid_request_error',
        code: 'payment_intent_authentication_failure',
      },
    });
    // The buyer can try again with another card.
    const retried = await harness.stripe.paymentIntents.confirm(intent.id, {
      payment_method: 'pm_card_visa',
    });
    expect(retried.status).toBe('succeeded');
  });

  it('declines 4000 0082 6000 3178 with insufficient_funds even after authentication', async () => {
    const intent = await chargeCard(
      harness.stripe,
      4_200,
      'pm_card_authenticationRequiredChargeDeclinedInsufficientFunds',
    );
    expect(intent.status).toBe('requires_action');
    const answer = await authenticate(intent, 'complete');
    expect(answer.body).toMatchObject({
      status: 'requires_payment_method',
      last_payment_error: {
        type: 'card_error',
        code: 'card_declined',
        decline_code: 'insufficient_funds',
      },
    });
    const charges = await harness.stripe.charges.list({ payment_intent: intent.id });
    expect(charges.data.map((charge) => charge.status)).toEqual(['failed']);
  });

  it('always asks 4000 0027 6000 3184 to authenticate, also on a second confirm', async () => {
    const intent = await createIntent();
    const first = await harness.stripe.paymentIntents.confirm(intent.id, {
      payment_method: 'pm_card_authenticationRequired',
      return_url: 'https://m.example/checkout/return',
    });
    expect(first.status).toBe('requires_action');
    const again = await harness.stripe.paymentIntents.confirm(intent.id, {
      return_url: 'https://m.example/checkout/return',
    });
    expect(again.status).toBe('requires_action');
    expect(again.latest_charge).toBeNull();
  });

  it('refuses a wrong client secret, a wrong key and an intent that needs no authentication', async () => {
    const intent = await chargeCard(harness.stripe, 4_200, 'pm_card_authenticationRequired');
    const wrongSecret = await authenticate(intent, 'complete', {
      clientSecret: `${intent.id}_secret_nope`,
    });
    expect(wrongSecret.status).toBe(400);
    expect(wrongSecret.body).toMatchObject({
      error: { code: 'payment_intent_invalid_parameter' },
    });
    const wrongKey = await authenticate(intent, 'complete', { key: 'pk_test_someone_else' });
    expect(wrongKey.status).toBe(401);
    expect(JSON.stringify(wrongKey.body)).not.toContain(harness.sandbox.secretKey);
    expect((await harness.stripe.paymentIntents.retrieve(intent.id)).status).toBe(
      'requires_action',
    );

    const paid = await chargeCard(harness.stripe, 4_200, 'pm_card_visa');
    const notNeeded = await authenticate(paid, 'complete');
    expect(notNeeded.status).toBe(400);
    expect(notNeeded.body).toMatchObject({ error: { code: 'payment_intent_unexpected_state' } });
  });
});
