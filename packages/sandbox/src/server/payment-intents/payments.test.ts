import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { chargeCard, createOnboardedAccount, startHarness, useHarness } from '../test-support';

const harness = useHarness({ clock: { now: 1_767_225_600 } });

const day = 86_400;

describe('payment intents', () => {
  it('creates, updates, confirms server-side and produces a charge with Stripe’s fee', async () => {
    const created = await harness.stripe.paymentIntents.create({
      amount: 10_000,
      currency: 'usd',
      transfer_group: 'order_1',
      metadata: { order: 'order_1' },
      automatic_payment_methods: { enabled: true },
    });
    expect(created).toMatchObject({
      status: 'requires_payment_method',
      amount: 10_000,
      transfer_group: 'order_1',
    });
    expect(created.client_secret).toMatch(new RegExp(`^${created.id}_secret_`));
    const updated = await harness.stripe.paymentIntents.update(created.id, {
      amount: 12_345,
      metadata: { note: 'resized' },
    });
    expect(updated.metadata).toEqual({ order: 'order_1', note: 'resized' });
    const confirmed = await harness.stripe.paymentIntents.confirm(created.id, {
      payment_method: 'pm_card_visa',
      return_url: 'https://m.example/checkout/return',
    });
    expect(confirmed.status).toBe('succeeded');
    expect(confirmed.amount_received).toBe(12_345);
    const charge = await harness.stripe.charges.retrieve(confirmed.latest_charge as string, {
      expand: ['balance_transaction'],
    });
    expect(charge).toMatchObject({
      status: 'succeeded',
      paid: true,
      amount: 12_345,
      transfer_group: 'order_1',
    });
    expect(charge.payment_method_details?.card?.last4).toBe('4242');
    const transaction = charge.balance_transaction as Stripe.BalanceTransaction;
    // 2.9% of 12345 = 358.005 → 358, plus 30.
    expect(transaction).toMatchObject({
      type: 'charge',
      fee: 388,
      net: 11_957,
      status: 'pending',
      available_on: harness.sandbox.now() + 2 * day,
    });
    expect(transaction.fee_details).toEqual([
      {
        amount: 388,
        application: null,
        currency: 'usd',
        description: 'Stripe processing fees',
        type: 'stripe_fee',
      },
    ]);
  });

  it('makes funds available at once for the bypassPending card', async () => {
    const intent = await chargeCard(harness.stripe, 2000, 'pm_card_bypassPending');
    const charge = await harness.stripe.charges.retrieve(intent.latest_charge as string, {
      expand: ['balance_transaction'],
    });
    expect((charge.balance_transaction as Stripe.BalanceTransaction).status).toBe('available');
  });

  it.each([
    ['pm_card_chargeDeclined', 'card_declined', 'generic_decline'],
    ['pm_card_chargeDeclinedInsufficientFunds', 'card_declined', 'insufficient_funds'],
    ['pm_card_chargeDeclinedLostCard', 'card_declined', 'lost_card'],
    ['pm_card_chargeDeclinedStolenCard', 'card_declined', 'stolen_card'],
    ['pm_card_chargeDeclinedExpiredCard', 'expired_card', 'expired_card'],
    ['pm_card_chargeDeclinedIncorrectCvc', 'incorrect_cvc', 'incorrect_cvc'],
  ])(
    'declines %s with a 402 %s / %s and leaves the intent payable',
    async (paymentMethod, code, declineCode) => {
      const error = (await chargeCard(harness.stripe, 3000, paymentMethod).catch(
        (caught: unknown) => caught,
      )) as Stripe.errors.StripeCardError;
      expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
      expect(error.statusCode).toBe(402);
      expect(error.code).toBe(code);
      expect(error.decline_code).toBe(declineCode);
      expect(error.payment_intent?.status).toBe('requires_payment_method');
      const intent = await harness.stripe.paymentIntents.retrieve(
        error.payment_intent?.id as string,
      );
      expect(intent.last_payment_error?.decline_code).toBe(declineCode);
      const charge = await harness.stripe.charges.retrieve(error.charge as string);
      expect(charge).toMatchObject({
        status: 'failed',
        failure_code: code,
        balance_transaction: null,
      });
    },
  );

  it('confirms in the browser with the publishable key and client secret, like Stripe.js', async () => {
    const intent = await harness.stripe.paymentIntents.create({ amount: 4200, currency: 'usd' });
    const secret = intent.client_secret as string;
    const retrieved = await harness.publishable.paymentIntents.retrieve(intent.id, {
      client_secret: secret,
    });
    expect(retrieved.status).toBe('requires_payment_method');
    const wrong = (await harness.publishable.paymentIntents
      .retrieve(intent.id, { client_secret: `${intent.id}_secret_wrong` })
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(wrong.param).toBe('client_secret');
    const method = await harness.publishable.paymentMethods.create({
      type: 'card',
      card: { number: '4242424242424242', exp_month: 12, exp_year: 2034, cvc: '123' },
    });
    expect(method.card?.last4).toBe('4242');
    const confirmed = await harness.publishable.paymentIntents.confirm(intent.id, {
      payment_method: method.id,
      client_secret: secret,
    } as Stripe.PaymentIntentConfirmParams);
    expect(confirmed.status).toBe('succeeded');
  });

  it('accepts raw card data in payment_method_data with the publishable key', async () => {
    const intent = await harness.stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    const body = new URLSearchParams({
      client_secret: intent.client_secret as string,
      'payment_method_data[type]': 'card',
      'payment_method_data[card][number]': '4000000000009995',
      'payment_method_data[card][exp_month]': '12',
      'payment_method_data[card][exp_year]': '2034',
      'payment_method_data[card][cvc]': '123',
    });
    const response = await fetch(`${harness.sandbox.url}/v1/payment_intents/${intent.id}/confirm`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${harness.sandbox.publishableKey}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body,
    });
    expect(response.status).toBe(402);
    const { error } = (await response.json()) as {
      error: { type: string; decline_code: string; payment_intent: { id: string } };
    };
    expect(error).toMatchObject({
      type: 'card_error',
      decline_code: 'insufficient_funds',
      payment_intent: { id: intent.id },
    });
  });

  it('cancels an unpaid intent and refuses to cancel a paid one', async () => {
    const open = await harness.stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    const canceled = await harness.stripe.paymentIntents.cancel(open.id, {
      cancellation_reason: 'abandoned',
    });
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });
    const paid = await chargeCard(harness.stripe, 1000);
    const error = (await harness.stripe.paymentIntents
      .cancel(paid.id)
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(error.code).toBe('payment_intent_unexpected_state');
  });
});

