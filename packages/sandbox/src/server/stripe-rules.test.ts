import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { chargeCard, createOnboardedAccount, useHarness } from './test-support';
import { day } from './core/engine';

// Each test is named after the Stripe rule it holds the sandbox to; the README cites the page.
const harness = useHarness();
const refused = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('Stripe would refuse this request.');
    },
    (error: unknown) => error as Stripe.errors.StripeError,
  );
const usd = (amounts: Array<{ amount: number; currency: string }> | undefined) =>
  amounts?.find((entry) => entry.currency === 'usd')?.amount;

describe('Instant Payouts', () => {
  it('makes card funds available for Instant Payouts as soon as the charge completes', async () => {
    const seller = await createOnboardedAccount(harness.stripe);
    await harness.stripe.accounts.createExternalAccount(seller.id, {
      external_account: 'tok_visa_debit',
    });
    const intent = await chargeCard(harness.stripe, 10_000);
    await harness.stripe.transfers.create({
      amount: 8_000,
      currency: 'usd',
      destination: seller.id,
      source_transaction: intent.latest_charge as string,
    });
    const balance = await harness.stripe.balance.retrieve({}, { stripeAccount: seller.id });
    // Still pending for standard payouts, instantly available at once.
    expect(usd(balance.available)).toBe(0);
    expect(usd(balance.pending)).toBe(8_000);
    expect(usd(balance.instant_available)).toBe(8_000);
    const payout = await harness.stripe.payouts.create(
      { amount: 5_000, currency: 'usd', method: 'instant' },
      { stripeAccount: seller.id },
    );
    expect(payout).toMatchObject({ method: 'instant', status: 'in_transit' });
    const standard = await refused(
      harness.stripe.payouts.create(
        { amount: 1_000, currency: 'usd' },
        { stripeAccount: seller.id },
      ),
    );
    expect(standard.code).toBe('balance_insufficient');
  });
});

describe('PaymentIntent confirmation', () => {
  const create = (extra: Partial<Stripe.PaymentIntentCreateParams>) =>
    harness.stripe.paymentIntents.create({
      amount: 2_000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
      ...extra,
    });

  it('refuses confirm: true with automatic payment methods and no return_url, as Stripe does', async () => {
    const error = await refused(create({ automatic_payment_methods: { enabled: true } }));
    expect(error).toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError' });
    expect(error.param).toBe('return_url');
    expect(error.message).toContain('A `return_url` must be specified');
    const intents = await harness.stripe.paymentIntents.list({ limit: 1 });
    expect(intents.data[0]?.status).not.toBe('succeeded');
  });

  it('confirms with a return_url, or with allow_redirects=never and none', async () => {
    const withUrl = await create({ return_url: 'https://m.example/checkout/return' });
    expect(withUrl.status).toBe('succeeded');
    const noRedirects = await create({
      automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
    });
    expect(noRedirects).toMatchObject({
      status: 'succeeded',
      automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
    });
  });

  it('only accepts return_url together with confirm=true', async () => {
    const error = await refused(
      harness.stripe.paymentIntents.create({
        amount: 2_000,
        currency: 'usd',
        return_url: 'https://m.example/checkout/return',
      }),
    );
    expect(error.param).toBe('return_url');
  });
});

describe('unknown parameters', () => {
  const bogus = <T>(value: T) => value as unknown as never;

  it('refuses an unknown parameter at every level, naming it', async () => {
    const nested = await refused(
      harness.stripe.paymentIntents.create({
        amount: 2_000,
        currency: 'usd',
        automatic_payment_methods: bogus({ enabled: true, bogus: 'x' }),
      }),
    );
    expect(nested).toMatchObject({
      code: 'parameter_unknown',
      param: 'automatic_payment_methods[bogus]',
    });
    const deep = await refused(
      harness.stripe.accounts.create({
        type: 'express',
        capabilities: { transfers: { requested: true } },
        individual: { dob: bogus({ day: 1, month: 1, year: 1901, era: 'ce' }) },
      }),
    );
    expect(deep.param).toBe('individual[dob][era]');
    const account = await createOnboardedAccount(harness.stripe);
    const feature = await refused(
      harness.stripe.accountSessions.create({
        account: account.id,
        components: { payouts: { enabled: true, features: bogus({ teleport: true }) } },
      }),
    );
    expect(feature.param).toBe('components[payouts][features][teleport]');
  });

  it('accepts any keys under metadata', async () => {
    const intent = await harness.stripe.paymentIntents.create({
      amount: 2_000,
      currency: 'usd',
      metadata: { anything: 'goes', 'also-this': 'yes' },
    });
    expect(intent.metadata).toEqual({ anything: 'goes', 'also-this': 'yes' });
  });
});

describe('payouts', () => {
  it('cannot cancel an automatic payout', async () => {
    const seller = await createOnboardedAccount(harness.stripe);
    await chargeCard(harness.stripe, 6_000, 'pm_card_bypassPending');
    await harness.stripe.transfers.create({
      amount: 3_000,
      currency: 'usd',
      destination: seller.id,
    });
    // The daily schedule pays the available balance at the next 00:00 UTC.
    await harness.sandbox.advanceClock(day);
    const payouts = await harness.stripe.payouts.list({}, { stripeAccount: seller.id });
    const automatic = payouts.data.find((payout) => payout.automatic);
    expect(automatic).toMatchObject({ status: 'pending', reconciliation_status: 'in_progress' });
    const error = await refused(
      harness.stripe.payouts.cancel(automatic!.id, {}, { stripeAccount: seller.id }),
    );
    expect(error.code).toBe('payout_not_cancelable');
    const after = await harness.stripe.payouts.retrieve(
      automatic!.id,
      {},
      {
        stripeAccount: seller.id,
      },
    );
    expect(after.status).toBe('pending');
  });
});

