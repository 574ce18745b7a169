import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { chargeCard, createOnboardedAccount, useHarness } from './test-support';

const harness = useHarness();

describe('retrieve, update and cancel endpoints', () => {
  it('retrieves the platform account, or the connected one with Stripe-Account', async () => {
    const platform = await harness.stripe.accounts.retrieveCurrent();
    expect(platform).toMatchObject({ object: 'account', country: 'US', charges_enabled: true });
    const seller = await harness.stripe.accounts.create({
      type: 'express',
      capabilities: { transfers: { requested: true } },
      email: 'current@example.com',
    });
    const current = await harness.stripe.accounts.retrieveCurrent({}, { stripeAccount: seller.id });
    expect(current).toMatchObject({ id: seller.id, email: 'current@example.com' });
  });

  it('retrieves payment methods, refunds, transfer reversals and webhook endpoints by id', async () => {
    const method = await harness.stripe.paymentMethods.create({
      type: 'card',
      card: { number: '5555555555554444', exp_month: 1, exp_year: 2035, cvc: '123' },
    });
    expect(await harness.stripe.paymentMethods.retrieve(method.id)).toMatchObject({
      id: method.id,
      card: { brand: 'mastercard', last4: '4444' },
    });
    const intent = await chargeCard(harness.stripe, 3000);
    const refund = await harness.stripe.refunds.create({ payment_intent: intent.id, amount: 500 });
    expect(await harness.stripe.refunds.retrieve(refund.id)).toMatchObject({
      amount: 500,
      charge: intent.latest_charge,
    });
    const refunds = await harness.stripe.refunds.list({ payment_intent: intent.id });
    expect(refunds.data.map((item) => item.id)).toEqual([refund.id]);
    const seller = await createOnboardedAccount(harness.stripe);
    const transfer = await harness.stripe.transfers.create({
      amount: 1000,
      currency: 'usd',
      destination: seller.id,
      source_transaction: intent.latest_charge as string,
    });
    const reversal = await harness.stripe.transfers.createReversal(transfer.id, {
      amount: 100,
      metadata: { reason: 'test' },
    });
    expect(await harness.stripe.transfers.retrieveReversal(transfer.id, reversal.id)).toMatchObject(
      {
        amount: 100,
        metadata: { reason: 'test' },
      },
    );
    const endpoint = await harness.stripe.webhookEndpoints.create({
      url: 'http://127.0.0.1:9/hook',
      enabled_events: ['*'],
    });
    expect(await harness.stripe.webhookEndpoints.retrieve(endpoint.id)).toMatchObject({
      id: endpoint.id,
      status: 'enabled',
    });
    await harness.stripe.webhookEndpoints.del(endpoint.id);
  });

  it('updates transfer metadata and description', async () => {
    const seller = await createOnboardedAccount(harness.stripe);
    const intent = await chargeCard(harness.stripe, 2000);
    const transfer = await harness.stripe.transfers.create({
      amount: 700,
      currency: 'usd',
      destination: seller.id,
      source_transaction: intent.latest_charge as string,
    });
    const updated = await harness.stripe.transfers.update(transfer.id, {
      description: 'Order 7',
      metadata: { order: '7' },
    });
    expect(updated).toMatchObject({ description: 'Order 7', metadata: { order: '7' } });
  });

  it('switches the default external account and cancels a pending payout, returning the funds', async () => {
    const seller = await createOnboardedAccount(harness.stripe);
    const second = (await harness.stripe.accounts.createExternalAccount(seller.id, {
      external_account: 'btok_us_verified',
    })) as Stripe.BankAccount;
    expect(second.default_for_currency).toBe(false);
    const promoted = (await harness.stripe.accounts.updateExternalAccount(seller.id, second.id, {
      default_for_currency: true,
    })) as Stripe.BankAccount;
    expect(promoted.default_for_currency).toBe(true);
    expect(
      await harness.stripe.accounts.retrieveExternalAccount(seller.id, second.id),
    ).toMatchObject({
      default_for_currency: true,
    });
    await chargeCard(harness.stripe, 5000, 'pm_card_bypassPending');
    await harness.stripe.transfers.create({ amount: 900, currency: 'usd', destination: seller.id });
    const payout = await harness.stripe.payouts.create(
      { amount: 900, currency: 'usd' },
      { stripeAccount: seller.id },
    );
    expect(payout.destination).toBe(second.id);
    const canceled = await harness.stripe.payouts.cancel(
      payout.id,
      {},
      { stripeAccount: seller.id },
    );
    expect(canceled.status).toBe('canceled');
    const balance = await harness.stripe.balance.retrieve({}, { stripeAccount: seller.id });
    expect(balance.available[0]?.amount).toBe(900);
  });

  it('refuses payouts for an account that has not finished onboarding', async () => {
    const seller = await harness.stripe.accounts.create({
      type: 'express',
      capabilities: { transfers: { requested: true } },
    });
    const error = (await harness.stripe.payouts
      .create({ amount: 100, currency: 'usd' }, { stripeAccount: seller.id })
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(error.code).toBe('payouts_not_allowed');
  });

  it('refuses charges on a connected account (no direct charges in the sandbox)', async () => {
    const seller = await createOnboardedAccount(harness.stripe);
    const error = (await harness.stripe.paymentIntents
      .create({ amount: 1000, currency: 'usd' }, { stripeAccount: seller.id })
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(error.code).toBe('sandbox_unsupported');
  });
});
