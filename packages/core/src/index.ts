// `@marketkit/core`: framework-free money, split and refund math, error codes and the API contract's
// types and routes. Zod schemas live in `@marketkit/core/contract` so browsers do not pay for them.

export {
  MAX_AMOUNT,
  SUPPORTED_CURRENCIES,
  getCurrency,
  isSupportedCurrency,
  assertAmount,
  formatMoney,
  parseMoney,
  addMoney,
  sumAmounts,
  MoneyError,
  isMoneyError,
} from './money';
export type { CurrencyCode, CurrencyInfo, Money } from './money';

export { allocateSplit } from './split';
export type { OrderLine, FeePolicy, SplitAllocation } from './split';

export { allocateRefund, allocateDispute } from './refund';
export type { RefundAllocation } from './refund';

export {
  ERROR_CODES,
  ERROR_CODE_LIST,
  isErrorCode,
  MarketkitError,
  isMarketkitError,
  ApiError,
  isApiError,
  NetworkError,
  isNetworkError,
} from './errors';
export type { ErrorCode } from './errors';

export { deriveOnboardingState, canReceiveTransfers, compareSeverity, highestSeverity } from './onboarding';
export type { AccountLike } from './onboarding';

export { API_ROUTES, buildPath } from './contract/routes';
export type { ApiContract, ApiRouteName } from './contract/routes';
export type * from './contract/types';
