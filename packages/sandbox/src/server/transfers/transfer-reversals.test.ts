import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { day } from '../core/engine';
import { chargeCard, createOnboardedAccount, useHarness } from '../test-support';

// Named after the Stripe rule; the README cites https://docs.stripe.com/api/transfer_reversals.
const harness = useHarness();
const refused = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('Stripe would refuse this reversal.');
    },
    (error: unknown) => error as Stripe.errors.StripeError,
  );
const usdBalance = async (account: string) => {
  const balance = await harness.stripe.balance.retrieve({}, { stripeAccount: account });
  const pick = (entries: Array<{ amount: number; currency: string }>) =>
    entries.find((entry) => entry.currency === 'usd')?.amount ?? 0;
  return { available: pick(balance.available), pending: pick(balance.pending) };
};

/** A seller paid 3,854 for a 4,000 sale, settled and paid out by the daily automatic payout. */
async function paidOutSeller() {
  const { stripe, sandbox } = harness;
  const seller = await createOnboardedAccount(stripe);
  const intent = await chargeCard(stripe, 4000);
  const transfer = await stripe.transfers.create({
    amount: 3854,
    currency: 'usd',
    destination: seller.id,
    source_transaction: intent.latest_charge as string,
    transfer_group: 'order_1',
  });
  await sandbox.advanceClock(4 * day);
  const payouts = await stripe.payouts.list({}, { stripeAccount: seller.id });
  expect(payouts.data[0]).toMatchObject({ amount: 3854, status: 'paid' });
  return { seller, intent, transfer };
}

describe('Transfer reversals', () => {
  it('reverses a transfer_group transfer only if the destination account has enough balance to cover the reversal', async () => {
    const { stripe, sandbox } = harness;
    const { seller, intent, transfer } = await paidOutSeller();
    await stripe.refunds.create({ payment_intent: intent.id });
    const platformBefore = await stripe.balance.retrieve();

    const error = await refused(
      stripe.transfers.createReversal(transfer.id, {}, { idempotencyKey: 'reverse-order-1' }),
    );
    expect(error).toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 400,
      code: 'balance_insufficient',
      param: 'amount',
    });
    expect(error.raw).toMatchObject({
      type: 'invalid_request_error',
      code: 'balance_insufficient',
    });
    // Nothing moved: no reversal, no balance change on either side.
    expect(await stripe.transfers.retrieve(transfer.id)).toMatchObject({
      amount_reversed: 0,
      reversed: false,
    });
    expect((await stripe.transfers.listReversals(transfer.id)).data).toHaveLength(0);
    expect(await usdBalance(seller.id)).toEqual({ available: 0, pending: 0 });
    expect((await stripe.balance.retrieve()).available).toEqual(platformBefore.available);
    // The refusal is an outcome of execution: the same key replays it, even once funds exist (stricter
    // reading, README), so a retry after new funds needs a new key.
    const replayed = await refused(
      stripe.transfers.createReversal(transfer.id, {}, { idempotencyKey: 'reverse-order-1' }),
    );
    expect(replayed.code).toBe('balance_insufficient');
    expect(replayed.headers?.['idempotent-replayed']).toBe('true');

    // A new sale settles 1,000 on the seller: a reversal that fits is accepted, a larger one is not.
    const nextSale = await chargeCard(stripe, 2000, 'pm_card_bypassPending');
    await stripe.transfers.create({
      amount: 1000,
      currency: 'usd',
      destination: seller.id,
      source_transaction: nextSale.latest_charge as string,
    });
    expect(await usdBalance(seller.id)).toEqual({ available: 1000, pending: 0 });
    expect(
      (await refused(stripe.transfers.createReversal(transfer.id, { amount: 1001 }))).code,
    ).toBe('balance_insufficient');
    const partial = await stripe.transfers.createReversal(transfer.id, { amount: 1000 });
    expect(partial).toMatchObject({ object: 'transfer_reversal', amount: 1000 });
    expect(await usdBalance(seller.id)).toEqual({ available: 0, pending: 0 });

    // Once enough new funds are available, the rest of the reversal succeeds.
    const later = await chargeCard(stripe, 4000);
    await stripe.transfers.create({
      amount: 3000,
      currency: 'usd',
      destination: seller.id,
      source_transaction: later.latest_charge as string,
    });
    // Another sale's pending funds do not cover a reversal; once they settle (and before the payout runs) they do.
    expect((await refused(stripe.transfers.createReversal(transfer.id))).code).toBe(
      'balance_insufficient',
    );
    await stripe.accounts.update(seller.id, {
      settings: { payouts: { schedule: { interval: 'manual' } } },
    });
    await sandbox.advanceClock(3 * day);
    const rest = await stripe.transfers.createReversal(transfer.id);
    expect(rest.amount).toBe(2854);
    expect(await stripe.transfers.retrieve(transfer.id)).toMatchObject({
      amount_reversed: 3854,
      reversed: true,
    });
    expect(await usdBalance(seller.id)).toEqual({ available: 146, pending: 0 });
  });

  it('lets a refund before the sale settled take back that sale’s own pending funds', async () => {
    const { stripe } = harness;
    const seller = await createOnboardedAccount(stripe);
    const intent = await chargeCard(stripe, 4000);
    const transfer = await stripe.transfers.create({
      amount: 3854,
      currency: 'usd',
      destination: seller.id,
      source_transaction: intent.latest_charge as string,
    });
    expect(await usdBalance(seller.id)).toEqual({ available: 0, pending: 3854 });
    const reversal = await stripe.transfers.createReversal(transfer.id);
    expect(reversal.amount).toBe(3854);
  });
});
