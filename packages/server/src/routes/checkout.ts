import { randomBytes } from 'node:crypto';
import {
  allocateSplit,
  assertAmount,
  canReceiveTransfers,
  deriveOnboardingState,
  getCurrency,
  isSupportedCurrency,
} from '@marketkit/core';
import type { CheckoutResponse } from '@marketkit/core';
import { API_ROUTES, CheckoutRequestSchema } from '@marketkit/core/contract';
import { Router } from 'express';
import { requireUser, type RouteContext } from '../context';
import { HttpError } from '../errors';
import * as repository from '../stores/repository';
import type { AccountRecord, OrderSellerRecord } from '../stores/repository';
import { sendJson } from '../send-json';
import { parseRequest } from '../validation';

export function newOrderId(): string {
  return `ord_${randomBytes(12).toString('base64url')}`;
}

export function createCheckoutRoutes(context: RouteContext): Router {
  const router = Router();
  const { config, accounts } = context;

  router.post(API_ROUTES.createCheckout.path, async (request, response) => {
    const user = await requireUser(context, request);
    const body = parseRequest(CheckoutRequestSchema, request.body);
    const currency = body.currency;
    if (!isSupportedCurrency(currency) || !config.platform.currencies.includes(currency)) {
      throw new HttpError(
        'unsupported_currency',
        `This marketplace takes ${config.platform.currencies.join(', ')}; got "${currency}".`,
        {
          param: 'currency',
        },
      );
    }
    body.lines.forEach((line, index) =>
      assertAmount(line.amount, currency, { param: `lines[${index}].amount` }),
    );

    const sellerIds = [...new Set(body.lines.map((line) => line.sellerId))];
    const records = await accounts.findSellers(sellerIds);
    const sellers = new Map<string, AccountRecord & { accountId: string }>();
    for (const [index, line] of body.lines.entries()) {
      if (sellers.has(line.sellerId)) continue;
      const param = `lines[${index}].sellerId`;
      let record = records.get(line.sellerId);
      if (!record?.accountId)
        throw new HttpError('unknown_seller', `No seller "${line.sellerId}" on this marketplace.`, {
          param,
        });
      const country = record.status?.country ?? record.country;
      if (!country || !config.platform.transferCountries.includes(country)) {
        throw new HttpError(
          'seller_cross_border',
          `Seller "${line.sellerId}" is in ${country ?? 'an unknown country'}, which this platform cannot pay.`,
          { param },
        );
      }
      // The cache can only be stale in the pessimistic direction that matters here: re-read before refusing.
      if (!canReceiveTransfers(deriveOnboardingState(record.status)))
        record = (await accounts.refresh(record.accountId)) ?? record;
      if (!canReceiveTransfers(deriveOnboardingState(record.status))) {
        throw new HttpError(
          'seller_cannot_receive_transfers',
          `Seller "${line.sellerId}" cannot be paid yet (onboarding is not complete).`,
          { param },
        );
      }
      sellers.set(line.sellerId, record as AccountRecord & { accountId: string });
    }

    const allocation = allocateSplit({ currency, lines: body.lines, fees: config.fees });
    const minimum = getCurrency(currency).minimumCharge;
    if (minimum !== undefined && allocation.total < minimum) {
      throw new HttpError(
        'invalid_amount',
        `The order total must be at least ${minimum} (minor units) in ${currency}.`,
        { param: 'lines' },
      );
    }
    const orderId = newOrderId();
    const orderSellers: OrderSellerRecord[] = allocation.sellers.map((seller) => {
      const record = sellers.get(seller.sellerId)!;
      return {
        sellerId: seller.sellerId,
        accountId: record.accountId,
        displayName: record.displayName,
        subtotal: seller.subtotal,
        fee: seller.subtotal - seller.transfer,
        transfer: seller.transfer,
        lines: seller.lines.map((line) => ({
          description: line.description ?? '',
          amount: line.amount,
          quantity: line.quantity,
        })),
      };
    });
    const paymentIntent = await config.stripe.paymentIntents.create(
      {
        amount: allocation.total,
        currency,
        // Separate charges and transfers: the order id groups the charge with its transfers.
        transfer_group: orderId,
        automatic_payment_methods: { enabled: true },
        metadata: { marketkit_order_id: orderId },
      },
      { idempotencyKey: `checkout:${orderId}` },
    );
    // Stored after the PaymentIntent exists, in one write: the buyer cannot pay before this request
    // returns the client secret, so no webhook can arrive for an order that is not stored yet.
    await repository.insertOrder(config.store, {
      id: orderId,
      buyerUserId: user.userId,
      currency,
      total: allocation.total,
      platformFee: allocation.platformFee,
      sellers: orderSellers,
      paymentIntentId: paymentIntent.id,
    });
    const result: CheckoutResponse = {
      orderId,
      paymentIntentId: paymentIntent.id,
      clientSecret: paymentIntent.client_secret ?? '',
      breakdown: {
        currency,
        total: allocation.total,
        platformFee: config.platform.showPlatformFee ? allocation.platformFee : null,
        sellers: orderSellers.map((seller) => ({
          sellerId: seller.sellerId,
          displayName: seller.displayName,
          subtotal: seller.subtotal,
          lines: seller.lines.map((line) => ({ ...line, lineTotal: line.amount * line.quantity })),
        })),
      },
    };
    sendJson(response, result);
  });

  return router;
}