describe('accounts', () => {
  it('requires capabilities when the account has no Stripe dashboard (and, stricter, for Express)', async () => {
    const custom = await refused(
      harness.stripe.accounts.create({
        controller: {
          stripe_dashboard: { type: 'none' },
          requirement_collection: 'application',
          fees: { payer: 'application' },
          losses: { payments: 'application' },
        },
      }),
    );
    expect(custom).toMatchObject({ code: 'parameter_missing', param: 'capabilities' });
    const express = await refused(harness.stripe.accounts.create({ type: 'express' }));
    expect(express.param).toBe('capabilities');
    // A full-dashboard account manages its own capabilities: none are requested for it.
    const standard = await harness.stripe.accounts.create({ type: 'standard' });
    expect(standard.capabilities).toEqual({});
  });

  it('lists what is due now, what is due eventually and what is past due separately', async () => {
    const account = await harness.stripe.accounts.create({
      type: 'express',
      capabilities: { transfers: { requested: true } },
    });
    // Nothing submitted: what is due now keeps the account disabled, so it is past due too.
    expect(account.requirements?.currently_due).toContain('individual.ssn_last_4');
    expect(account.requirements?.past_due).toEqual(account.requirements?.currently_due);
    expect(account.requirements?.eventually_due).toEqual([
      ...(account.requirements?.currently_due ?? []),
      'individual.id_number',
    ]);
    // The last four SSN digits satisfy today's threshold; the full number stays eventually due.
    const enabled = await harness.stripe.accounts.update(account.id, {
      business_type: 'individual',
      individual: {
        first_name: 'Jenny',
        last_name: 'Rosen',
        dob: { day: 1, month: 1, year: 1901 },
        address: { line1: 'address_full_match', city: 'San Francisco', postal_code: '94103' },
        ssn_last_4: '0000',
      },
      external_account: 'btok_us_verified',
      tos_acceptance: { date: 1_700_000_000, ip: '127.0.0.1' },
    });
    expect(enabled.requirements).toMatchObject({
      currently_due: [],
      past_due: [],
      eventually_due: ['individual.id_number'],
      disabled_reason: null,
    });
    expect(enabled.payouts_enabled).toBe(true);
    // A failed verification is due now with a deadline, and past due only once the deadline passes.
    const failed = await harness.stripe.accounts.update(account.id, {
      individual: { id_number: '111111111' },
    });
    expect(failed.requirements).toMatchObject({
      currently_due: ['individual.verification.document'],
      past_due: [],
    });
    expect(failed.requirements?.current_deadline).toBeGreaterThan(harness.sandbox.now());
    await harness.sandbox.advanceClock(8 * day);
    const late = await harness.stripe.accounts.retrieve(account.id);
    expect(late.requirements).toMatchObject({
      past_due: ['individual.verification.document'],
      disabled_reason: 'requirements.past_due',
    });
  });

  it('takes collection_options on account links and validates its values', async () => {
    const account = await harness.stripe.accounts.create({
      type: 'express',
      capabilities: { transfers: { requested: true } },
    });
    const base = {
      account: account.id,
      type: 'account_onboarding' as const,
      refresh_url: 'https://m.example/r',
      return_url: 'https://m.example/ok',
    };
    const link = await harness.stripe.accountLinks.create({
      ...base,
      collection_options: { fields: 'eventually_due', future_requirements: 'include' },
    });
    expect(link.url).toContain('/_sandbox/hosted/onboarding/');
    const error = await refused(
      harness.stripe.accountLinks.create({
        ...base,
        collection_options: { fields: 'everything' as never },
      }),
    );
    expect(error.param).toBe('collection_options[fields]');
  });

  it('rejects an account the platform is liable for with accounts.reject, for good', async () => {
    for (const reason of ['fraud', 'terms_of_service'] as const) {
      const account = await createOnboardedAccount(harness.stripe);
      expect(account.payouts_enabled).toBe(true);
      const rejected = await harness.stripe.accounts.reject(account.id, { reason });
      expect(rejected).toMatchObject({
        charges_enabled: false,
        payouts_enabled: false,
        requirements: { disabled_reason: `rejected.${reason}` },
      });
      expect(rejected.capabilities?.transfers).toBe('inactive');
    }
    const standard = await harness.stripe.accounts.create({ type: 'standard' });
    const error = await refused(harness.stripe.accounts.reject(standard.id, { reason: 'fraud' }));
    expect(error.param).toBe('account');
  });

  it('puts an account under review and clears it through the sandbox control', async () => {
    const account = await createOnboardedAccount(harness.stripe);
    await harness.sandbox.reviewAccount(account.id, 'under_review');
    const reviewed = await harness.stripe.accounts.retrieve(account.id);
    expect(reviewed).toMatchObject({
      payouts_enabled: false,
      requirements: { disabled_reason: 'under_review' },
    });
    const events = await harness.stripe.events.list(
      { type: 'account.updated', limit: 1 },
      { stripeAccount: account.id },
    );
    expect(events.data[0]?.data.previous_attributes).toHaveProperty('requirements');
    await harness.sandbox.reviewAccount(account.id, 'cleared');
    const cleared = await harness.stripe.accounts.retrieve(account.id);
    expect(cleared).toMatchObject({
      payouts_enabled: true,
      requirements: { disabled_reason: null },
    });
  });
});
