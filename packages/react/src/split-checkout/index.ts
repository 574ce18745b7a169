export { SplitCheckout } from './split-checkout';
export type { SplitCheckoutProps } from './split-checkout';
export { useSplitCheckout } from './use-split-checkout';
export type {
  CheckoutSuccess,
  PaymentState,
  UseSplitCheckoutOptions,
  UseSplitCheckoutResult,
} from './use-split-checkout';
