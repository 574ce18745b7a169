import type { AppearanceOptions, StripeConnectInstance } from '@stripe/connect-js';

/** What Connect.js needs, resolved by the caller so this lazily loaded module imports nothing of the kit. */
export interface ConnectSettings {
  publishableKey: string;
  /** Mints an account session (`POST /account-sessions`) and returns its client secret. */
  fetchClientSecret: () => Promise<string>;
  appearance: AppearanceOptions;
  locale: string;
}

/**
 * Initialises Connect.js with an account session minted by the server. Loaded on demand (the `pure`
 * entry injects no script at import), so apps that never use `variant="embedded"` never load it.
 */
export async function createConnectInstance({
  publishableKey,
  fetchClientSecret,
  appearance,
  locale,
}: ConnectSettings): Promise<StripeConnectInstance> {
  const { loadConnectAndInitialize } = await import('@stripe/connect-js/pure');
  // Connect.js calls fetchClientSecret again whenever the session expires.
  return loadConnectAndInitialize({ publishableKey, fetchClientSecret, appearance, locale });
}
