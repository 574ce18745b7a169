export { MarketkitProvider, useMarketkit } from './marketkit-provider';
export type { MarketkitProviderProps, MarketkitContextValue } from './marketkit-provider';
export { createApiClient, createIdempotencyKey } from './api-client';
export type { ApiClient, ApiClientOptions, ApiRequestOptions, ClientRouteName } from './api-client';
export {
  useAccountStatus,
  useBalance,
  usePayouts,
  usePayoutSchedule,
  useRisk,
  usePlatformRisk,
  useCheckout,
} from './data-hooks';
export type {
  ResourceOptions,
  ResourceState,
  ResourceStatus,
  UsePayoutsOptions,
  UseCheckoutOptions,
} from './data-hooks';
