import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_DESCRIPTIONS } from './error-codes';
import {
  ApiError,
  ERROR_CODE_LIST,
  ERROR_STATUS,
  isApiError,
  isErrorCode,
  isMarketkitError,
  MarketkitError,
} from './errors';

describe('error codes', () => {
  it('documents every code with a client or server error status', () => {
    for (const code of ERROR_CODE_LIST) {
      expect(ERROR_DESCRIPTIONS[code].length).toBeGreaterThan(10);
      expect(ERROR_CODES[code]).toEqual({
        status: ERROR_STATUS[code],
        description: ERROR_DESCRIPTIONS[code],
      });
      expect(ERROR_STATUS[code]).toBeGreaterThanOrEqual(400);
      expect(ERROR_STATUS[code]).toBeLessThan(600);
    }
  });

  it('answers bad input with 4xx and keeps 5xx for upstream failures and the app’s own bugs', () => {
    const serverErrors = ERROR_CODE_LIST.filter((code) => ERROR_STATUS[code] >= 500);
    expect(serverErrors.sort()).toEqual([
      'internal_error',
      'pricing_invalid',
      'stripe_error',
      'stripe_unavailable',
    ]);
  });

  it('recognises known codes only', () => {
    expect(isErrorCode('unknown_seller')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode(42)).toBe(false);
  });

  it('gives MarketkitError the status of its code and ApiError the status the server sent', () => {
    const error = new MarketkitError('amount_too_large', 'Too large.', { param: 'amount' });
    expect(error.status).toBe(400);
    expect(error.param).toBe('amount');
    expect(isMarketkitError(error)).toBe(true);
    const apiError = new ApiError('rate_limited', 'Slow down.', {
      httpStatus: 429,
      requestId: 'req_1',
    });
    expect(apiError.status).toBe(429);
    expect(isApiError(apiError)).toBe(true);
    expect(isApiError(error)).toBe(false);
  });
});
