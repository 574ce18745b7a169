// Every route of `@marketkit/server`, relative to where the app mounts the router. Zod-free so the
// browser can import it without pulling the schemas into its bundle.
import type * as types from './types';

export const API_ROUTES = {
  createAccount: { method: 'POST', path: '/accounts' },
  getAccountStatus: { method: 'GET', path: '/accounts/me' },
  createAccountLink: { method: 'POST', path: '/account-links' },
  /** Stripe sends the user back here (return_url); redirects into the app. */
  accountLinkReturn: { method: 'GET', path: '/account-links/return' },
  /** Stripe sends the user here when a link expired or was used (refresh_url); mints a fresh link. */
  accountLinkRefresh: { method: 'GET', path: '/account-links/refresh' },
  createAccountSession: { method: 'POST', path: '/account-sessions' },
  createLoginLink: { method: 'POST', path: '/login-links' },
  createCheckout: { method: 'POST', path: '/checkout' },
  /** The caller's orders, newest first: all for an admin, their own for a buyer, their part for a seller. */
  listOrders: { method: 'GET', path: '/orders' },
  getOrder: { method: 'GET', path: '/orders/:orderId' },
  createRefund: { method: 'POST', path: '/orders/:orderId/refunds' },
  getBalance: { method: 'GET', path: '/balance' },
  listPayouts: { method: 'GET', path: '/payouts' },
  createPayout: { method: 'POST', path: '/payouts' },
  getPayoutSchedule: { method: 'GET', path: '/payout-schedule' },
  updatePayoutSchedule: { method: 'PUT', path: '/payout-schedule' },
  getRisk: { method: 'GET', path: '/risk' },
  getPlatformRisk: { method: 'GET', path: '/platform/risk' },
  webhooks: { method: 'POST', path: '/webhooks' },
} as const;

export type ApiRouteName = keyof typeof API_ROUTES;

/** Request body (or query) and response of each JSON route. */
export interface ApiContract {
  createAccount: { request: undefined; response: types.AccountStatus };
  getAccountStatus: { request: undefined; response: types.AccountStatus };
  createAccountLink: { request: types.AccountLinkRequest; response: types.AccountLinkResponse };
  createAccountSession: {
    request: types.AccountSessionRequest;
    response: types.AccountSessionResponse;
  };
  createLoginLink: { request: undefined; response: types.LoginLinkResponse };
  createCheckout: { request: types.CheckoutRequest; response: types.CheckoutResponse };
  listOrders: { request: types.OrdersQuery; response: types.OrdersPage };
  getOrder: { request: undefined; response: types.OrderView };
  createRefund: { request: types.RefundRequest; response: types.RefundResponse };
  getBalance: { request: undefined; response: types.BalanceResponse };
  listPayouts: { request: types.PayoutsQuery; response: types.PayoutsPage };
  createPayout: { request: types.PayoutCreateRequest; response: types.Payout };
  getPayoutSchedule: { request: undefined; response: types.PayoutScheduleResponse };
  updatePayoutSchedule: { request: types.PayoutSchedule; response: types.PayoutScheduleResponse };
  getRisk: { request: undefined; response: types.RiskReport };
  getPlatformRisk: { request: undefined; response: types.PlatformRiskOverview };
}
