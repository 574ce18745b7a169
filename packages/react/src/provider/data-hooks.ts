import { useMemo } from 'react';
import type {
  AccountStatus,
  BalanceResponse,
  CheckoutItem,
  CheckoutResponse,
  PayoutScheduleResponse,
  PayoutsPage,
  PlatformRiskOverview,
  RiskReport,
} from '@marketkit/core';
import { useMarketkit } from './marketkit-provider';
import { useResource } from './use-resource';
import {
  createCheckoutRoute,
  getAccountStatusRoute,
  getBalanceRoute,
  getPayoutScheduleRoute,
  getPlatformRiskRoute,
  getRiskRoute,
  listPayoutsRoute,
} from './routes';
import type { ResourceOptions, ResourceState } from './use-resource';

export type { ResourceOptions, ResourceState, ResourceStatus } from './use-resource';

/** The caller's connected account and onboarding state (`GET /accounts/me`). */
export function useAccountStatus(options?: ResourceOptions): ResourceState<AccountStatus> {
  const { api } = useMarketkit('useAccountStatus');
  return useResource(
    api,
    'account',
    (client, signal) => client.send(getAccountStatusRoute, { signal }),
    options,
  );
}

/** Available, pending and instant balances, and the next payout (`GET /balance`). */
export function useBalance(options?: ResourceOptions): ResourceState<BalanceResponse> {
  const { api } = useMarketkit('useBalance');
  return useResource(
    api,
    'balance',
    (client, signal) => client.send(getBalanceRoute, { signal }),
    options,
  );
}

export interface UsePayoutsOptions extends ResourceOptions {
  /** Payouts per page, 1–100. Default 10. */
  pageSize?: number;
  /** The page's cursor: the id of the last payout of the previous page. */
  startingAfter?: string;
}

/** One page of the caller's payouts, newest first (`GET /payouts`). */
export function usePayouts({
  pageSize = 10,
  startingAfter,
  ...options
}: UsePayoutsOptions = {}): ResourceState<PayoutsPage> {
  const { api } = useMarketkit('usePayouts');
  return useResource(
    api,
    `payouts:${pageSize}:${startingAfter ?? ''}`,
    (client, signal) =>
      client.send(listPayoutsRoute, { body: { limit: pageSize, startingAfter }, signal }),
    options,
  );
}

/** The payout schedule and whether the caller may change it (`GET /payout-schedule`). */
export function usePayoutSchedule(
  options?: ResourceOptions,
): ResourceState<PayoutScheduleResponse> {
  const { api } = useMarketkit('usePayoutSchedule');
  return useResource(
    api,
    'payout-schedule',
    (client, signal) => client.send(getPayoutScheduleRoute, { signal }),
    options,
  );
}

/** The caller's risk signals, most severe first as the server sorts them (`GET /risk`). */
export function useRisk(options?: ResourceOptions): ResourceState<RiskReport> {
  const { api } = useMarketkit('useRisk');
  return useResource(
    api,
    'risk',
    (client, signal) => client.send(getRiskRoute, { signal }),
    options,
  );
}

/** The platform-wide risk overview; admins only (`GET /platform/risk`). */
export function usePlatformRisk(options?: ResourceOptions): ResourceState<PlatformRiskOverview> {
  const { api } = useMarketkit('usePlatformRisk');
  return useResource(
    api,
    'platform-risk',
    (client, signal) => client.send(getPlatformRiskRoute, { signal }),
    options,
  );
}

export interface UseCheckoutOptions extends ResourceOptions {
  /** What the buyer is buying, by item id; the server prices it from the app's catalogue. */
  items: readonly CheckoutItem[];
  currency: string;
}

/**
 * Creates the order and its PaymentIntent (`POST /checkout`) for the cart; a changed cart creates a new
 * one. Idle while the cart is empty. The browser never sends a price: the answer's `breakdown` is the
 * server's.
 */
export function useCheckout({
  items,
  currency,
  enabled = true,
  ...options
}: UseCheckoutOptions): ResourceState<CheckoutResponse> {
  const { api } = useMarketkit('useCheckout');
  // The cart's content, not its identity, decides when to create a new checkout.
  const key = useMemo(
    () =>
      JSON.stringify({
        items: items.map(({ itemId, quantity }) => ({ itemId, quantity })),
        currency,
      }),
    [items, currency],
  );
  return useResource(
    api,
    key,
    (client, signal) =>
      client.send(createCheckoutRoute, {
        body: JSON.parse(key) as { items: CheckoutItem[]; currency: string },
        signal,
      }),
    { ...options, enabled: enabled && items.length > 0 },
  );
}
