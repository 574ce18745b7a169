import {
  allocateSplit,
  canReceiveTransfers,
  deriveOnboardingState,
  getCurrency,
  isSupportedCurrency,
} from '@marketkit/core';
import type { CheckoutItem, CheckoutResponse } from '@marketkit/core';
import type { AccountService } from '../accounts/account-service';
import { HttpError } from '../http/errors';
import { randomToken } from '../http/random-id';
import type { AuthenticatedUser, PricedLine } from '../options';
import type { MarketkitConfig } from '../parse-options';
import * as repository from '../stores/repository';
import type { AccountRecord, OrderSellerRecord } from '../stores/repository';
import { priceItems } from './pricing';

export function newOrderId(): string {
  return `ord_${randomToken(12)}`;
}

export interface CheckoutService {
  /** Prices the items on the server, creates the PaymentIntent and stores the order. */
  create(
    user: AuthenticatedUser,
    request: { items: readonly Required<CheckoutItem>[]; currency: string },
  ): Promise<CheckoutResponse>;
}

type PayableSeller = AccountRecord & { accountId: string };

export function createCheckoutService(
  config: MarketkitConfig,
  accounts: AccountService,
): CheckoutService {
  function checkCurrency(currency: string): void {
    if (!isSupportedCurrency(currency) || !config.platform.currencies.includes(currency)) {
      throw new HttpError(
        'unsupported_currency',
        `This marketplace takes ${config.platform.currencies.join(', ')}; got "${currency}".`,
        { param: 'currency' },
      );
    }
  }

  function checkDistinct(items: readonly CheckoutItem[]): void {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.itemId)) {
        throw new HttpError(
          'invalid_request',
          `Item "${item.itemId}" is listed twice; send it once with the total quantity.`,
          { param: `items[${index}].itemId` },
        );
      }
      seen.add(item.itemId);
    });
  }

  /** The sellers the priced lines name, each able to receive transfers; problems point at the item. */
  async function payableSellers(lines: readonly PricedLine[]): Promise<Map<string, PayableSeller>> {
    const records = await accounts.findSellers([...new Set(lines.map((line) => line.sellerId))]);
    const sellers = new Map<string, PayableSeller>();
    for (const [index, line] of lines.entries()) {
      if (sellers.has(line.sellerId)) continue;
      const param = `items[${index}].itemId`;
      let record = records.get(line.sellerId);
      if (!record?.accountId) {
        // The catalogue names a seller MarketKit has never onboarded: the app's data is wrong.
        config.logger.error(
          { reason: 'unknown seller', itemId: line.itemId, sellerId: line.sellerId },
          'pricing returned an invalid line; nothing was charged',
        );
        throw new HttpError(
          'pricing_invalid',
          'The marketplace could not price this cart. Nothing was charged; details are in the server log.',
        );
      }
      const country = record.status?.country ?? record.country;
      if (!country || !config.platform.transferCountries.includes(country)) {
        throw new HttpError(
          'seller_cross_border',
          `The seller of "${line.itemId}" is in ${country ?? 'an unknown country'}, which this platform cannot pay.`,
          { param },
        );
      }
      // The cache can only be stale in the pessimistic direction that matters here: re-read before refusing.
      if (!canReceiveTransfers(deriveOnboardingState(record.status)))
        record = (await accounts.refresh(record.accountId)) ?? record;
      if (!canReceiveTransfers(deriveOnboardingState(record.status))) {
        throw new HttpError(
          'seller_cannot_receive_transfers',
          `The seller of "${line.itemId}" cannot be paid yet (onboarding is not complete).`,
          { param },
        );
      }
      sellers.set(line.sellerId, record as PayableSeller);
    }
    return sellers;
  }

  return {
    async create(user, { items, currency }) {
      checkCurrency(currency);
      checkDistinct(items);
      const lines = await priceItems(config.pricing, config.logger, { items, currency, user });
      const sellers = await payableSellers(lines);
      const allocation = allocateSplit({ currency, lines, fees: config.fees });
      const minimum = getCurrency(currency).minimumCharge;
      if (minimum !== undefined && allocation.total < minimum) {
        throw new HttpError(
          'invalid_amount',
          `The order total must be at least ${minimum} (minor units) in ${currency}.`,
          { param: 'items' },
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
      return {
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
            lines: seller.lines.map((line) => ({
              ...line,
              lineTotal: line.amount * line.quantity,
            })),
          })),
        },
      };
    },
  };
}
