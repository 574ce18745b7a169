import { isNetworkError } from '@marketkit/core';
import type { Translator } from './format';

/** What to tell the user about a failure: server messages are written to be shown; network ones are translated. */
export function describeError(error: Error | undefined, translator: Translator): string {
  if (!error) return '';
  // Read before the guard: NetworkError adds no members, so TypeScript narrows the rest to `never`.
  const { message } = error;
  return isNetworkError(error) ? translator.t('common.networkError') : message;
}
