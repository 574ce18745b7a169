import Stripe from 'stripe';

/** 429s, 5xx, a twin request still running (409) and network failures may succeed later; everything else will fail the same way again. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof Stripe.errors.StripeError) {
    if (
      error instanceof Stripe.errors.StripeConnectionError ||
      error instanceof Stripe.errors.StripeAPIError ||
      error instanceof Stripe.errors.StripeRateLimitError
    ) {
      return true;
    }
    if (error.code === 'idempotency_key_in_use') return true;
    return error.statusCode === 429 || (error.statusCode !== undefined && error.statusCode >= 500);
  }
  // Not a Stripe error: a bug or an outage of something else; retrying is the safe side.
  return true;
}

/** 409 `idempotency_key_in_use`: a twin request with the key is still running; not a failure. */
export const isKeyInUse = (error: unknown): boolean =>
  error instanceof Stripe.errors.StripeError && error.code === 'idempotency_key_in_use';

/** 429: Stripe's rate limit; back off without counting an attempt. */
export const isRateLimited = (error: unknown): boolean =>
  error instanceof Stripe.errors.StripeRateLimitError ||
  (error instanceof Stripe.errors.StripeError && error.statusCode === 429);

/** A 5xx: Stripe's outcome is unknown (and a 500 is saved and replayed for its idempotency key). */
export const isServerError = (error: unknown): boolean =>
  error instanceof Stripe.errors.StripeAPIError ||
  (error instanceof Stripe.errors.StripeError &&
    error.statusCode !== undefined &&
    error.statusCode >= 500);

/** Exponential backoff with full jitter (AWS's "full jitter": uniform in [0, min(cap, base·2^n)]). */
export function backoffDelay(
  attempt: number,
  baseDelayMs: number,
  maxDelayMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** A short, safe description of an error for the outbox row (no Stripe internals). */
export function describeError(error: unknown): string {
  if (error instanceof Stripe.errors.StripeError) {
    return [error.type, error.code, error.statusCode, error.requestId].filter(Boolean).join(' ');
  }
  return error instanceof Error ? error.name : 'unknown error';
}

/**
 * Runs a Stripe write whose request row is already stored; when Stripe refuses it for good (a 4xx that
 * would fail again), `markFailed` settles the row so it no longer blocks the next request.
 */
export async function callStripe<T>(call: () => Promise<T>, markFailed: () => Promise<void>) {
  try {
    return await call();
  } catch (error) {
    if (!isRetryable(error)) await markFailed();
    throw error;
  }
}
