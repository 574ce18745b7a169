import type { StripeConnectInstance } from '@stripe/connect-js';
import type { EmbeddedComponent } from '@marketkit/core';
import type { ApiClient } from '../provider/api-client';
import { toConnectAppearance } from '../theme/appearance';
import type { Appearance } from '../theme/appearance';

export interface ConnectInstanceOptions {
  api: ApiClient;
  publishableKey: string;
  appearance: Appearance;
  locale: string;
  /** The embedded components the account session must enable. */
  components: EmbeddedComponent[];
}

/**
 * Initialises Connect.js with an account session minted by the server. Loaded on demand (the `pure`
 * entry injects no script at import), so apps that never use `variant="embedded"` never load it.
 */
export async function createConnectInstance({
  api,
  publishableKey,
  appearance,
  locale,
  components,
}: ConnectInstanceOptions): Promise<StripeConnectInstance> {
  const { loadConnectAndInitialize } = await import('@stripe/connect-js/pure');
  return loadConnectAndInitialize({
    publishableKey,
    // Connect.js calls this again whenever the session expires, so each call mints a fresh session.
    fetchClientSecret: async () => {
      const session = await api.request('createAccountSession', { body: { components } });
      return session.clientSecret;
    },
    appearance: toConnectAppearance(appearance),
    locale,
  });
}
