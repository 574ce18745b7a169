'use client';
// Every public name, listed explicitly so the package's surface is reviewed, not accidental.

export { MarketkitProvider, useMarketkit, createApiClient } from './provider';
export type {
  MarketkitProviderProps,
  MarketkitContextValue,
  ApiClient,
  ApiClientOptions,
  ApiRequestOptions,
  ClientRouteName,
} from './provider';
export {
  useAccountStatus,
  useBalance,
  usePayouts,
  usePayoutSchedule,
  useRisk,
  usePlatformRisk,
  useCheckout,
} from './provider';
export type {
  ResourceOptions,
  ResourceState,
  ResourceStatus,
  UsePayoutsOptions,
  UseCheckoutOptions,
} from './provider';

export {
  lightTheme,
  darkTheme,
  resolveAppearance,
  appearanceToCssVariables,
  toElementsAppearance,
  toConnectAppearance,
} from './theme';
export type { Appearance, AppearanceVariables } from './theme';

export {
  en,
  commonMessages,
  onboardingMessages,
  checkoutMessages,
  payoutsMessages,
  payoutScheduleMessages,
  riskMessages,
  platformRiskMessages,
  sellerDebtsMessages,
  createTranslator,
  describeError,
} from './i18n';
export type { MessageKey, Messages, Translator } from './i18n';

export { OnboardingButton, useOnboardingButton } from './onboarding-button';
export type {
  OnboardingButtonProps,
  UseOnboardingButtonOptions,
  UseOnboardingButtonResult,
} from './onboarding-button';

export { RiskBanner, useRiskBanner, describeRiskSignal } from './risk-banner';
export type { RiskBannerProps, UseRiskBannerOptions, UseRiskBannerResult } from './risk-banner';

export { SplitCheckout, useSplitCheckout } from './split-checkout';
export type {
  SplitCheckoutProps,
  CheckoutSuccess,
  PaymentState,
  UseSplitCheckoutOptions,
  UseSplitCheckoutResult,
} from './split-checkout';

export { PayoutsPanel, usePayoutsPanel } from './payouts-panel';
export type {
  PayoutsPanelProps,
  PendingPayout,
  UsePayoutsPanelOptions,
  UsePayoutsPanelResult,
} from './payouts-panel';

export { PlatformRiskTable, usePlatformRiskTable } from './platform-risk-table';
export type {
  PlatformRiskTableProps,
  PlatformRiskDebt,
  PlatformRiskSort,
  PlatformRiskSortKey,
  SortDirection,
  UsePlatformRiskTableOptions,
  UsePlatformRiskTableResult,
} from './platform-risk-table';
