import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chargeCard,
  createOnboardedAccount,
  startHarness,
  type SandboxHarness,
} from './test-support';

let harness: SandboxHarness;
let stripe: Stripe;
beforeAll(async () => {
  harness = await startHarness();
  stripe = harness.stripe;
});
afterAll(() => harness.sandbox.stop());

describe('retrieve, update and cancel endpoints', () => {
  it('retrieves the platform account, or the connected one with Stripe-Account', async () => {
    const platform = await stripe.accounts.retrieveCurrent();
    expect(platform).toMatchObject({ object: 'account', country: 'US', charges_enabled: true });
    const seller = await stripe.accounts.create({ type: 'express', email: 'current@example.com' });
    const current = await stripe.accounts.retrieveCurrent({}, { stripeAccount: seller.id });
    expect(current).toMatchObject({ id: seller.id, email: 'current@example.com' });
  });

  it('retrieves payment methods, refunds, transfer reversals and webhook endpoints by id', async () => {
    const method = await stripe.paymentMethods.create({
      type: 'card',
      card: { number: '5555555555554444', exp_month: 1, exp_year: 2035, cvc: '123' },
    });
    expect(await stripe.paymentMethods.retrieve(method.id)).toMatchObject({
      id: method.id,
      card: { brand: 'mastercard', last4: '4444' },
    });
    const intent = await chargeCard(stripe, 3000);
    const refund = await stripe.refunds.create({ payment_intent: intent.id, amount: 500 });
    expect(await stripe.refunds.retrieve(refund.id)).toMatchObject({
      amount: 500,
      charge: intent.latest_charge,
    });
    const refunds = await stripe.refunds.list({ payment_intent: intent.id });
    expect(refunds.data.map((item) => item.id)).toEqual([refund.id]);
    const seller = await createOnboardedAccount(stripe);
    const transfer = await stripe.transfers.create({
      amount: 1000,
      currency: 'usd',
      destination: seller.id,
      source_transaction: intent.latest_charge as string,
    });
    const reversal = await stripe.transfers.createReversal(transfer.id, {
      amount: 100,
      metadata: { reason: 'test' },
    });
    expect(await stripe.transfers.retrieveReversal(transfer.id, reversal.id)).toMatchObject({
      amount: 100,
      metadata: { reason: 'test' },
    });
    const endpoint = await stripe.webhookEndpoints.create({
      url: 'http://127.0.0.1:9/hook',
      enabled_events: ['*'],
    });
    expect(await stripe.webhookEndpoints.retrieve(endpoint.id)).toMatchObject({
      id: endpoint.id,
      status: 'enabled',
    });
    await stripe.webhookEndpoints.del(endpoint.id);
  });

  it('updates transfer metadata and description', async () => {
    const seller = await createOnboardedAccount(stripe);
    const intent = await chargeCard(stripe, 2000);
    const transfer = await stripe.transfers.create({
      amount: 700,
      currency: 'usd',
      destination: seller.id,
      source_transaction: intent.latest_charge as string,
    });
    const updated = await stripe.transfers.update(transfer.id, {
      description: 'Order 7',
      metadata: { order: '7' },
    });
    expect(updated).toMatchObject({ description: 'Order 7', metadata: { order: '7' } });
  });

  it('switches the default external account and cancels a pending payout, returning the funds', async () => {
    const seller = await createOnboardedAccount(stripe);
    const second = (await stripe.accounts.createExternalAccount(seller.id, {
      external_account: 'btok_us_verified',
    })) as Stripe.BankAccount;
    expect(second.default_for_currency).toBe(false);
    const promoted = (await stripe.accounts.updateExternalAccount(seller.id, second.id, {
      default_for_currency: true,
    })) as Stripe.BankAccount;
    expect(promoted.default_for_currency).toBe(true);
    expect(await stripe.accounts.retrieveExternalAccount(seller.id, second.id)).toMatchObject({
      default_for_currency: true,
    });
    await chargeCard(stripe, 5000, 'pm_card_bypassPending');
    await stripe.transfers.create({ amount: 900, currency: 'usd', destination: seller.id });
    const payout = await stripe.payouts.create(
      { amount: 900, currency: 'usd' },
      { stripeAccount: seller.id },
    );
    expect(payout.destination).toBe(second.id);
    const canceled = await stripe.payouts.cancel(payout.id, {}, { stripeAccount: seller.id });
    expect(canceled.status).toBe('canceled');
    const balance = await stripe.balance.retrieve({}, { stripeAccount: seller.id });
    expect(balance.available[0]?.amount).toBe(900);
  });

  it('refuses payouts for an account that has not finished onboarding', async () => {
    const seller = await stripe.accounts.create({ type: 'express' });
    const error = (await stripe.payouts
      .create({ amount: 100, currency: 'usd' }, { stripeAccount: seller.id })
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(error.code).toBe('payouts_not_allowed');
  });

  it('refuses charges on a connected account (no direct charges in the sandbox)', async () => {
    const seller = await createOnboardedAccount(stripe);
    const error = (await stripe.paymentIntents
      .create({ amount: 1000, currency: 'usd' }, { stripeAccount: seller.id })
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(error.code).toBe('sandbox_unsupported');
  });
});
