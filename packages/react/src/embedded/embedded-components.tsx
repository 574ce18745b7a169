// The embedded variants, in one module that components load with `React.lazy`, so Connect.js and its
// React bindings are only fetched by apps that render `variant="embedded"`. Published as the package's
// `./embedded` entry; of the kit it imports only the theme (the provider's values come in as a prop), so
// it never loops back into the main bundle.
import { useMemo } from 'react';
import {
  ConnectAccountOnboarding,
  ConnectNotificationBanner,
  ConnectPayouts,
} from '@stripe/react-connect-js';
import type { EmbeddedComponent } from '@marketkit/core';
import type { MarketkitContextValue } from '../provider/marketkit-provider';
import { Dialog } from './dialog';
import { EmbeddedConnect } from './embedded-connect';
import { createAccountSessionRoute } from '../provider/routes';
import { embeddedMessages } from '../i18n/messages';

export interface EmbeddedBaseProps {
  /** The provider's values, with the app's messages. */
  marketkit: Pick<MarketkitContextValue, 'api' | 'publishableKey' | 'appearance' | 'translator'>;
  onError?: (error: Error) => void;
}

function toError({ error }: { error: { message?: string } }) {
  return new Error(error.message ?? 'Stripe Connect could not load this component.');
}

/** An account session for exactly `components`, the theme and the language, for `EmbeddedConnect`. */
function useConnect(
  { api, publishableKey, appearance, translator }: EmbeddedBaseProps['marketkit'],
  components: EmbeddedComponent[],
) {
  const componentsKey = components.join(',');
  const settings = useMemo(
    () => ({
      publishableKey,
      fetchClientSecret: async () => {
        const session = await api.send(createAccountSessionRoute, {
          body: { components: componentsKey.split(',') as EmbeddedComponent[] },
        });
        return session.clientSecret;
      },
      appearance,
      locale: translator.locale,
    }),
    [api, publishableKey, appearance, translator.locale, componentsKey],
  );
  const labels = useMemo(() => {
    // The English sentences travel with this entry; the app's own (a translation, an override) win.
    const say = (key: keyof typeof embeddedMessages) =>
      translator.has(key) ? translator.t(key) : embeddedMessages[key];
    return {
      loading: say('embedded.loading'),
      // Why Stripe failed to load is for developers (`onError`, the console); the seller gets the next step.
      error: () => say('embedded.error'),
    };
  }, [translator]);
  return { settings, labels };
}

export interface EmbeddedOnboardingProps extends EmbeddedBaseProps {
  /** The dialog's heading and close button, in the provider's language. */
  title: string;
  closeLabel: string;
  onExit: () => void;
}

/** Stripe's onboarding in the kit's dialog: both arrive with this entry, when a seller opens it. */
export function EmbeddedOnboarding({
  marketkit,
  title,
  closeLabel,
  onExit,
  onError,
}: EmbeddedOnboardingProps) {
  return (
    <Dialog title={title} closeLabel={closeLabel} onClose={onExit}>
      <EmbeddedConnect {...useConnect(marketkit, ['account_onboarding'])} onError={onError}>
        <ConnectAccountOnboarding
          onExit={onExit}
          onLoadError={(event) => onError?.(toError(event))}
        />
      </EmbeddedConnect>
    </Dialog>
  );
}

export function EmbeddedPayouts({ marketkit, onError }: EmbeddedBaseProps) {
  return (
    <EmbeddedConnect {...useConnect(marketkit, ['payouts'])} onError={onError}>
      <ConnectPayouts onLoadError={(event) => onError?.(toError(event))} />
    </EmbeddedConnect>
  );
}

export function EmbeddedNotificationBanner({ marketkit, onError }: EmbeddedBaseProps) {
  return (
    <EmbeddedConnect {...useConnect(marketkit, ['notification_banner'])} onError={onError}>
      <ConnectNotificationBanner onLoadError={(event) => onError?.(toError(event))} />
    </EmbeddedConnect>
  );
}
