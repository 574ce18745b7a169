/** Stripe's error envelope fields (https://docs.stripe.com/api/errors). */
export type StripeErrorType =
  | 'api_error'
  | 'card_error'
  | 'idempotency_error'
  | 'invalid_request_error'
  | 'permission_error'
  | 'rate_limit_error';

export interface StripeErrorBody {
  type: StripeErrorType;
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
  doc_url?: string;
  charge?: string;
  payment_intent?: unknown;
  request_log_url?: string;
}

/** Thrown by handlers; the HTTP layer turns it into `{ error: {...} }` with `status`. */
export class StripeApiError extends Error {
  readonly status: number;
  readonly body: StripeErrorBody;

  constructor(status: number, body: StripeErrorBody) {
    super(body.message);
    this.status = status;
    this.body = body;
  }
}

export function invalidRequest(
  message: string,
  options: { param?: string; code?: string; status?: number } = {},
) {
  return new StripeApiError(options.status ?? 400, {
    type: 'invalid_request_error',
    message,
    ...(options.code ? { code: options.code } : {}),
    ...(options.param ? { param: options.param } : {}),
  });
}

export function missingParam(param: string) {
  return invalidRequest(`Missing required param: ${param}.`, { param, code: 'parameter_missing' });
}

export function notFound(kind: string, id: string, param = 'id') {
  return invalidRequest(`No such ${kind}: '${id}'`, {
    param,
    code: 'resource_missing',
    status: 404,
  });
}
