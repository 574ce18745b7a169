import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import type { ComponentType } from 'react';
import type { EmbeddedComponent } from '@marketkit/core';
import { useMarketkit } from '../provider/marketkit-provider';
import { commonMessages } from '../i18n/messages';
import type { EmbeddedBaseProps, EmbeddedOnboardingProps } from './embedded-components';

// `@__PURE__` lets bundlers drop the wrappers a page does not use (RiskBanner alone stays small).
const LazyOnboarding = /* @__PURE__ */ lazy(() =>
  import('./embedded-components').then((module) => ({ default: module.EmbeddedOnboarding })),
);
const LazyPayouts = /* @__PURE__ */ lazy(() =>
  import('./embedded-components').then((module) => ({ default: module.EmbeddedPayouts })),
);
const LazyNotificationBanner = /* @__PURE__ */ lazy(() =>
  import('./embedded-components').then((module) => ({
    default: module.EmbeddedNotificationBanner,
  })),
);

interface LoaderProps {
  onError?: (error: Error) => void;
}

/**
 * Renders an embedded component only after mounting in a browser (Connect.js cannot run in a server
 * render), with an account session for exactly the components it shows.
 */
function ClientOnly<Props extends EmbeddedBaseProps>({
  component: Component,
  components,
  props,
}: {
  component: ComponentType<Props>;
  components: EmbeddedComponent[];
  props: Omit<Props, keyof EmbeddedBaseProps> & LoaderProps;
}) {
  const { api, publishableKey, appearance, translator } = useMarketkit(
    'EmbeddedConnect',
    commonMessages,
  );
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const componentsKey = components.join(',');
  const settings = useMemo(
    () => ({
      publishableKey,
      fetchClientSecret: async () => {
        const session = await api.request('createAccountSession', {
          body: { components: componentsKey.split(',') as EmbeddedComponent[] },
        });
        return session.clientSecret;
      },
      appearance,
      locale: translator.locale,
    }),
    [api, publishableKey, appearance, translator.locale, componentsKey],
  );
  const labels = useMemo(
    () => ({
      loading: translator.t('embedded.loading'),
      error: (message: string) => translator.t('embedded.error', { message }),
    }),
    [translator],
  );
  const fallback = (
    <p role="status" className="mk-Embedded-loading">
      {labels.loading}
    </p>
  );
  if (!mounted) return fallback;
  const allProps = { ...props, settings, labels } as unknown as Props;
  return (
    <Suspense fallback={fallback}>
      <Component {...allProps} />
    </Suspense>
  );
}

export function EmbeddedOnboardingLoader(
  props: Omit<EmbeddedOnboardingProps, keyof EmbeddedBaseProps> & LoaderProps,
) {
  return (
    <ClientOnly component={LazyOnboarding} components={['account_onboarding']} props={props} />
  );
}

export function EmbeddedPayoutsLoader(props: LoaderProps) {
  return <ClientOnly component={LazyPayouts} components={['payouts']} props={props} />;
}

export function EmbeddedNotificationBannerLoader(props: LoaderProps) {
  return (
    <ClientOnly
      component={LazyNotificationBanner}
      components={['notification_banner']}
      props={props}
    />
  );
}
