import type { Translator } from './format';
import type { MessageKey } from './messages';
import { loadedErrorMessages, loadedFailureModule } from './load-error-messages';

/**
 * What to tell the user about a failure, in their language, with a next step. Never the server's or
 * Stripe's own text, the request id or the route: those are for developers (`onError`, the console).
 */
export function describeError(error: Error | undefined, translator: Translator): string {
  if (!error) return '';
  // Recognised by shape rather than `instanceof`: a component that only renders errors then does not pull
  // @marketkit/core's error classes (and their status table) into the page.
  if (error.name === 'NetworkError') return translator.t('common.networkError');
  const { code } = error as { code?: unknown };
  const key = `error.${String(code)}` as MessageKey;
  // The app's messages (a translation, overrides) first, then the English catalogue once loaded.
  if (translator.has(key)) return translator.t(key);
  return loadedErrorMessages()?.[key] ?? translator.t('error.internal_error');
}

/**
 * A card payment Stripe refused: Stripe's decline or error code to the buyer's sentence. The codes and
 * their English sentences load with the first failure (`loadErrorMessages`, which the checkout awaits
 * before it shows a decline); until then, or offline, every decline reads as a plain one.
 */
export function describeDecline(code: string | undefined, translator: Translator): string {
  const failure = loadedFailureModule();
  const key = `decline.${failure?.declineGroup(code) ?? 'declined'}` as const;
  if (translator.has(key)) return translator.t(key);
  return failure?.declineMessages[key] ?? translator.t('decline.declined');
}

/** Whatever was thrown, as an `Error` (hooks keep and report only errors). */
export function toError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown));
}

/** Developer detail goes to the console (and `onError`), never on screen. */
export function reportError(error: Error): void {
  const { code, requestId } = error as { code?: unknown; requestId?: unknown };
  const detail = [code, requestId].filter((part) => typeof part === 'string' && part).join(' ');
  console.warn(`[marketkit] ${error.message}${detail ? ` (${detail})` : ''}`);
}
