import { ERROR_CODES, isMarketkitError, type ErrorCode } from '@marketkit/core';
import Stripe from 'stripe';
import { isHttpError } from './errors';
import type { Logger } from './logger';
import { randomToken } from './random-id';

/** Every response carries a request id so a user's report can be matched to the server log. */
export function createRequestId(): string {
  return `req_mk_${randomToken(9)}`;
}

/** An error as both adapters send it: `{ error: { code, message, param?, requestId } }`. */
export interface ErrorResult {
  status: number;
  headers: Record<string, string>;
  body: { error: ErrorBody & { requestId: string } };
}

interface ErrorBody {
  code: ErrorCode;
  message: string;
  param?: string;
}

// body-parser marks its errors with `type`, and a broken gzip/br body surfaces as a zlib error with a
// 4xx status; Express's router throws a URIError for a malformed percent-encoding. Client mistakes,
// never 500s.
function fromRequestParsing(
  error: { type?: unknown; status?: unknown; code?: unknown },
  bodyLimit: number,
): ErrorBody | null {
  if (error instanceof URIError) {
    return { code: 'invalid_request', message: 'The URL has a malformed percent-encoding.' };
  }
  switch (error.type) {
    case 'entity.too.large':
      return {
        code: 'payload_too_large',
        message: `The request body is larger than ${bodyLimit} bytes.`,
      };
    case 'entity.parse.failed':
      return { code: 'invalid_json', message: 'The request body is not valid JSON.' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
    case 'request.size.invalid':
    case 'request.aborted':
    case 'stream.encoding.set':
      return { code: 'invalid_body', message: 'The request body could not be read.' };
    default:
      break;
  }
  // zlib's codes (gzip, deflate) start with Z_; brotli's with ERR__ERROR_ or ERR_BROTLI.
  if (typeof error.code === 'string' && /^(Z_|ERR__ERROR_|ERR_BROTLI)/.test(error.code)) {
    return { code: 'invalid_body', message: 'The request body could not be decompressed.' };
  }
  return null;
}

/** Maps a Stripe error to a code and a message that is safe to show (never Stripe's raw internals). */
export function fromStripeError(error: InstanceType<typeof Stripe.errors.StripeError>): ErrorBody {
  if (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError ||
    error instanceof Stripe.errors.StripeRateLimitError ||
    (error.statusCode !== undefined && error.statusCode >= 500)
  ) {
    return {
      code: 'stripe_unavailable',
      message: 'Stripe could not be reached. The operation is safe to retry.',
    };
  }
  if (error instanceof Stripe.errors.StripeIdempotencyError) {
    return {
      code: 'invalid_request',
      message: 'This Idempotency-Key was already used with different parameters.',
    };
  }
  if (error instanceof Stripe.errors.StripeCardError) {
    // Card errors are written by Stripe for buyers, so they are safe to show.
    return { code: 'stripe_error', message: error.message };
  }
  return {
    code: 'stripe_error',
    message: 'Stripe rejected the request. Details are in the server log under this requestId.',
  };
}

/** Turns anything a route threw into the error envelope; unexpected errors are logged, never shown. */
export function toErrorResult(
  error: unknown,
  requestId: string,
  logger: Logger,
  bodyLimit: number,
  /** `METHOD /path`, logged with every failure so support can find it from the request id. */
  route: string,
): ErrorResult {
  let body: ErrorBody;
  let headers: Record<string, string> = {};
  if (isMarketkitError(error)) {
    body = {
      code: error.code,
      message: error.message,
      ...(error.param ? { param: error.param } : {}),
    };
    if (isHttpError(error)) headers = { ...error.headers };
    const level = ERROR_CODES[error.code].status >= 500 ? 'error' : 'info';
    logger[level](
      { requestId, route, code: error.code, message: error.message },
      'Request refused',
    );
  } else if (error instanceof Stripe.errors.StripeError) {
    body = fromStripeError(error);
    logger.error(
      {
        requestId,
        route,
        stripeRequestId: error.requestId,
        type: error.type,
        code: error.code,
        statusCode: error.statusCode,
        message: error.message,
      },
      'Stripe request failed',
    );
  } else if (error !== null && typeof error === 'object' && fromRequestParsing(error, bodyLimit)) {
    body = fromRequestParsing(error, bodyLimit)!;
  } else {
    body = {
      code: 'internal_error',
      message: 'Something went wrong. Details are in the server log under this requestId.',
    };
    logger.error(
      {
        requestId,
        route,
        err:
          error instanceof Error
            ? { name: error.name, message: error.message, stack: error.stack }
            : String(error),
      },
      'Unexpected error',
    );
  }
  return {
    status: ERROR_CODES[body.code].status,
    headers,
    body: { error: { ...body, requestId } },
  };
}
