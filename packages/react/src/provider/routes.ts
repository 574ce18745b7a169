// The routes the kit's components call, one constant each so a page bundles only the ones it uses (not
// core's whole `API_ROUTES`). Typed against `API_ROUTES`: a path or method that drifts from the contract
// does not compile.
import type { ApiRoute } from './api-client';

export const getAccountStatusRoute: ApiRoute<'getAccountStatus'> = {
  method: 'GET',
  path: '/accounts/me',
};
export const createCheckoutRoute: ApiRoute<'createCheckout'> = {
  method: 'POST',
  path: '/checkout',
};
export const getOrderRoute: ApiRoute<'getOrder'> = { method: 'GET', path: '/orders/:orderId' };
export const getBalanceRoute: ApiRoute<'getBalance'> = { method: 'GET', path: '/balance' };
export const listPayoutsRoute: ApiRoute<'listPayouts'> = { method: 'GET', path: '/payouts' };
export const createPayoutRoute: ApiRoute<'createPayout'> = { method: 'POST', path: '/payouts' };
export const getPayoutScheduleRoute: ApiRoute<'getPayoutSchedule'> = {
  method: 'GET',
  path: '/payout-schedule',
};
export const updatePayoutScheduleRoute: ApiRoute<'updatePayoutSchedule'> = {
  method: 'PUT',
  path: '/payout-schedule',
};
export const getRiskRoute: ApiRoute<'getRisk'> = { method: 'GET', path: '/risk' };
export const getPlatformRiskRoute: ApiRoute<'getPlatformRisk'> = {
  method: 'GET',
  path: '/platform/risk',
};
