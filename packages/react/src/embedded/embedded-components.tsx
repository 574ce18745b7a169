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
import type { Translator } from '../i18n/format';
import type { MessageKey, Messages } from '../i18n/messages';
import { Dialog } from './dialog';
import { EmbeddedConnect } from './embedded-connect';
import { createAccountSessionRoute } from '../provider/account-routes';
import { embeddedMessages, onboardingDialogMessages } from '../i18n/en/embedded';

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
    const say = (key: keyof typeof embeddedMessages) => sayIn(translator, embeddedMessages, key);
    return {
      loading: say('embedded.loading'),
      // Why Stripe failed to load is for developers (`onError`, the console); the seller gets the next step.
      error: () => say('embedded.error'),
    };
  }, [translator]);
  return { settings, labels };
}

/** The English sentences travel with this entry; the app's own (a translation, an override) win. */
function sayIn<Defaults extends Partial<Messages>>(
  translator: Translator,
  defaults: Defaults,
  key: keyof Defaults & MessageKey,
): string {
  return translator.has(key) ? translator.t(key) : (defaults[key] as string);
}

export interface EmbeddedOnboardingProps extends EmbeddedBaseProps {
  onExit: () => void;
}

/** Stripe's onboarding in the kit's dialog: both arrive with this entry, when a seller opens it. */
export function EmbeddedOnboarding({ marketkit, onExit, onError }: EmbeddedOnboardingProps) {
  const say = (key: keyof typeof onboardingDialogMessages) =>
    sayIn(marketkit.translator, onboardingDialogMessages, key);
  return (
    <Dialog title={say('onboarding.dialogTitle')} closeLabel={say('common.close')} onClose={onExit}>
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
