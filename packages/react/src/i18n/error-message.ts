import type { Translator } from './format';

/**
 * What to tell the user about a failure: server messages are written to be shown (with the request id
 * support needs to find the server log); network ones are translated.
 */
export function describeError(error: Error | undefined, translator: Translator): string {
  if (!error) return '';
  // Recognised by shape rather than `instanceof`: a component that only renders errors then does not pull
  // @marketkit/core's error classes (and their status table) into the page.
  if (error.name === 'NetworkError') return translator.t('common.networkError');
  const { requestId } = error as { requestId?: unknown };
  return typeof requestId === 'string' && requestId
    ? `${error.message} (${requestId})`
    : error.message;
}