describe('transfers and refunds', () => {
  it('needs available platform balance for a transfer without source_transaction', async () => {
    const account = await createOnboardedAccount(harness.stripe);
    const platform = await harness.stripe.balance.retrieve();
    const available = platform.available.find((entry) => entry.currency === 'usd')?.amount ?? 0;
    const error = (await harness.stripe.transfers
      .create({ amount: available + 1, currency: 'usd', destination: account.id })
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(error.code).toBe('balance_insufficient');
    const transfer = await harness.stripe.transfers.create({
      amount: 500,
      currency: 'usd',
      destination: account.id,
      transfer_group: 'direct',
    });
    expect(transfer.source_transaction).toBeNull();
    const seller = await harness.stripe.balance.retrieve({}, { stripeAccount: account.id });
    expect(seller.available[0]).toMatchObject({ amount: 500, currency: 'usd' });
  });

  it('refuses to transfer more than is left of the source charge', async () => {
    const account = await createOnboardedAccount(harness.stripe);
    const intent = await chargeCard(harness.stripe, 1000);
    const error = (await harness.stripe.transfers
      .create({
        amount: 1001,
        currency: 'usd',
        destination: account.id,
        source_transaction: intent.latest_charge as string,
      })
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(error.param).toBe('amount');
  });

  it('reverses transfers fully and partially but never more than transferred', async () => {
    const account = await createOnboardedAccount(harness.stripe);
    const intent = await chargeCard(harness.stripe, 5000);
    const transfer = await harness.stripe.transfers.create({
      amount: 3000,
      currency: 'usd',
      destination: account.id,
      source_transaction: intent.latest_charge as string,
    });
    const partial = await harness.stripe.transfers.createReversal(transfer.id, { amount: 1000 });
    expect(partial).toMatchObject({
      object: 'transfer_reversal',
      amount: 1000,
      transfer: transfer.id,
    });
    const tooMuch = (await harness.stripe.transfers
      .createReversal(transfer.id, { amount: 2001 })
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(tooMuch.param).toBe('amount');
    await harness.stripe.transfers.createReversal(transfer.id);
    const reversed = await harness.stripe.transfers.retrieve(transfer.id);
    expect(reversed).toMatchObject({ amount_reversed: 3000, reversed: true });
    expect(reversed.reversals.data).toHaveLength(2);
    const reversals = await harness.stripe.transfers.listReversals(transfer.id);
    expect(reversals.data.map((item) => item.amount)).toEqual([2000, 1000]);
  });

  it('refuses reverse_transfer on a charge without transfer_data: Stripe reverses only a destination charge’s transfer', async () => {
    const [first, second] = await Promise.all([
      createOnboardedAccount(harness.stripe),
      createOnboardedAccount(harness.stripe),
    ]);
    const intent = await chargeCard(harness.stripe, 10_000, 'pm_card_visa', {
      transfer_group: 'order_refund',
    });
    const charge = intent.latest_charge as string;
    await harness.stripe.transfers.create({
      amount: 6000,
      currency: 'usd',
      destination: first!.id,
      source_transaction: charge,
      transfer_group: 'order_refund',
    });
    await harness.stripe.transfers.create({
      amount: 3000,
      currency: 'usd',
      destination: second!.id,
      source_transaction: charge,
      transfer_group: 'order_refund',
    });
    const refused = (await harness.stripe.refunds
      .create({ payment_intent: intent.id, amount: 5000, reverse_transfer: true })
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(refused).toMatchObject({ statusCode: 400, param: 'reverse_transfer' });
    expect(await harness.stripe.charges.retrieve(charge)).toMatchObject({ amount_refunded: 0 });
    // Separate charges and transfers: refund the charge, then reverse each transfer explicitly.
    const refund = await harness.stripe.refunds.create({
      payment_intent: intent.id,
      amount: 5000,
      reason: 'requested_by_customer',
    });
    expect(refund).toMatchObject({
      status: 'succeeded',
      amount: 5000,
      reason: 'requested_by_customer',
      transfer_reversal: null,
    });
    const transfers = await harness.stripe.transfers.list({ transfer_group: 'order_refund' });
    expect(transfers.data.map((transfer) => transfer.amount_reversed)).toEqual([0, 0]);
    const refundedCharge = await harness.stripe.charges.retrieve(charge);
    expect(refundedCharge).toMatchObject({ amount_refunded: 5000, refunded: false });
    const tooLarge = (await harness.stripe.refunds
      .create({ charge, amount: 5001 })
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(tooLarge.code).toBe('amount_too_large');
    await harness.stripe.refunds.create({ charge, refund_application_fee: true });
    expect(await harness.stripe.charges.retrieve(charge)).toMatchObject({
      amount_refunded: 10_000,
      refunded: true,
    });
    const again = (await harness.stripe.refunds
      .create({ charge })
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(again.code).toBe('charge_already_refunded');
  });
});

describe('disputes', () => {
  it('opens a dispute for the createDispute card, withdraws amount plus fee, and closes won or lost', async () => {
    const before = (await harness.stripe.balance.retrieve()).available[0]?.amount ?? 0;
    const intent = await chargeCard(harness.stripe, 8000, 'pm_card_createDispute');
    const disputes = await harness.stripe.disputes.list({ charge: intent.latest_charge as string });
    const dispute = disputes.data[0] as Stripe.Dispute;
    expect(dispute).toMatchObject({ status: 'needs_response', amount: 8000, reason: 'fraudulent' });
    expect(dispute.balance_transactions[0]).toMatchObject({
      amount: -8000,
      fee: 1500,
      net: -9500,
      type: 'adjustment',
    });
    const after = (await harness.stripe.balance.retrieve()).available[0]?.amount ?? 0;
    expect(after - before).toBe(-9500);
    await harness.sandbox.closeDispute(dispute.id, 'won');
    const won = await harness.stripe.disputes.retrieve(dispute.id);
    expect(won.status).toBe('won');
    expect(won.balance_transactions.map((transaction) => transaction.net)).toEqual([-9500, 8000]);

    const lostIntent = await chargeCard(harness.stripe, 1000, 'pm_card_createDispute');
    const lost = (
      await harness.stripe.disputes.list({ charge: lostIntent.latest_charge as string })
    ).data[0] as Stripe.Dispute;
    const closed = await harness.stripe.disputes.close(lost.id);
    expect(closed.status).toBe('lost');
    const events = await harness.stripe.events.list({ type: 'charge.dispute.closed' });
    expect(events.data.map((event) => (event.data.object as Stripe.Dispute).id)).toEqual(
      expect.arrayContaining([dispute.id, lost.id]),
    );
  });
});

describe('pricing', () => {
  it('rounds the percentage fee half up in integer minor units', async () => {
    // 2.9% of 500 is exactly 14.5.
    const intent = await chargeCard(harness.stripe, 500);
    const charge = await harness.stripe.charges.retrieve(intent.latest_charge as string, {
      expand: ['balance_transaction'],
    });
    expect((charge.balance_transaction as Stripe.BalanceTransaction).fee).toBe(45);
  });

  it('uses a configured fee schedule', async () => {
    const custom = await startHarness({
      pricing: { cardPercentBasisPoints: 150, cardFixed: 0, disputeFee: 2000 },
    });
    try {
      const intent = await chargeCard(custom.stripe, 10_000);
      const charge = await custom.stripe.charges.retrieve(intent.latest_charge as string, {
        expand: ['balance_transaction'],
      });
      expect((charge.balance_transaction as Stripe.BalanceTransaction).fee).toBe(150);
      const disputed = await chargeCard(custom.stripe, 1000, 'pm_card_createDispute');
      const dispute = (
        await custom.stripe.disputes.list({ charge: disputed.latest_charge as string })
      ).data[0];
      expect(dispute?.balance_transactions[0]?.fee).toBe(2000);
    } finally {
      await custom.sandbox.stop();
    }
  });
});
