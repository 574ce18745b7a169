import { lazy } from 'react';
import type { ComponentType } from 'react';
import { useMarketkit } from '../provider/marketkit-provider';
import { failureMessages } from '../i18n/en/common';
import { reportError, toError } from '../i18n/error-message';
import { Alert } from './alert';

/** What shows instead of a part whose code could not be fetched: the next step, not a crash. */
function PartUnavailable() {
  const { t } = useMarketkit('MarketKit', failureMessages).translator;
  return <Alert>{t('common.errorLoading', { message: t('common.networkError') })}</Alert>;
}

/**
 * `React.lazy` for the kit's parts that load on demand. A chunk that cannot be fetched (offline, or
 * replaced by a deploy since the page loaded) would throw into the app's tree and take the page down
 * with it; here the part says it could not be loaded, and the detail goes to the console.
 */
export function lazyPart<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  return lazy(() =>
    load().then(
      (component) => ({ default: component }),
      (error: unknown) => {
        reportError(toError(error));
        return { default: PartUnavailable as ComponentType<Props> };
      },
    ),
  );
}
