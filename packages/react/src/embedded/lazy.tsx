import { Suspense, lazy, useEffect, useState } from 'react';
import type { ComponentProps, ComponentType } from 'react';
import { useMarketkit } from '../provider/marketkit-provider';
import type {
  EmbeddedNotificationBannerProps,
  EmbeddedOnboardingProps,
  EmbeddedPayoutsProps,
} from './embedded-components';

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

/** Renders `Component` only after mounting in a browser: Connect.js cannot run in a server render. */
function ClientOnly<Props extends object>({
  component: Component,
  props,
}: {
  component: ComponentType<Props>;
  props: Props;
}) {
  const { translator } = useMarketkit('EmbeddedConnect');
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const fallback = (
    <p role="status" className="mk-Embedded-loading">
      {translator.t('embedded.loading')}
    </p>
  );
  if (!mounted) return fallback;
  return (
    <Suspense fallback={fallback}>
      <Component {...(props as ComponentProps<typeof Component>)} />
    </Suspense>
  );
}

export function EmbeddedOnboardingLoader(props: EmbeddedOnboardingProps) {
  return <ClientOnly component={LazyOnboarding} props={props} />;
}

export function EmbeddedPayoutsLoader(props: EmbeddedPayoutsProps) {
  return <ClientOnly component={LazyPayouts} props={props} />;
}

export function EmbeddedNotificationBannerLoader(props: EmbeddedNotificationBannerProps) {
  return <ClientOnly component={LazyNotificationBanner} props={props} />;
}
