import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestPgliteStore } from '../testing/test-pglite';
import { createPostgresStore } from './postgres-store';
import * as repository from './repository';
import type { Store } from './store';

const status = (id: string): repository.StoredAccountSnapshot => ({
  id,
  country: 'US',
  default_currency: 'usd',
  details_submitted: true,
  charges_enabled: true,
  payouts_enabled: true,
  capabilities: { transfers: 'active' },
  requirements: {
    currently_due: [],
    eventually_due: [],
    past_due: [],
    pending_verification: [],
    disabled_reason: null,
    current_deadline: null,
    errors: [],
  },
  dashboard: 'express',
});

const order = (id: string, sellers: number): repository.OrderRecord => ({
  id,
  buyerUserId: 'buyer_1',
  currency: 'usd',
  total: 1000 * sellers,
  platformFee: 100 * sellers,
  status: 'awaiting_payment',
  paymentIntentId: null,
  chargeId: null,
  refunded: 0,
  dispute: null,
  createdAt: 0,
  sellers: Array.from({ length: sellers }, (_, index) => ({
    sellerId: `seller_${index}`,
    accountId: `acct_${index}`,
    displayName: `Seller ${index}`,
    subtotal: 1000,
    fee: 100,
    transfer: 900,
    lines: [{ description: 'Mug', amount: 1000, quantity: 1 }],
  })),
});

const stores: [string, () => Store][] = [
  ['PGlite', () => createTestPgliteStore(inject('pgliteTemplate'))],
  ['PostgreSQL', () => createPostgresStore({ connectionString: inject('postgresUrl') })],
];

