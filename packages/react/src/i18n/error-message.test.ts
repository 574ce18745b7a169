// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '@marketkit/core';
import { describeError } from './error-message';
import { createTranslator } from './format';
import { en } from './messages';

describe('describeError', () => {
  const translator = createTranslator('en-US', undefined, en);

  it('shows a server message with the request id support needs', () => {
    const error = new ApiError('payouts_not_enabled', 'Payouts are not enabled yet.', {
      httpStatus: 409,
      requestId: 'req_123',
    });
    expect(describeError(error, translator)).toBe('Payouts are not enabled yet. (req_123)');
  });

  it('shows a server message alone when the response had no request id', () => {
    const error = new ApiError('internal_error', 'Something broke.', { httpStatus: 500 });
    expect(describeError(error, translator)).toBe('Something broke.');
  });

  it('translates a network failure instead of showing its English message', () => {
    const french = createTranslator('fr-FR', { 'common.networkError': 'Serveur injoignable.' }, en);
    expect(describeError(new NetworkError(), translator)).toBe(en['common.networkError']);
    expect(describeError(new NetworkError(), french)).toBe('Serveur injoignable.');
    expect(describeError(new NetworkError('socket hang up'), translator)).not.toContain('socket');
  });

  it('shows any other error message as it is, and nothing without an error', () => {
    expect(describeError(new Error('Card declined.'), translator)).toBe('Card declined.');
    expect(describeError(undefined, translator)).toBe('');
  });
});
