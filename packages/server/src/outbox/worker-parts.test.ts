import { describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { backoffDelay, isRetryable } from './retry';
import { createTokenBucket } from './token-bucket';

describe('backoff', () => {
  it('grows exponentially up to the cap, with full jitter', () => {
    expect(backoffDelay(1, 100, 10_000, () => 0.999)).toBe(99);
    expect(backoffDelay(4, 100, 10_000, () => 0.999)).toBe(799);
    expect(backoffDelay(20, 100, 10_000, () => 0.999)).toBe(9990);
    expect(backoffDelay(3, 100, 10_000, () => 0)).toBe(0);
  });

  it('retries 429, 5xx and network errors but not a rejected request', () => {
    const raw = (statusCode: number, type: string) =>
      ({ message: 'x', type, statusCode }) as unknown as ConstructorParameters<
        typeof Stripe.errors.StripeError
      >[0];
    expect(isRetryable(new Stripe.errors.StripeRateLimitError(raw(429, 'rate_limit_error')))).toBe(
      true,
    );
    expect(isRetryable(new Stripe.errors.StripeAPIError(raw(500, 'api_error')))).toBe(true);
    expect(
      isRetryable(new Stripe.errors.StripeConnectionError(raw(0, 'api_connection_error'))),
    ).toBe(true);
    expect(
      isRetryable(new Stripe.errors.StripeInvalidRequestError(raw(400, 'invalid_request_error'))),
    ).toBe(false);
  });
});

describe('token bucket', () => {
  it('lets a burst through, then paces calls at the configured rate', async () => {
    const bucket = createTokenBucket(20);
    const started = performance.now();
    for (let index = 0; index < 20; index += 1) await bucket.take();
    const burst = performance.now() - started;
    for (let index = 0; index < 6; index += 1) await bucket.take();
    const paced = performance.now() - started - burst;
    expect(burst).toBeLessThan(100);
    // Six more tokens at 20 per second take about 300 ms.
    expect(paced).toBeGreaterThanOrEqual(250);
  });
});
