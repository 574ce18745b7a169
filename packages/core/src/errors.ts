/**
 * Every error code MarketKit can put in `{ error: { code } }`, with the HTTP status the server answers
 * with and what it means. One list, so the server, the React kit and the docs never disagree.
 */
export const ERROR_CODES = {
  // Bad input (400)
  invalid_request: {
    status: 400,
    description: 'The request body or query does not match the schema; `param` names the field.',
  },
  invalid_json: { status: 400, description: 'The body is not valid JSON.' },
  unknown_field: {
    status: 400,
    description: 'The body has a field the endpoint does not accept; `param` names it.',
  },
  invalid_amount: { status: 400, description: 'An amount is not a number.' },
  not_an_integer: {
    status: 400,
    description: 'Amounts are integers in minor units (cents); floats are rejected.',
  },
  amount_negative: { status: 400, description: 'The amount is negative.' },
  amount_zero: {
    status: 400,
    description: 'The amount is zero where a positive amount is needed.',
  },
  amount_too_large: {
    status: 400,
    description: "The amount is above Stripe's maximum of 99,999,999 minor units.",
  },
  amount_precision: {
    status: 400,
    description:
      'The amount is not a multiple of the currency’s smallest chargeable step (e.g. 10 for three-decimal currencies).',
  },
  invalid_money_format: { status: 400, description: 'A money string could not be parsed.' },
  unsupported_currency: {
    status: 400,
    description: 'The currency is unknown or not enabled for this platform.',
  },
  currency_mismatch: { status: 400, description: 'Amounts in different currencies were combined.' },
  empty_order: { status: 400, description: 'The checkout has no lines.' },
  too_many_lines: { status: 400, description: 'The checkout has more lines than allowed.' },
  invalid_quantity: { status: 400, description: 'A quantity is not a positive integer.' },
  invalid_fee_policy: { status: 400, description: 'The fee policy produces an invalid fee.' },
  payload_too_large: { status: 413, description: 'The request body is larger than the limit.' },
  // Who is asking (401/403/404/429)
  unauthenticated: {
    status: 401,
    description: 'No signed-in user; the app’s `authenticate` returned null.',
  },
  forbidden: { status: 403, description: 'The signed-in user’s role may not use this endpoint.' },
  not_found: { status: 404, description: 'No such resource for this user.' },
  rate_limited: {
    status: 429,
    description: 'Too many requests; retry after the `Retry-After` header.',
  },
  // Accounts and onboarding (409)
  account_missing: {
    status: 409,
    description: 'The user has no connected account yet; call POST /accounts first.',
  },
  account_rejected: {
    status: 409,
    description: 'The connected account was rejected and cannot be used.',
  },
  link_state_invalid: {
    status: 400,
    description: 'The signed state on a return or refresh URL is forged or malformed.',
  },
  link_state_expired: {
    status: 400,
    description: 'The signed state on a return or refresh URL has expired; start onboarding again.',
  },
  // Checkout (400/409)
  unknown_seller: {
    status: 400,
    description: 'A checkout line names a seller that does not exist.',
  },
  seller_cannot_receive_transfers: {
    status: 409,
    description:
      'A seller’s account cannot receive transfers yet (onboarding incomplete or restricted).',
  },
  seller_cross_border: {
    status: 409,
    description: 'A seller is in a country the platform cannot transfer to.',
  },
  // Orders and refunds (404/409)
  order_not_paid: {
    status: 409,
    description: 'The order has not been paid, so it cannot be refunded.',
  },
  refund_exceeds_charge: {
    status: 400,
    description: 'The refund is larger than what is left to refund on the order.',
  },
  // Payouts (409)
  payouts_not_enabled: { status: 409, description: 'The account cannot receive payouts yet.' },
  payout_insufficient_funds: {
    status: 409,
    description: 'The available balance is smaller than the payout.',
  },
  instant_payout_unavailable: {
    status: 409,
    description: 'Instant payouts need an eligible debit card and an instant-available balance.',
  },
  // Webhooks (400)
  webhook_signature_invalid: {
    status: 400,
    description: 'The Stripe-Signature header is missing or does not match the payload.',
  },
  webhook_timestamp_stale: {
    status: 400,
    description: 'The Stripe-Signature timestamp is outside the tolerance window (a replay).',
  },
  // Upstream and unexpected (502/503/500)
  stripe_error: {
    status: 502,
    description:
      'Stripe rejected the request; the message is safe to show, internals are logged with the requestId.',
  },
  stripe_unavailable: {
    status: 503,
    description: 'Stripe could not be reached; the operation is safe to retry.',
  },
  internal_error: {
    status: 500,
    description: 'An unexpected error; details are in the server log under `requestId`.',
  },
} as const satisfies Record<string, { status: number; description: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
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
    return ERROR_CODES[this.code].status;
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

/** The request never got an answer (offline, DNS, CORS, aborted). Safe to retry. */
export class NetworkError extends Error {
  constructor(
    message = 'The server could not be reached. Check the connection and try again.',
    options?: { cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'NetworkError';
  }
}

export function isNetworkError(error: unknown): error is NetworkError {
  return error instanceof NetworkError;
}
