import { isApiError, isNetworkError } from '@marketkit/core';
import type { Translator } from './format';

/**
 * What to tell the user about a failure: server messages are written to be shown (with the request id
 * support needs to find the server log); network ones are translated.
 */
export function describeError(error: Error | undefined, translator: Translator): string {
  if (!error) return '';
  // Checked as `unknown`: NetworkError adds no members, so narrowing an `Error` would leave `never`.
  const failure: unknown = error;
  if (isNetworkError(failure)) return translator.t('common.networkError');
  const requestId = isApiError(failure) ? failure.requestId : undefined;
  return requestId ? `${error.message} (${requestId})` : error.message;
}
