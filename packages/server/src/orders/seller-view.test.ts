import { SellerOrderSchema } from '@marketkit/core/contract';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createHarness, type Harness } from '../testing/harness';
import { createTestPgliteStore } from '../testing/test-pglite';

describe('what a seller sees of an order', () => {
  let harness: Harness;
  let orderId = '';

  beforeAll(async () => {
    harness = await createHarness({ store: createTestPgliteStore(inject('pgliteTemplate')) });
    await harness.onboardSeller('ann');
    await harness.onboardSeller('ben');
    const checkout = await harness.http
      .post('/api/checkout')
      .set(harness.as('buyer'))
      .send(
        harness.cart([
          { sellerId: 'ann', amount: 3000, quantity: 1, description: 'Lamp' },
          { sellerId: 'ben', amount: 7000, quantity: 1, description: 'Rug' },
        ]),
      );
    orderId = checkout.body.orderId;
    await harness.pay(checkout.body.paymentIntentId);
    await harness.settle();
    const refund = await harness.http
      .post(`/api/orders/${orderId}/refunds`)
      .set(harness.as('admin', 'admin'))
      .send({ amount: 4000, reason: 'requested_by_customer' });
    expect(refund.status, JSON.stringify(refund.body)).toBe(200);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('shows a seller their own subtotal, fee, transfer and reversals, and nothing of the whole order', async () => {
    const admin = await harness.http
      .get(`/api/orders/${orderId}`)
      .set(harness.as('admin', 'admin'));
    const annReversal = admin.body.refunds[0].reversals.find(
      (reversal: { sellerId: string }) => reversal.sellerId === 'ann',
    );
    const response = await harness.http
      .get(`/api/orders/${orderId}`)
      .set(harness.as('ann', 'seller'));
    expect(response.status).toBe(200);
    const view = SellerOrderSchema.strict().parse(response.body);
    expect(view.seller).toMatchObject({
      sellerId: 'ann',
      subtotal: 3000,
      fee: 300,
      transferAmount: 2700,
      transfer: { status: 'partially_reversed', reversed: annReversal.amount },
    });
    expect(view.reversals).toEqual([
      {
        refundId: admin.body.refunds[0].id,
        amount: annReversal.amount,
        createdAt: expect.any(Number),
      },
    ]);
    // No total, platform fee, refunded amount or refund list, and no trace of the other seller.
    const text = JSON.stringify(response.body);
    for (const figure of ['total', 'platformFee', 'refunded', 'refunds', 'platformShare'])
      expect(response.body).not.toHaveProperty(figure);
    expect(text).not.toContain('ben');
    expect(text).not.toContain('4000');
    expect(text).not.toContain(String(admin.body.total));
  });

  it('still shows the buyer and admins the whole order', async () => {
    const buyer = await harness.http.get(`/api/orders/${orderId}`).set(harness.as('buyer'));
    expect(buyer.body).toMatchObject({ total: 10_000, refunded: 4000 });
    expect(buyer.body.sellers).toHaveLength(2);
  });
});
