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

/**
 * When a refusal happened: `validation` (nothing started; the idempotency layer saves nothing) or
 * `execution` (a business outcome of a request that ran; saved and replayed for its key).
 */
export type RefusalStage = 'validation' | 'execution';

/** Thrown by handlers; the HTTP layer turns it into `{ error: {...} }` with `status`. */
export class StripeApiError extends Error {
  readonly status: number;
  readonly body: StripeErrorBody;
  readonly stage: RefusalStage;

  constructor(status: number, body: StripeErrorBody, stage: RefusalStage = 'validation') {
    super(body.message);
    this.status = status;
    this.body = body;
    this.stage = stage;
  }
}

export function invalidRequest(
  message: string,
  options: { param?: string; code?: string; status?: number; stage?: RefusalStage } = {},
) {
  return new StripeApiError(
    options.status ?? 400,
    {
      type: 'invalid_request_error',
      message,
      ...(options.code ? { code: options.code } : {}),
      ...(options.param ? { param: options.param } : {}),
    },
    options.stage,
  );
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
