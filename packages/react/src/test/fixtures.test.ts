// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  AccountLinkResponseSchema,
  AccountSessionResponseSchema,
  AccountStatusSchema,
  BalanceResponseSchema,
  CheckoutRequestSchema,
  CheckoutResponseSchema,
  LoginLinkResponseSchema,
  OrderSchema,
  OrdersPageSchema,
  PayoutScheduleResponseSchema,
  PayoutsPageSchema,
  PlatformRiskOverviewSchema,
  RiskReportSchema,
} from '@marketkit/core/contract';
import * as fixtures from './fixtures';

// The contract's zod schemas are used here only (tests), never in the browser bundle.
describe('fixtures', () => {
  it('match the core contract, so stories and tests show what the server really sends', () => {
    for (const status of Object.values(fixtures.accountStatusFixtures))
      AccountStatusSchema.parse(status);
    AccountLinkResponseSchema.parse(fixtures.accountLinkFixture);
    AccountSessionResponseSchema.parse(fixtures.accountSessionFixture);
    LoginLinkResponseSchema.parse(fixtures.loginLinkFixture);
    CheckoutRequestSchema.parse({ items: fixtures.checkoutItemsFixture, currency: 'usd' });
    CheckoutResponseSchema.parse(fixtures.checkoutFixture);
    CheckoutResponseSchema.parse(fixtures.checkoutFiveSellersFixture);
    OrderSchema.parse(fixtures.paidOrderFixture);
    OrderSchema.parse(fixtures.processingOrderFixture);
    OrdersPageSchema.parse(fixtures.ordersPageFixture);
    for (const balance of [
      fixtures.balanceFixture,
      fixtures.emptyBalanceFixture,
      fixtures.multiCurrencyBalanceFixture,
    ]) {
      BalanceResponseSchema.parse(balance);
    }
    PayoutsPageSchema.parse(fixtures.payoutsPageFixture);
    PayoutsPageSchema.parse({
      data: fixtures.manyPayoutsFixture,
      hasMore: false,
      nextCursor: null,
    });
    PayoutScheduleResponseSchema.parse(fixtures.payoutScheduleFixture);
    PayoutScheduleResponseSchema.parse(fixtures.lockedPayoutScheduleFixture);
    RiskReportSchema.parse(fixtures.riskReportFixture(Object.values(fixtures.riskSignalFixtures)));
    PlatformRiskOverviewSchema.parse(fixtures.platformRiskFixture);
    PlatformRiskOverviewSchema.parse(fixtures.platformRiskWithDebtsFixture);
    PlatformRiskOverviewSchema.parse(fixtures.emptyPlatformRiskFixture);
  });

  it('add up like the server’s breakdown: seller subtotals plus nothing else make the total', () => {
    for (const checkout of [fixtures.checkoutFixture, fixtures.checkoutFiveSellersFixture]) {
      const subtotals = checkout.breakdown.sellers.map((seller) => seller.subtotal);
      expect(subtotals.reduce((sum, amount) => sum + amount, 0)).toBe(checkout.breakdown.total);
      for (const seller of checkout.breakdown.sellers) {
        expect(seller.lines.reduce((sum, line) => sum + line.lineTotal, 0)).toBe(seller.subtotal);
      }
    }
  });
});
