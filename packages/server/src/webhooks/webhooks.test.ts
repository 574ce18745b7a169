import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import express from 'express';
import request from 'supertest';
import type Stripe from 'stripe';
import { createWebhookHandler, type MarketkitRouter } from '../router';
import { deriveOnboardingState } from '@marketkit/core';
import * as repository from '../stores/repository';
import { createHarness, HARNESS_ADAPTER, type Harness } from '../testing/harness';
import { createTestPostgresStore } from '../testing/test-database';

// The sandbox does not deliver here: the test hands events over itself, in the order it chooses.
describe('webhook delivery order', () => {
  let harness: Harness;

  async function eventsFor(objectIds: string[]): Promise<Stripe.Event[]> {
    const page = await harness.stripe.events.list({ limit: 100 });
    return page.data
      .filter((event) => objectIds.includes((event.data.object as { id: string }).id))
      .reverse();
  }

  beforeAll(async () => {
    harness = await createHarness({
      store: await createTestPostgresStore(inject('postgresUrl')),
      webhooks: false,
      // The test starts the worker itself, so the early refund reliably meets unpaid transfers.
      routerOptions: {
        worker: {
          autoStart: false,
          baseDelayMs: 5,
          maxDelayMs: 40,
          pollIntervalMs: 20,
          callsPerSecond: 1000,
        },
      },
    });
    for (const seller of ['ann', 'ben']) await harness.onboardSeller(seller);
  });
  afterAll(async () => {
    await harness?.close();
  });

  async function twoSellerOrder() {
    const checkout = await harness.http
      .post('/api/checkout')
      .set(harness.as('buyer'))
      .send(
        harness.cart([
          { sellerId: 'ann', description: 'Lamp', amount: 6000, quantity: 1 },
          { sellerId: 'ben', description: 'Rug', amount: 4000, quantity: 1 },
        ]),
      );
    const paymentIntent = await harness.pay(checkout.body.paymentIntentId);
    return {
      orderId: checkout.body.orderId as string,
      paymentIntent,
      chargeId: String(paymentIntent.latest_charge),
    };
  }

  it('takes a refund that happened before the payment was seen off the transfers, whatever the delivery order', async () => {
    const { orderId, paymentIntent, chargeId } = await twoSellerOrder();
    // A refund made in the Dashboard before MarketKit saw the payment.
    await harness.stripe.refunds.create({ payment_intent: paymentIntent.id, amount: 2500 });
    const events = await eventsFor([paymentIntent.id, chargeId]);
    const succeeded = events.find((event) => event.type === 'payment_intent.succeeded')!;
    const refunded = events.find((event) => event.type === 'charge.refunded')!;

    expect((await harness.deliverEvent(refunded)).body).toEqual({
      received: true,
      duplicate: false,
    });
    harness.router.marketkit.worker.start();
    await harness.router.marketkit.worker.drain();
    expect((await harness.deliverEvent(succeeded)).body).toEqual({
      received: true,
      duplicate: false,
    });
    expect((await harness.deliverEvent(refunded)).body).toEqual({
      received: true,
      duplicate: true,
    });
    expect((await harness.deliverEvent(succeeded)).body).toEqual({
      received: true,
      duplicate: true,
    });
    await harness.router.marketkit.worker.drain();

    const transfers = await harness.stripe.transfers.list({ transfer_group: orderId });
    expect(transfers.data).toHaveLength(2);
    const order = (await harness.router.marketkit.orders.get(orderId))!;
    expect(order.status).toBe('partially_refunded');
    expect(order.refunded).toBe(2500);
    expect(order.refunds).toHaveLength(1);
    const reversed = order.sellers.reduce((sum, seller) => sum + seller.transfer.reversed, 0);
    expect(reversed + order.refunds[0]!.platformShare).toBe(2500);
    // Each seller was sent their share minus their part of the refund; nothing is left to reverse.
    for (const seller of order.sellers) {
      const transfer = transfers.data.find((candidate) => candidate.id === seller.transfer.id)!;
      expect(transfer.amount).toBe(seller.transferAmount - seller.transfer.reversed);
      expect(transfer.amount_reversed).toBe(0);
    }
  });

  it('asks Stripe to redeliver a refund that lands while transfers are in flight, then reverses them', async () => {
    await harness.router.marketkit.worker.stop();
    const { orderId, paymentIntent, chargeId } = await twoSellerOrder();
    const [succeeded] = (await eventsFor([paymentIntent.id])).filter(
      (event) => event.type === 'payment_intent.succeeded',
    );
    expect((await harness.deliverEvent(succeeded!)).status).toBe(200);
    await harness.stripe.refunds.create({ payment_intent: paymentIntent.id, amount: 1000 });
    const [refunded] = (await eventsFor([chargeId])).filter(
      (event) => event.type === 'charge.refunded',
    );

    const early = await harness.deliverEvent(refunded!);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('order_not_paid');
    harness.router.marketkit.worker.start();
    await harness.router.marketkit.worker.drain();
    expect((await harness.deliverEvent(refunded!)).body).toEqual({
      received: true,
      duplicate: false,
    });
    // The delivery makes the reversals it can claim; the running worker may have claimed them first, and
    // records them when Stripe answers.
    await harness.router.marketkit.worker.drain();

    const order = (await harness.router.marketkit.orders.get(orderId))!;
    expect(order.refunded).toBe(1000);
    const transfers = await harness.stripe.transfers.list({ transfer_group: orderId });
    expect(transfers.data).toHaveLength(2);
    for (const transfer of transfers.data) {
      const seller = order.sellers.find((candidate) => candidate.transfer.id === transfer.id)!;
      expect(transfer.amount).toBe(seller.transferAmount);
      expect(transfer.amount_reversed).toBe(seller.transfer.reversed);
    }
    const reversed = order.sellers.reduce((sum, seller) => sum + seller.transfer.reversed, 0);
    expect(reversed + order.refunds[0]!.platformShare).toBe(1000);
  });

  it('keeps the cached account status in step with account.updated', async () => {
    const cached = async () =>
      deriveOnboardingState((await repository.findAccountByUser(harness.store, 'cal'))?.status);
    const accountId = await harness.router.marketkit.accounts.ensureAccount({
      userId: 'cal',
      displayName: 'Cal',
    });
    await harness.onboardSeller('cal', { refresh: false });
    expect(await cached()).toBe('in_progress');
    const events = (
      await harness.stripe.events.list(
        { type: 'account.updated', limit: 100 },
        { stripeAccount: accountId },
      )
    ).data.reverse();
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) expect((await harness.deliverEvent(event)).status).toBe(200);
    expect(await cached()).toBe('enabled');
  });
  it('applies a dispute closing before its opening as the final state, reversing sellers once', async () => {
    const checkout = await harness.http
      .post('/api/checkout')
      .set(harness.as('buyer'))
      .send(harness.cart([{ sellerId: 'ann', description: 'Chair', amount: 3000, quantity: 1 }]));
    const paymentIntent = await harness.pay(checkout.body.paymentIntentId, 'pm_card_createDispute');
    const [succeeded] = (await eventsFor([paymentIntent.id])).filter(
      (event) => event.type === 'payment_intent.succeeded',
    );
    expect((await harness.deliverEvent(succeeded!)).status).toBe(200);
    harness.router.marketkit.worker.start();
    await harness.router.marketkit.worker.drain();
    const disputes = await harness.stripe.disputes.list({ payment_intent: paymentIntent.id });
    const disputeId = disputes.data[0]!.id;
    await harness.sandbox.closeDispute(disputeId, 'lost');
    const disputeEvents = await eventsFor([disputeId]);
    const created = disputeEvents.find((event) => event.type === 'charge.dispute.created')!;
    const closed = disputeEvents.find((event) => event.type === 'charge.dispute.closed')!;
    expect((await harness.deliverEvent(closed)).body.duplicate).toBe(false);
    expect((await harness.deliverEvent(created)).body.duplicate).toBe(false);
    expect((await harness.deliverEvent(closed)).body.duplicate).toBe(true);
    const order = await harness.router.marketkit.orders.get(checkout.body.orderId);
    // Lost is final whatever order the events arrive in.
    expect(order?.status).toBe('dispute_lost');
    expect(order?.dispute).toMatchObject({ id: disputeId, status: 'lost', amount: 3000 });
    const [transfer] = (
      await harness.stripe.transfers.list({ transfer_group: checkout.body.orderId })
    ).data;
    expect(transfer!.amount_reversed).toBe(transfer!.amount);
    expect(order?.sellers[0]?.transfer.reversed).toBe(transfer!.amount);
    // A dispute is not a refund: the order's refunds stay empty.
    expect(order?.refunds).toEqual([]);
  });
  // Express-only: the fetch adapter reads the body from the Request itself, so no parser can get there first.
  it.runIf(HARNESS_ADAPTER === 'express')(
    'works as a stand-alone handler before express.json(), and explains itself after it',
    async () => {
      const router = harness.router as MarketkitRouter;
      const payload = JSON.stringify({
        id: 'evt_standalone',
        object: 'event',
        type: 'balance.available',
        data: { object: { object: 'balance' } },
      });
      const signature = harness.stripe.webhooks.generateTestHeaderString({
        payload,
        secret: harness.webhookSecrets.platform,
      });
      const good = express();
      good.post('/stripe/webhooks', createWebhookHandler(router));
      good.use(express.json());
      const accepted = await request(good)
        .post('/stripe/webhooks')
        .set('Content-Type', 'application/json')
        .set('Stripe-Signature', signature)
        .send(payload);
      expect(accepted.status).toBe(200);
      expect(accepted.body).toEqual({ received: true, duplicate: false });

      const wrong = express();
      wrong.use(express.json());
      wrong.use('/api', router);
      const refused = await request(wrong)
        .post('/api/webhooks')
        .set('Content-Type', 'application/json')
        .set('Stripe-Signature', signature)
        .send(payload);
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('webhook_signature_invalid');
      expect(refused.body.error.message).toContain('before express.json()');
    },
  );
});
