import Stripe from 'stripe';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  chargeCard,
  createOnboardedAccount,
  startHarness,
  type SandboxHarness,
} from './test-support';

const day = 86_400;
// 2026-01-05 00:00 UTC, a Monday: schedules below are easy to reason about.
const monday = 1_767_571_200;

let harness: SandboxHarness;
let stripe: Stripe;
beforeEach(async () => {
  if (harness) await harness.sandbox.stop();
  harness = await startHarness({ clock: { now: monday + 3600 } });
  stripe = harness.stripe;
});
afterAll(() => harness.sandbox.stop());

const usd = (balance: Stripe.Balance) => ({
  available: balance.available.find((entry) => entry.currency === 'usd')?.amount ?? 0,
  pending: balance.pending.find((entry) => entry.currency === 'usd')?.amount ?? 0,
});

async function collect<T>(list: AsyncIterable<T>) {
  const items: T[] = [];
  for await (const item of list) items.push(item);
  return items;
}

/**
 * The conservation invariant, from what the SDK can see: all balances + Stripe fees + paid out
 * (payouts not failed or canceled) = charged − refunded − withdrawn for disputes still lost or open.
 */
async function assertMoneyConserved(accounts: string[]) {
  let balances = 0;
  let fees = 0;
  let paidOut = 0;
  for (const account of [undefined, ...accounts]) {
    const options = account ? { stripeAccount: account } : {};
    const balance = await stripe.balance.retrieve({}, options);
    balances += balance.available.reduce((sum, entry) => sum + entry.amount, 0);
    balances += balance.pending.reduce((sum, entry) => sum + entry.amount, 0);
    balances += (balance.connect_reserved ?? []).reduce((sum, entry) => sum + entry.amount, 0);
    for (const transaction of await collect(
      stripe.balanceTransactions.list({ limit: 100 }, options),
    ))
      fees += transaction.fee;
    for (const payout of await collect(stripe.payouts.list({ limit: 100 }, options))) {
      if (payout.status !== 'failed' && payout.status !== 'canceled') paidOut += payout.amount;
    }
  }
  const charges = await collect(stripe.charges.list({ limit: 100 }));
  const charged = charges
    .filter((charge) => charge.status === 'succeeded')
    .reduce((sum, charge) => sum + charge.amount, 0);
  const refunded = charges.reduce((sum, charge) => sum + charge.amount_refunded, 0);
  const disputes = await collect(stripe.disputes.list({ limit: 100 }));
  const withdrawn = disputes
    .filter((dispute) => dispute.status !== 'won')
    .reduce((sum, dispute) => sum + dispute.amount, 0);
  expect(balances + fees + paidOut).toBe(charged - refunded - withdrawn);
}

