import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './testing/harness';

describe('split checkout', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('pays three sellers exactly their share and keeps the platform fee', async () => {
    for (const seller of ['alice', 'bob', 'carol']) await harness.onboardSeller(seller);
    const checkout = await harness.http
      .post('/api/checkout')
      .set(harness.as('buyer_1'))
      .send({
        currency: 'usd',
        lines: [
          { sellerId: 'alice', description: 'Mug', amount: 1999, quantity: 2 },
          { sellerId: 'bob', description: 'Print', amount: 4550, quantity: 1 },
          { sellerId: 'carol', description: 'Socks', amount: 333, quantity: 3 },
        ],
      });
    expect(checkout.status, JSON.stringify(checkout.body)).toBe(200);
    expect(checkout.body.breakdown.total).toBe(1999 * 2 + 4550 + 333 * 3);
    await harness.pay(checkout.body.paymentIntentId);
    await harness.settle();
    const order = await harness.http
      .get(`/api/orders/${checkout.body.orderId}`)
      .set(harness.as('buyer_1'));
    expect(order.status).toBe(200);
    expect(order.body.status).toBe('paid');
    const transfers = await harness.stripe.transfers.list({
      transfer_group: checkout.body.orderId,
      limit: 100,
    });
    const transferred = transfers.data.reduce((sum, transfer) => sum + transfer.amount, 0);
    expect(transfers.data).toHaveLength(3);
    expect(transferred + order.body.platformFee).toBe(order.body.total);
  });
});
