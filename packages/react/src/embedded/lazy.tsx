import { Suspense, useEffect, useState } from 'react';
import type { ComponentType } from 'react';
import { useMarketkit } from '../provider/marketkit-provider';
import { embeddedLoadingMessages } from '../i18n/en/common';
import { Skeleton } from '../primitives/skeleton';
import { lazyPart } from '../primitives/lazy-part';
import type { EmbeddedBaseProps } from './embedded-components';

/** Starts loading the embedded entry ahead of need (a pointer on the button that opens it). */
export const preloadEmbedded = () => import('./embedded-components');

/**
 * The onboarding dialog. It opens on a click, so it never renders on the server and needs no mount check;
 * `marketkit` is the opening component's context.
 */
export const EmbeddedOnboardingDialog = /* @__PURE__ */ lazyPart(() =>
  preloadEmbedded().then((module) => module.EmbeddedOnboarding),
);

// `@__PURE__` lets bundlers drop the wrappers a page does not use (RiskBanner alone stays small).
const LazyPayouts = /* @__PURE__ */ lazyPart(() =>
  preloadEmbedded().then((module) => module.EmbeddedPayouts),
);
const LazyNotificationBanner = /* @__PURE__ */ lazyPart(() =>
  preloadEmbedded().then((module) => module.EmbeddedNotificationBanner),
);

type LoaderProps<Props extends EmbeddedBaseProps = EmbeddedBaseProps> = Omit<Props, 'marketkit'>;

/**
 * Renders an embedded component only after mounting in a browser (Connect.js cannot run in a server
 * render). Everything else (account session, theme, labels) happens in the lazily loaded module.
 */
function ClientOnly<Props extends EmbeddedBaseProps>({
  component: Component,
  props,
}: {
  component: ComponentType<Props>;
  props: LoaderProps<Props>;
}) {
  const marketkit = useMarketkit('EmbeddedConnect', embeddedLoadingMessages);
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const fallback = <Skeleton label={marketkit.translator.t('embedded.loading')} />;
  if (!mounted) return fallback;
  const allProps = { ...props, marketkit } as unknown as Props;
  return (
    <Suspense fallback={fallback}>
      <Component {...allProps} />
    </Suspense>
  );
}

export function EmbeddedPayoutsLoader(props: LoaderProps) {
  return <ClientOnly component={LazyPayouts} props={props} />;
}

export function EmbeddedNotificationBannerLoader(props: LoaderProps) {
  return <ClientOnly component={LazyNotificationBanner} props={props} />;
}
