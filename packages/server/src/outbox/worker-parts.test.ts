import { describe, expect, inject, it } from 'vitest';
import Stripe from 'stripe';
import { backoffDelay, isRetryable } from './retry';
import { createTestPgliteStore } from '../testing/test-pglite';
import { createCallBudget } from './call-budget';

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

describe('call budget', () => {
  it('lets half a second’s burst through, then paces calls at the configured rate', async () => {
    const store = createTestPgliteStore(inject('pgliteTemplate'));
    try {
      await store.migrate();
      const budget = createCallBudget(store, 20);
      const started = performance.now();
      let calls = 0;
      while (performance.now() - started < 600) {
        await budget.take();
        calls += 1;
      }
      const elapsed = performance.now() - started;
      // A burst of 10, then 20 per second: never more, however fast the loop.
      expect(calls).toBeGreaterThanOrEqual(10);
      expect(calls).toBeLessThanOrEqual(10 + Math.ceil((elapsed / 1000) * 20) + 1);
    } finally {
      await store.close();
    }
  });
});
