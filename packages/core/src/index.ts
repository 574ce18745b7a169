// `@marketkit/core`: framework-free money, split and refund math, error codes and the API contract's
// types and routes. Zod schemas live in `@marketkit/core/contract` so browsers do not pay for them.

export {
  MAX_AMOUNT,
  SUPPORTED_CURRENCIES,
  getCurrency,
  isSupportedCurrency,
  assertAmount,
  formatMoney,
  tryFormatMoney,
  currencyDigits,
  parseMoney,
  addMoney,
  sumAmounts,
  MoneyError,
  isMoneyError,
} from './money';
export type {
  CurrencyCode,
  CurrencyDigits,
  CurrencyInfo,
  Money,
  AssertAmountOptions,
} from './money';

export { allocateSplit, MAX_ORDER_LINES, SplitError, isSplitError } from './split';
export type {
  AllocateSplitInput,
  FeeContext,
  FeePolicy,
  OrderLine,
  ProcessingFeePolicy,
  SellerFeePolicy,
  SplitAllocation,
  SplitSeller,
} from './split';

export { allocateRefund, allocateDispute, RefundError, isRefundError } from './refund';
export type { AllocateRefundInput, RefundAllocation, TransferState } from './refund';

export { ERROR_CODES, ERROR_DESCRIPTIONS } from './error-codes';
export type { ErrorCodeInfo } from './error-codes';
export {
  ERROR_STATUS,
  ERROR_CODE_LIST,
  isErrorCode,
  MarketkitError,
  isMarketkitError,
  ApiError,
  isApiError,
} from './errors';
export { NetworkError, isNetworkError } from './network-error';
export type { ErrorCode } from './errors';

export {
  deriveOnboardingState,
  canReceiveTransfers,
  compareSeverity,
  highestSeverity,
} from './onboarding';
export type { AccountLike } from './onboarding';

export { API_ROUTES } from './contract/routes';
export { buildPath } from './contract/build-path';
export { WEEKDAYS } from './contract/constants';
export type { ApiContract, ApiRouteName } from './contract/routes';
export type * from './contract/types';
