/**
 * Every error code MarketKit can put in `{ error: { code } }`, with the HTTP status the server answers with.
 * What each code means is in `error-codes.ts` (`ERROR_CODES`), kept apart so browsers do not download the prose.
 */
export const ERROR_STATUS = {
  // Bad input (400)
  invalid_request: 400,
  invalid_json: 400,
  invalid_body: 400,
  unsupported_media_type: 415,
  unknown_field: 400,
  invalid_amount: 400,
  not_an_integer: 400,
  amount_negative: 400,
  amount_zero: 400,
  amount_too_large: 400,
  amount_precision: 400,
  invalid_money_format: 400,
  unsupported_currency: 400,
  currency_mismatch: 400,
  empty_order: 400,
  too_many_lines: 400,
  invalid_quantity: 400,
  invalid_fee_policy: 400,
  payload_too_large: 413,
  // Who is asking (401/403/404/429)
  unauthenticated: 401,
  forbidden: 403,
  cross_origin_forbidden: 403,
  not_found: 404,
  rate_limited: 429,
  // Accounts and onboarding (409)
  account_missing: 409,
  account_rejected: 409,
  link_state_invalid: 400,
  link_state_expired: 400,
  // Checkout (400/409)
  unknown_item: 400,
  unknown_seller: 400,
  seller_cannot_receive_transfers: 409,
  seller_cross_border: 409,
  // Orders and refunds (404/409)
  order_not_paid: 409,
  order_not_refundable: 409,
  refund_exceeds_charge: 400,
  refund_in_progress: 409,
  // Payouts (409)
  payouts_not_enabled: 409,
  payout_insufficient_funds: 409,
  instant_payout_unavailable: 409,
  payout_in_progress: 409,
  // Webhooks (400)
  webhook_signature_invalid: 400,
  webhook_timestamp_stale: 400,
  // Upstream and unexpected (502/503/500)
  stripe_error: 502,
  stripe_unavailable: 503,
  pricing_invalid: 500,
  internal_error: 500,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODE_LIST = /* @__PURE__ */ Object.keys(ERROR_STATUS) as [
  ErrorCode,
  ...ErrorCode[],
];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_STATUS, value);
}

/** Base class of every error MarketKit throws on purpose. */
export class MarketkitError extends Error {
  readonly code: ErrorCode;
  readonly param: string | undefined;

  constructor(code: ErrorCode, message: string, options?: { param?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'MarketkitError';
    this.code = code;
    this.param = options?.param;
  }

  /** The HTTP status the server answers with for this error. */
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isMarketkitError(error: unknown): error is MarketkitError {
  return error instanceof MarketkitError;
}

/** A failed response from `@marketkit/server`, as seen by a client. */
export class ApiError extends MarketkitError {
  readonly httpStatus: number;
  readonly requestId: string | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { httpStatus: number; param?: string; requestId?: string; cause?: unknown },
  ) {
    super(code, message, options);
    this.name = 'ApiError';
    this.httpStatus = options.httpStatus;
    this.requestId = options.requestId;
  }

  override get status(): number {
    return this.httpStatus;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
