import type { StripeConnectInstance } from '@stripe/connect-js';
import { toConnectAppearance } from '../theme/appearance';
import type { Appearance } from '../theme/appearance';

/** What Connect.js needs; the kit's appearance is translated here so pages without embedded variants skip it. */
export interface ConnectSettings {
  publishableKey: string;
  /** Mints an account session (`POST /account-sessions`) and returns its client secret. */
  fetchClientSecret: () => Promise<string>;
  appearance: Appearance;
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
  return loadConnectAndInitialize({
    publishableKey,
    fetchClientSecret,
    appearance: toConnectAppearance(appearance),
    locale,
  });
}
