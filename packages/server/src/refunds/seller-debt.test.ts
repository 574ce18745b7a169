import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as repository from '../stores/repository';
import { createHarness, type Harness } from '../testing/harness';
import { createTestPgliteStore } from '../testing/test-pglite';

const DAY = 24 * 60 * 60;

// Stripe refuses a reversal the seller's balance cannot cover; the platform has covered the buyer, so
// the seller owes the difference, taken off their next transfers to the cent.
describe('seller debt from refused reversals', () => {
  let harness: Harness;
  const recorded: { sellerId: string; amount: number; orderId: string }[] = [];
  const recovered: {
    sellerId: string;
    amount: number;
    repaidByOrderId: string;
    method: string;
  }[] = [];

  beforeAll(async () => {
    harness = await createHarness({
      store: createTestPgliteStore(inject('pgliteTemplate')),
      routerOptions: {
        onDebtRecorded: (event) => void recorded.push(event),
        onDebtRecovered: (event) => void recovered.push(event),
      },
    });
  });
  afterAll(async () => {
    await harness?.close();
  });

  async function paidOutSeller(sellerId: string, amount: number, paymentMethod?: string) {
    await harness.onboardSeller(sellerId);
    const seller = harness.as(sellerId, 'seller');
    await harness.http.put('/api/payout-schedule').set(seller).send({ interval: 'manual' });
    const checkout = await harness.http
      .post('/api/checkout')
      .set(harness.as('buyer'))
      .send(harness.cart([{ sellerId, amount, quantity: 1 }]));
    expect(checkout.status, JSON.stringify(checkout.body)).toBe(200);
    await harness.pay(checkout.body.paymentIntentId, paymentMethod);
    await harness.settle();
    await harness.sandbox.advanceClock(3 * DAY);
    const payout = await harness.http.post('/api/payouts').set(seller).send({ method: 'standard' });
    expect(payout.status, JSON.stringify(payout.body)).toBe(200);
    return checkout.body.orderId as string;
  }

  async function transferAmounts(orderId: string) {
    const page = await harness.stripe.transfers.list({ transfer_group: orderId, limit: 100 });
    return page.data.map((transfer) => transfer.amount);
  }

  it('records a refund after payout as debt and recovers it from the next order to the cent', async () => {
    const first = await paidOutSeller('dora', 5000);
    const refund = await harness.http
      .post(`/api/orders/${first}/refunds`)
      .set(harness.as('admin_1', 'admin'))
      .send({ amount: 2500, reason: 'requested_by_customer' });
    expect(refund.status, JSON.stringify(refund.body)).toBe(200);
    await harness.settle();
    // Half the order: the seller's share of it (90 %) is owed, the platform's 10 % it gives back itself.
    const [debt] = await repository.listDebts(harness.store, 'dora');
    expect(debt).toMatchObject({ amount: 2250, recovered: 0, currency: 'usd', orderId: first });
    expect(recorded).toContainEqual(expect.objectContaining({ sellerId: 'dora', amount: 2250 }));
    const [firstTransfer] = (
      await harness.stripe.transfers.list({ transfer_group: first, limit: 1 })
    ).data;
    expect(firstTransfer?.amount_reversed).toBe(0);
    // The seller sees what they owe and why; the platform sees it as exposure, by seller with age.
    const risk = await harness.http.get('/api/risk').set(harness.as('dora', 'seller'));
    expect(risk.body.signals).toContainEqual(
      expect.objectContaining({
        kind: 'seller_debt',
        amount: { amount: 2250, currency: 'usd' },
        objectId: first,
        reason: 'refund',
      }),
    );
    const platform = await harness.http
      .get('/api/platform/risk')
      .set(harness.as('admin_1', 'admin'));
    expect(platform.status).toBe(200);
    expect(platform.body.debts).toContainEqual(
      expect.objectContaining({
        sellerId: 'dora',
        source: 'refund',
        orderId: first,
        outstanding: { amount: 2250, currency: 'usd' },
        ageDays: 0,
      }),
    );
    expect(platform.body.exposure).toContainEqual({ amount: 2250, currency: 'usd' });

    // The next sale (1000 → 900 for the seller) repays 900; the one after (3000 → 2700) the other 1350.
    const second = await harness.buy('buyer', [{ sellerId: 'dora', amount: 1000, quantity: 1 }]);
    expect(await transferAmounts(second.orderId)).toEqual([]);
    expect((await repository.listDebts(harness.store, 'dora'))[0]?.recovered).toBe(900);
    const third = await harness.buy('buyer', [{ sellerId: 'dora', amount: 3000, quantity: 1 }]);
    expect(await transferAmounts(third.orderId)).toEqual([2700 - 1350]);
    expect((await repository.listDebts(harness.store, 'dora'))[0]).toMatchObject({
      amount: 2250,
      recovered: 2250,
    });
    expect(await repository.listDebtRepaymentsForOrder(harness.store, third.orderId)).toEqual([
      expect.objectContaining({ debtId: debt!.id, amount: 1350 }),
    ]);
    expect(recovered.filter((event) => event.sellerId === 'dora')).toEqual([
      expect.objectContaining({ amount: 900, repaidByOrderId: second.orderId }),
      expect.objectContaining({ amount: 1350, repaidByOrderId: third.orderId }),
    ]);
    // Money conserved: every cent charged was transferred, refunded or kept as the platform's fee
    // (its 10 % of the refunded half went back to the buyer). Seller shares before netting, minus the
    // recovered debt, are the transfers actually made.
    const charges = 5000 + 1000 + 3000;
    const sellerShares = 4500 + 900 + 2700;
    const made = (
      await Promise.all([first, second.orderId, third.orderId].map(transferAmounts))
    ).flat();
    const transfersMade = made.reduce((sum, amount) => sum + amount, 0);
    expect(transfersMade).toBe(sellerShares - 2250);
    const platformKeeps = 500 + 100 + 300 - 250;
    expect(transfersMade + platformKeeps + 2500).toBe(charges);
  });

  it('records a lost dispute after payout as debt, recovered from the next order', async () => {
    const disputed = await paidOutSeller('dino', 4000, 'pm_card_createDispute');
    const order = await repository.findOrder(harness.store, disputed);
    await harness.sandbox.closeDispute(order!.dispute!.id, 'lost');
    await harness.settle();
    const [debt] = await repository.listDebts(harness.store, 'dino');
    expect(debt).toMatchObject({ amount: 3600, recovered: 0, orderId: disputed });
    const owed = await harness.http.get('/api/risk').set(harness.as('dino', 'seller'));
    expect(owed.body.signals).toContainEqual(
      expect.objectContaining({ kind: 'seller_debt', reason: 'dispute', objectId: disputed }),
    );
    const next = await harness.buy('buyer', [{ sellerId: 'dino', amount: 5000, quantity: 1 }]);
    expect(await transferAmounts(next.orderId)).toEqual([4500 - 3600]);
    expect((await repository.listDebts(harness.store, 'dino'))[0]?.recovered).toBe(3600);
    // Repaid: nothing left to show.
    const risk = await harness.http.get('/api/risk').set(harness.as('dino', 'seller'));
    expect(risk.body.signals.map((signal: { kind: string }) => signal.kind)).not.toContain(
      'seller_debt',
    );
  });

  it('retries the refused reversal once the seller’s funds are available, recovering the debt by reversal', async () => {
    const first = await paidOutSeller('rita', 5000);
    // A second sale's 2700 is still pending when the first order is refunded: the balance cannot cover it.
    const checkout = await harness.http
      .post('/api/checkout')
      .set(harness.as('buyer'))
      .send(harness.cart([{ sellerId: 'rita', amount: 3000, quantity: 1 }]));
    await harness.pay(checkout.body.paymentIntentId, 'pm_card_visa');
    await harness.settle();
    expect(await transferAmounts(checkout.body.orderId)).toEqual([2700]);
    const refund = await harness.http
      .post(`/api/orders/${first}/refunds`)
      .set(harness.as('admin_1', 'admin'))
      .send({ amount: 2500, reason: 'requested_by_customer' });
    expect(refund.status, JSON.stringify(refund.body)).toBe(200);
    await harness.settle();
    expect((await repository.listDebts(harness.store, 'rita'))[0]).toMatchObject({
      amount: 2250,
      recovered: 0,
    });
    // The funds become available; Stripe says so with balance.available and the reversal is retried.
    // Its first answer is a 500 saved for the key after the reversal was made: the worker finds the
    // reversal by its metadata and adopts it rather than reversing twice.
    harness.sandbox.injectFault({
      method: 'POST',
      path: '/v1/transfers/',
      count: 1,
      status: 500,
      phase: 'after-execution',
    });
    const requestsBefore = harness.counter.requests.length;
    await harness.sandbox.advanceClock(3 * DAY);
    await harness.settle();
    const [debt] = await repository.listDebts(harness.store, 'rita');
    // One reversal call (answered 500), then a look-up that found it: no second reversal call.
    const calls = harness.counter.requests
      .slice(requestsBefore)
      .filter((line) => line.includes('/reversals'));
    expect(calls.map((line) => line.split(' ')[0])).toEqual(['POST', 'GET']);
    expect(debt).toMatchObject({ amount: 2250, recovered: 2250, reversing: 0 });
    const [firstTransfer] = (
      await harness.stripe.transfers.list({ transfer_group: first, limit: 1 })
    ).data;
    const reversals = await harness.stripe.transfers.listReversals(firstTransfer!.id);
    expect(reversals.data.map((reversal) => reversal.amount)).toEqual([2250]);
    expect(recovered.filter((event) => event.sellerId === 'rita')).toEqual([
      expect.objectContaining({ amount: 2250, method: 'reversal', repaidByOrderId: first }),
    ]);
    const account = (await repository.findAccountByUser(harness.store, 'rita'))!.accountId!;
    const balance = await harness.stripe.balance.retrieve({}, { stripeAccount: account });
    expect(balance.available.find((entry) => entry.currency === 'usd')?.amount).toBe(2700 - 2250);
    // Recovered once: the next sale is paid in full, and another balance.available changes nothing.
    const next = await harness.buy('buyer', [{ sellerId: 'rita', amount: 1000, quantity: 1 }]);
    expect(await transferAmounts(next.orderId)).toEqual([900]);
    await harness.sandbox.advanceClock(3 * DAY);
    await harness.settle();
    expect((await repository.listDebts(harness.store, 'rita'))[0]?.recovered).toBe(2250);
    expect((await harness.stripe.transfers.listReversals(firstTransfer!.id)).data).toHaveLength(1);
  });

  it('never reverses more than a netted transfer sent: the rest of a refunded share is owed again', async () => {
    const first = await paidOutSeller('nina', 5000);
    await harness.http
      .post(`/api/orders/${first}/refunds`)
      .set(harness.as('admin_1', 'admin'))
      .send({ amount: 2500, reason: 'requested_by_customer' });
    await harness.settle();
    // 3000 → 2700 owed, 2250 of it repays the debt: 450 is sent.
    const second = await harness.buy('buyer', [{ sellerId: 'nina', amount: 3000, quantity: 1 }]);
    expect(await transferAmounts(second.orderId)).toEqual([450]);
    const refund = await harness.http
      .post(`/api/orders/${second.orderId}/refunds`)
      .set(harness.as('admin_1', 'admin'))
      .send({ reason: 'requested_by_customer' });
    expect(refund.status, JSON.stringify(refund.body)).toBe(200);
    await harness.settle();
    // The seller's 2700 share comes back as the 450 the transfer sent plus 2250 owed again.
    const [secondTransfer] = (
      await harness.stripe.transfers.list({ transfer_group: second.orderId, limit: 1 })
    ).data;
    const reversals = await harness.stripe.transfers.listReversals(secondTransfer!.id);
    expect(reversals.data.map((reversal) => reversal.amount)).toEqual([450]);
    const debts = await repository.listDebts(harness.store, 'nina');
    expect(debts.map(({ amount, recovered, orderId }) => ({ amount, recovered, orderId }))).toEqual(
      [
        { amount: 2250, recovered: 0, orderId: second.orderId },
        { amount: 2250, recovered: 2250, orderId: first },
      ],
    );
    const third = await harness.buy('buyer', [{ sellerId: 'nina', amount: 5000, quantity: 1 }]);
    expect(await transferAmounts(third.orderId)).toEqual([4500 - 2250]);
    // What Stripe holds adds up: charges − refunds = net transfers + fees kept − debt outstanding.
    const charges = 5000 + 3000 + 5000;
    const refunds = 2500 + 3000;
    const netTransfers = 4500 + (450 - 450) + 2250;
    const feesKept = 500 - 250 + (300 - 300) + 500;
    const outstanding = (await repository.listDebts(harness.store, 'nina')).reduce(
      (sum, debt) => sum + debt.amount - debt.recovered,
      0,
    );
    expect(outstanding).toBe(0);
    expect(charges - refunds).toBe(netTransfers + feesKept - outstanding);
  });
});