describe.each(stores)('%s store', (name, create) => {
  let store: Store;
  beforeAll(async () => {
    store = create();
    await store.migrate();
    // A second migrate is a no-op, as when a second instance starts.
    await store.migrate();
  });
  afterAll(async () => {
    await store.close();
  });

  it('maps a user to exactly one connected account, first writer wins', async () => {
    const userId = `user_${name}_accounts`;
    await repository.upsertAccountUser(store, { userId, displayName: 'Ada' });
    await repository.linkAccount(store, userId, 'acct_first', status('acct_first'));
    const second = await repository.linkAccount(
      store,
      userId,
      'acct_second',
      status('acct_second'),
    );
    expect(second.accountId).toBe('acct_first');
    expect((await repository.findAccountById(store, 'acct_first'))?.userId).toBe(userId);
    expect(await repository.findAccountById(store, 'acct_second')).toBeNull();
  });

  it('plans one transfer per seller however often a payment is reported', async () => {
    const record = order(`ord_${name}_plan`, 3);
    await repository.insertOrder(store, record);
    expect(await repository.planTransfers(store, record, 'ch_1')).toBe(3);
    expect(await repository.planTransfers(store, record, 'ch_1')).toBe(0);
    const transfers = await repository.listTransfersForOrder(store, record.id);
    expect(transfers.map((transfer) => transfer.id)).toEqual([
      `transfer:${record.id}:seller_0`,
      `transfer:${record.id}:seller_1`,
      `transfer:${record.id}:seller_2`,
    ]);
    expect(
      transfers.every((transfer) => transfer.status === 'planned' && transfer.amount === 900),
    ).toBe(true);
  });

  it('pages orders created in the same instant by id, each exactly once', async () => {
    const buyerUserId = `buyer_${name}_list`;
    const ids = ['ord_list_c', 'ord_list_a', 'ord_list_d', 'ord_list_b'].map(
      (id) => `${id}_${name}`,
    );
    // One transaction: now() is the same for every row, so only the id orders them.
    await store.transaction(async (client) => {
      for (const id of ids) await repository.insertOrder(client, { ...order(id, 1), buyerUserId });
    });
    const scope = { kind: 'buyer', userId: buyerUserId } as const;
    const seen: string[] = [];
    let startingAfter: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const rows = await repository.listOrders(store, scope, {
        limit: 1,
        ...(startingAfter ? { startingAfter } : {}),
      });
      if (rows.length === 0) break;
      seen.push(rows[0]!.id);
      startingAfter = rows[0]!.id;
    }
    expect(seen).toEqual([...ids].sort().reverse());
    const sellerRows = await repository.listOrders(
      store,
      { kind: 'seller', userId: 'seller_0' },
      { limit: 100 },
    );
    expect(sellerRows.map((row) => row.id)).toEqual(expect.arrayContaining(ids));
    const strangerRows = await repository.listOrders(
      store,
      { kind: 'seller', userId: 'seller_9' },
      { limit: 100 },
    );
    expect(strangerRows.filter((row) => ids.includes(row.id))).toEqual([]);
  });

  it('rolls back every write of a failed transaction', async () => {
    const record = order(`ord_${name}_rollback`, 1);
    await expect(
      store.transaction(async (client) => {
        await repository.insertOrder(client, record);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await repository.findOrder(store, record.id)).toBeNull();
  });

  it('records a webhook event id once', async () => {
    expect(
      await repository.recordWebhookEvent(store, `evt_${name}`, 'payment_intent.succeeded'),
    ).toBe(true);
    expect(
      await repository.recordWebhookEvent(store, `evt_${name}`, 'payment_intent.succeeded'),
    ).toBe(false);
  });

  it('hands each due transfer to exactly one of many concurrent claimers', async () => {
    const record = order(`ord_${name}_claim`, 40);
    await repository.insertOrder(store, record);
    await repository.planTransfers(store, record, 'ch_2');
    const claimed: string[] = [];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (;;) {
          const batch = await store.transaction((client) =>
            repository.claimDueTransfers(client, 3, 60),
          );
          const mine = batch.filter((transfer) => transfer.orderId === record.id);
          if (batch.length === 0) return;
          claimed.push(...mine.map((transfer) => transfer.id));
          for (const transfer of batch)
            await repository.completeTransfer(store, transfer, `tr_${transfer.id}`);
        }
      }),
    );
    expect(claimed).toHaveLength(40);
    expect(new Set(claimed).size).toBe(40);
  });

  it('lets a transfer whose lease expired be claimed again, as after a crash', async () => {
    const record = order(`ord_${name}_lease`, 1);
    await repository.insertOrder(store, record);
    await repository.planTransfers(store, record, 'ch_3');
    const first = await store.transaction((client) => repository.claimDueTransfers(client, 10, 0));
    expect(first.map((transfer) => transfer.id)).toContain(`transfer:${record.id}:seller_0`);
    const again = await store.transaction((client) => repository.claimDueTransfers(client, 10, 60));
    const resumed = again.find((transfer) => transfer.orderId === record.id);
    expect(resumed?.attempts).toBe(2);
    // The first claim's holder wakes up late: it no longer owns the row and cannot settle it.
    const stale = first.find((transfer) => transfer.orderId === record.id)!;
    expect(await repository.failTransfer(store, stale, 'late')).toBe(false);
    expect(await repository.completeTransfer(store, stale, 'tr_stale')).toBe(false);
    expect(await repository.completeTransfer(store, resumed!, 'tr_lease')).toBe(true);
    const [settled] = await repository.listTransfersForOrder(store, record.id);
    expect(settled).toMatchObject({ status: 'paid', stripeTransferId: 'tr_lease' });
    expect(await repository.countUnsettledTransfers(store)).toBe(0);
  });

  it('adds a reversal to its transfer exactly once', async () => {
    const record = order(`ord_${name}_reverse`, 1);
    await repository.insertOrder(store, record);
    await repository.planTransfers(store, record, 'ch_4');
    const claimed = await store.transaction((client) =>
      repository.claimDueTransfers(client, 10, 60),
    );
    const claim = claimed.find((transfer) => transfer.orderId === record.id)!;
    await repository.completeTransfer(store, claim, `tr_${name}_reverse`);
    await store.transaction((client) =>
      repository.insertRefund(
        client,
        {
          id: `rf_${name}`,
          orderId: record.id,
          idempotencyKey: `key_${name}`,
          amount: 500,
          reason: 'requested_by_customer',
          status: 'succeeded',
          stripeRefundId: `re_${name}`,
          platformShare: 50,
        },
        [{ sellerId: 'seller_0', transferId: `tr_${name}_reverse`, amount: 450 }],
      ),
    );
    const [reversal] = await store.transaction((client) =>
      repository.claimDueReversals(client, 10, 60),
    );
    expect(reversal).toMatchObject({ refundId: `rf_${name}`, amount: 450, fence: 1 });
    expect(await repository.completeReversal(store, reversal!, 'trr_1')).toBe(true);
    // A second settlement (a stale or repeated claim) changes nothing.
    expect(await repository.completeReversal(store, reversal!, 'trr_1')).toBe(false);
    const [transfer] = await repository.listTransfersForOrder(store, record.id);
    expect(transfer?.reversed).toBe(450);
    expect((await repository.sumReversedBySeller(store, record.id)).get('seller_0')).toBe(450);
  });

  it('keeps a debt recovery in flight out of netting, and records each recovery once with its method', async () => {
    const sellerId = `debtor_${name}`;
    const sale = (id: string): repository.OrderRecord => {
      const base = order(id, 1);
      return { ...base, sellers: base.sellers.map((seller) => ({ ...seller, sellerId })) };
    };
    const insertDebt = (id: string, amount: number) =>
      store.query(
        `insert into mk_debts (id, seller_id, account_id, currency, amount, order_id, refund_id, reversible, transfer_id, recovery_next_at)
         values ($1, $2, 'acct_0', 'usd', $3, 'ord_refunded', $1, $3, 'tr_refunded', now())`,
        [id, sellerId, amount],
      );
    const debt = async (id: string) =>
      (await repository.listDebts(store, sellerId)).find((item) => item.id === id)!;
    await insertDebt(`debt_a_${name}`, 700);
    const [job] = (
      await store.transaction((client) => repository.claimDueRecoveries(client, 10, 60))
    ).filter((claimed) => claimed.sellerId === sellerId);
    expect(job).toMatchObject({ amount: 700, transferId: 'tr_refunded', fence: 1 });
    // A sale while the reversal is in flight nets nothing of the reserved 700.
    const first = sale(`ord_${name}_during`);
    await repository.insertOrder(store, first);
    await repository.planTransfers(store, first, 'ch_during');
    expect((await repository.listTransfersForOrder(store, first.id))[0]?.amount).toBe(900);
    expect(await repository.completeRecovery(store, job!, 'trr_recovered')).toBe(700);
    expect(await repository.completeRecovery(store, job!, 'trr_recovered')).toBeNull();
    expect(await debt(`debt_a_${name}`)).toMatchObject({ recovered: 700, reversing: 0 });
    const { rows } = await store.query(
      'select amount, method, stripe_reversal_id from mk_debt_repayments where debt_id = $1',
      [`debt_a_${name}`],
    );
    expect(rows).toEqual([
      { amount: 700, method: 'reversal', stripe_reversal_id: 'trr_recovered' },
    ]);

    // A refused attempt gives the reservation back: the next sale nets the debt instead.
    await insertDebt(`debt_b_${name}`, 500);
    const [refused] = (
      await store.transaction((client) => repository.claimDueRecoveries(client, 10, 60))
    ).filter((claimed) => claimed.sellerId === sellerId);
    expect(refused?.amount).toBe(500);
    expect(await repository.releaseRecovery(store, refused!, null)).toBe(true);
    const second = sale(`ord_${name}_after`);
    await repository.insertOrder(store, second);
    await repository.planTransfers(store, second, 'ch_after');
    expect((await repository.listTransfersForOrder(store, second.id))[0]?.amount).toBe(400);
    expect(await debt(`debt_b_${name}`)).toMatchObject({ recovered: 500, reversing: 0 });
  });
});