describe('marketplace money flows', () => {
  it('splits a charge into three transfers that become available and are paid out automatically', async () => {
    const sellers = await Promise.all([
      createOnboardedAccount(stripe),
      createOnboardedAccount(stripe),
      createOnboardedAccount(stripe),
    ]);
    const intent = await chargeCard(stripe, 10_000, 'pm_card_visa', { transfer_group: 'order_42' });
    const charge = intent.latest_charge as string;
    const shares = [5000, 3000, 1000];
    for (const [index, seller] of sellers.entries()) {
      await stripe.transfers.create({
        amount: shares[index] as number,
        currency: 'usd',
        destination: seller.id,
        source_transaction: charge,
        transfer_group: 'order_42',
      });
    }
    expect(usd(await stripe.balance.retrieve({}, { stripeAccount: sellers[0]!.id }))).toEqual({
      available: 0,
      pending: 5000,
    });
    // Platform keeps 10000 − 320 fee − 9000 transferred, all still pending with the charge.
    expect(usd(await stripe.balance.retrieve())).toEqual({ available: 0, pending: 680 });

    await harness.sandbox.advanceClock(2 * day);
    expect(usd(await stripe.balance.retrieve({}, { stripeAccount: sellers[1]!.id }))).toEqual({
      available: 3000,
      pending: 0,
    });
    const availableEvents = await stripe.events.list(
      { type: 'balance.available' },
      { stripeAccount: sellers[1]!.id },
    );
    expect(availableEvents.data).toHaveLength(1);

    // Daily schedule: the next midnight run pays out the whole available balance, arriving a day later.
    await harness.sandbox.advanceClock(day);
    const payouts = await stripe.payouts.list({}, { stripeAccount: sellers[2]!.id });
    expect(payouts.data).toHaveLength(1);
    expect(payouts.data[0]).toMatchObject({
      amount: 1000,
      automatic: true,
      status: 'pending',
      method: 'standard',
    });
    await harness.sandbox.advanceClock(day);
    const paid = await stripe.payouts.retrieve(
      payouts.data[0]!.id,
      {},
      { stripeAccount: sellers[2]!.id },
    );
    expect(paid.status).toBe('paid');
    expect(usd(await stripe.balance.retrieve({}, { stripeAccount: sellers[2]!.id }))).toEqual({
      available: 0,
      pending: 0,
    });
    const paidEvents = await stripe.events.list(
      { type: 'payout.paid' },
      { stripeAccount: sellers[2]!.id },
    );
    expect(paidEvents.data[0]?.account).toBe(sellers[2]!.id);
    await assertMoneyConserved(sellers.map((seller) => seller.id));
  });

  it('cannot claw back a disputed payment from a seller who was paid out (the reversal is refused)', async () => {
    const seller = await createOnboardedAccount(stripe);
    const intent = await chargeCard(stripe, 6000, 'pm_card_createDispute');
    const transfer = await stripe.transfers.create({
      amount: 5000,
      currency: 'usd',
      destination: seller.id,
      source_transaction: intent.latest_charge as string,
    });
    await harness.sandbox.advanceClock(4 * day);
    const payouts = await stripe.payouts.list({}, { stripeAccount: seller.id });
    expect(payouts.data[0]).toMatchObject({ amount: 5000, status: 'paid' });
    const reversal = (await stripe.transfers
      .createReversal(transfer.id, { amount: 5000 })
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(reversal.code).toBe('balance_insufficient');
    // The platform carries the dispute; the seller's balance never goes negative.
    expect(usd(await stripe.balance.retrieve({}, { stripeAccount: seller.id }))).toEqual({
      available: 0,
      pending: 0,
    });
    const refundOfRefunded = (await stripe.refunds
      .create({ charge: intent.latest_charge as string })
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(refundOfRefunded.code).toBe('charge_disputed');
    await assertMoneyConserved([seller.id]);
  });
});

describe('payouts', () => {
  async function fundedSeller(amount: number, overrides: Stripe.AccountCreateParams = {}) {
    const seller = await createOnboardedAccount(stripe, overrides);
    await chargeCard(stripe, amount * 2, 'pm_card_bypassPending');
    await stripe.transfers.create({ amount, currency: 'usd', destination: seller.id });
    return seller;
  }

  it('creates a manual payout, refuses one larger than the available balance, and pays it the next day', async () => {
    const seller = await fundedSeller(2500);
    await stripe.accounts.update(seller.id, {
      settings: { payouts: { schedule: { interval: 'manual' } } },
    });
    const tooMuch = (await stripe.payouts
      .create({ amount: 2501, currency: 'usd' }, { stripeAccount: seller.id })
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(tooMuch.code).toBe('balance_insufficient');
    const payout = await stripe.payouts.create(
      { amount: 2000, currency: 'usd' },
      { stripeAccount: seller.id },
    );
    expect(payout).toMatchObject({
      status: 'pending',
      automatic: false,
      arrival_date: harness.sandbox.now() + day,
    });
    await harness.sandbox.advanceClock(3 * day);
    expect(
      (await stripe.payouts.list({}, { stripeAccount: seller.id })).data.map((item) => [
        item.amount,
        item.status,
      ]),
    ).toEqual([[2000, 'paid']]);
  });

  it('fails payouts to Stripe’s failing test bank numbers and returns the funds', async () => {
    const seller = await fundedSeller(1200, { external_account: 'btok_us_verified_noAccount' });
    await stripe.accounts.update(seller.id, {
      settings: { payouts: { schedule: { interval: 'manual' } } },
    });
    const payout = await stripe.payouts.create(
      { amount: 1200, currency: 'usd' },
      { stripeAccount: seller.id },
    );
    await harness.sandbox.advanceClock(day);
    const failed = await stripe.payouts.retrieve(payout.id, {}, { stripeAccount: seller.id });
    expect(failed).toMatchObject({ status: 'failed', failure_code: 'no_account' });
    const types = (
      await stripe.balanceTransactions.list({}, { stripeAccount: seller.id })
    ).data.map((transaction) => transaction.type);
    expect(types).toEqual(['payout_failure', 'payout', 'payment']);
    expect(usd(await stripe.balance.retrieve({}, { stripeAccount: seller.id })).available).toBe(
      1200,
    );
    const events = await stripe.events.list(
      { type: 'payout.failed' },
      { stripeAccount: seller.id },
    );
    expect(events.data).toHaveLength(1);
  });

  it.each([
    ['000111111113', 'account_closed'],
    ['000222222227', 'insufficient_funds'],
  ])('fails a payout to account number %s with %s', async (accountNumber, code) => {
    const seller = await fundedSeller(700, {
      external_account: {
        object: 'bank_account',
        country: 'US',
        currency: 'usd',
        routing_number: '110000000',
        account_number: accountNumber,
      },
    } as Stripe.AccountCreateParams);
    await stripe.accounts.update(seller.id, {
      settings: { payouts: { schedule: { interval: 'manual' } } },
    });
    const payout = await stripe.payouts.create(
      { amount: 700, currency: 'usd' },
      { stripeAccount: seller.id },
    );
    await harness.sandbox.advanceClock(day);
    expect(
      (await stripe.payouts.retrieve(payout.id, {}, { stripeAccount: seller.id })).failure_code,
    ).toBe(code);
  });

  it('pays out instantly to a debit card with the instant fee', async () => {
    const seller = await fundedSeller(10_000);
    await stripe.accounts.createExternalAccount(seller.id, { external_account: 'tok_visa_debit' });
    const noCard = await createOnboardedAccount(stripe);
    const unsupported = (await stripe.payouts
      .create({ amount: 100, currency: 'usd', method: 'instant' }, { stripeAccount: noCard.id })
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(unsupported.code).toBe('instant_payouts_unsupported');
    const payout = await stripe.payouts.create(
      { amount: 5000, currency: 'usd', method: 'instant' },
      { stripeAccount: seller.id },
    );
    expect(payout).toMatchObject({
      method: 'instant',
      type: 'card',
      arrival_date: harness.sandbox.now(),
    });
    const transaction = await stripe.balanceTransactions.retrieve(
      payout.balance_transaction as string,
      {},
      { stripeAccount: seller.id },
    );
    // 1% of 50.00 is exactly the 0.50 floor.
    expect(transaction).toMatchObject({ amount: -5000, fee: 50, net: -5050 });
    await harness.sandbox.advanceClock(60);
    expect(
      (await stripe.payouts.retrieve(payout.id, {}, { stripeAccount: seller.id })).status,
    ).toBe('paid');
  });

  it('pays out the whole instantly available balance less the 1% fee when an instant payout has no amount', async () => {
    const seller = await fundedSeller(10_000);
    await stripe.accounts.createExternalAccount(seller.id, { external_account: 'tok_visa_debit' });
    const balance = await stripe.balance.retrieve({}, { stripeAccount: seller.id });
    expect(balance.instant_available?.find((entry) => entry.currency === 'usd')?.amount).toBe(
      10_000,
    );
    const payout = await stripe.payouts.create(
      { currency: 'usd', method: 'instant' } as Stripe.PayoutCreateParams,
      { stripeAccount: seller.id },
    );
    // 99.01 + 0.99 (1%, half up) = 100.00; a cent more would need 100.01.
    expect(payout).toMatchObject({ amount: 9_901, method: 'instant', status: 'in_transit' });
    const transaction = await stripe.balanceTransactions.retrieve(
      payout.balance_transaction as string,
      {},
      { stripeAccount: seller.id },
    );
    expect(transaction).toMatchObject({ amount: -9_901, fee: 99, net: -10_000 });
    expect(usd(await stripe.balance.retrieve({}, { stripeAccount: seller.id })).available).toBe(0);
  });

  it('keeps the 0.50 minimum fee for a small instant payout without an amount, and refuses when it cannot be covered', async () => {
    const seller = await fundedSeller(2_000);
    await stripe.accounts.createExternalAccount(seller.id, { external_account: 'tok_visa_debit' });
    const payout = await stripe.payouts.create(
      { currency: 'usd', method: 'instant' } as Stripe.PayoutCreateParams,
      { stripeAccount: seller.id },
    );
    expect(payout.amount).toBe(1_950);
    const tiny = await fundedSeller(50);
    await stripe.accounts.createExternalAccount(tiny.id, { external_account: 'tok_visa_debit' });
    const refused = (await stripe.payouts
      .create({ currency: 'usd', method: 'instant' } as Stripe.PayoutCreateParams, {
        stripeAccount: tiny.id,
      })
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(refused.code).toBe('balance_insufficient');
    const missing = (await stripe.payouts
      .create({ currency: 'usd' } as Stripe.PayoutCreateParams, { stripeAccount: tiny.id })
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(missing.param).toBe('amount');
  });

  it('runs weekly payouts on the anchor day and monthly payouts on the anchor date', async () => {
    const weekly = await fundedSeller(900);
    await stripe.accounts.update(weekly.id, {
      settings: { payouts: { schedule: { interval: 'weekly', weekly_anchor: 'wednesday' } } },
    });
    const monthly = await fundedSeller(800);
    await stripe.accounts.update(monthly.id, {
      settings: { payouts: { schedule: { interval: 'monthly', monthly_anchor: 20 } } },
    });
    await harness.sandbox.advanceClock(day); // Tuesday 01:00
    expect((await stripe.payouts.list({}, { stripeAccount: weekly.id })).data).toHaveLength(0);
    await harness.sandbox.advanceClock(day); // Wednesday 01:00
    const weeklyPayouts = await stripe.payouts.list({}, { stripeAccount: weekly.id });
    expect(weeklyPayouts.data.map((payout) => payout.created)).toEqual([monday + 2 * day]);
    expect((await stripe.payouts.list({}, { stripeAccount: monthly.id })).data).toHaveLength(0);
    await harness.sandbox.advanceClock(13 * day); // past the 20th
    const monthlyPayouts = await stripe.payouts.list({}, { stripeAccount: monthly.id });
    expect(
      monthlyPayouts.data.map((payout) => new Date(payout.created * 1000).getUTCDate()),
    ).toEqual([20]);
    await assertMoneyConserved([weekly.id, monthly.id]);
  });

  it('keeps manual-schedule balances until a payout is requested', async () => {
    const seller = await fundedSeller(600);
    await stripe.accounts.update(seller.id, {
      settings: { payouts: { schedule: { interval: 'manual' } } },
    });
    await harness.sandbox.advanceClock(5 * day);
    expect((await stripe.payouts.list({}, { stripeAccount: seller.id })).data).toHaveLength(0);
    expect(usd(await stripe.balance.retrieve({}, { stripeAccount: seller.id })).available).toBe(
      600,
    );
  });
});

describe('money conservation', () => {
  it('conserves money across a random mix of charges, transfers, refunds, reversals, disputes and payouts', async () => {
    const sellers = await Promise.all([
      createOnboardedAccount(stripe),
      createOnboardedAccount(stripe),
    ]);
    // A small deterministic generator keeps the run reproducible.
    let seed = 42;
    const next = (limit: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % limit;
    };
    const cards = [
      'pm_card_visa',
      'pm_card_bypassPending',
      'pm_card_createDispute',
      'pm_card_chargeDeclined',
    ];
    const charges: string[] = [];
    for (let step = 0; step < 24; step += 1) {
      const action = next(6);
      try {
        if (action <= 1 || charges.length === 0) {
          const intent = await chargeCard(stripe, 500 + next(20_000), cards[next(cards.length)]);
          charges.push(intent.latest_charge as string);
        } else if (action === 2) {
          const charge = charges[next(charges.length)] as string;
          await stripe.transfers.create({
            amount: 1 + next(3000),
            currency: 'usd',
            destination: sellers[next(2)]!.id,
            source_transaction: charge,
          });
        } else if (action === 3) {
          await stripe.refunds.create({
            charge: charges[next(charges.length)] as string,
            amount: 1 + next(2000),
          });
        } else if (action === 4) {
          await harness.sandbox.advanceClock(next(3 * day));
        } else {
          const transfers = await stripe.transfers.list({ limit: 5 });
          const transfer = transfers.data.find((item) => !item.reversed);
          if (transfer)
            await stripe.transfers.createReversal(transfer.id, {
              amount: 1 + next(transfer.amount - transfer.amount_reversed),
            });
        }
      } catch (error) {
        // Declines and refused operations are part of the mix; they must not move money either.
        expect(error).toBeInstanceOf(Stripe.errors.StripeError);
      }
    }
    await harness.sandbox.advanceClock(5 * day);
    await assertMoneyConserved(sellers.map((seller) => seller.id));
  });

  it('never edits a balance transaction after creating it', async () => {
    const seller = await createOnboardedAccount(stripe);
    const intent = await chargeCard(stripe, 3000);
    const transfer = await stripe.transfers.create({
      amount: 2000,
      currency: 'usd',
      destination: seller.id,
      source_transaction: intent.latest_charge as string,
    });
    const before = await stripe.balanceTransactions.list({ limit: 100 });
    await stripe.refunds.create({ payment_intent: intent.id, amount: 1000 });
    await stripe.transfers.createReversal(transfer.id, { amount: 700 });
    await harness.sandbox.advanceClock(4 * day);
    const after = await stripe.balanceTransactions.list({ limit: 100 });
    const strip = ({
      status: _status,
      lastResponse: _response,
      ...rest
    }: Stripe.BalanceTransaction & { lastResponse?: unknown }) => rest;
    for (const original of before.data) {
      const later = after.data.find(
        (transaction) => transaction.id === original.id,
      ) as Stripe.BalanceTransaction;
      expect(strip(later)).toEqual(strip(original));
    }
    expect(after.data.length).toBeGreaterThan(before.data.length);
  });
});

describe('connect reserve', () => {
  it('holds nothing for a platform-collected account that a refused reversal left untouched', async () => {
    const seller = await createOnboardedAccount(stripe, {
      type: undefined,
      controller: {
        requirement_collection: 'application',
        stripe_dashboard: { type: 'none' },
        fees: { payer: 'application' },
        losses: { payments: 'application' },
      },
    });
    expect(seller.type).toBe('custom');
    await chargeCard(stripe, 10_000, 'pm_card_bypassPending');
    const transfer = await stripe.transfers.create({
      amount: 4000,
      currency: 'usd',
      destination: seller.id,
    });
    await stripe.payouts.create({ amount: 4000, currency: 'usd' }, { stripeAccount: seller.id });
    const before = usd(await stripe.balance.retrieve());
    // The platform cannot push the seller negative with a reversal (Stripe refuses it), so no reserve is needed.
    const error = (await stripe.transfers
      .createReversal(transfer.id, { amount: 1500 })
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(error.code).toBe('balance_insufficient');
    const platform = await stripe.balance.retrieve();
    expect(platform.connect_reserved?.[0]?.amount ?? 0).toBe(0);
    expect(usd(platform).available).toBe(before.available);
    await assertMoneyConserved([seller.id]);
  });
});
