import { Suspense, forwardRef } from 'react';
import type { HTMLAttributes } from 'react';
import type { RiskSignal } from '@marketkit/core';
import { useMarketkit } from '../provider/marketkit-provider';
import { useRisk } from '../provider/data-hooks';
import { describeError } from '../i18n/error-message';
import { failureMessages } from '../i18n/en/common';
import { EmbeddedNotificationBannerLoader } from '../embedded/lazy';
import { Alert } from '../primitives/alert';
import { lazyPart } from '../primitives/lazy-part';

export interface RiskBannerProps extends Omit<HTMLAttributes<HTMLDivElement>, 'onError'> {
  /** `'embedded'` shows Stripe's `ConnectNotificationBanner` instead of the kit's banner. */
  variant?: 'default' | 'embedded';
  onError?: (error: Error) => void;
  onDismiss?: (signal: RiskSignal) => void;
  /** How the app names an order to its sellers (its own order number); MarketKit's order id by default. */
  orderLabel?: (orderId: string) => string;
}

// Most sellers have nothing to be warned about: the signals' markup, sentences and actions load only
// when there are some (`@marketkit/react/risk-signals` when published).
const RiskSignals = /* @__PURE__ */ lazyPart(() =>
  import('./risk-signals').then((module) => module.RiskSignals),
);

/** The signed-in seller's most pressing account problems, each with the button that fixes it. */
export const RiskBanner = /* @__PURE__ */ forwardRef<HTMLDivElement, RiskBannerProps>(
  function RiskBanner(
    { variant = 'default', onError, onDismiss, orderLabel, className, ...props },
    ref,
  ) {
    const { translator } = useMarketkit('RiskBanner', failureMessages);
    const { t } = translator;
    const risk = useRisk({ enabled: variant !== 'embedded', onError });
    const classes = className ? `mk-RiskBanner ${className}` : 'mk-RiskBanner';

    if (variant === 'embedded') {
      return (
        <div ref={ref} className={classes} data-variant="embedded" {...props}>
          <EmbeddedNotificationBannerLoader onError={onError} />
        </div>
      );
    }

    const signals = risk.data?.signals ?? [];
    if (risk.status === 'error' && signals.length === 0) {
      return (
        <div ref={ref} className={classes} data-state="error" {...props}>
          <Alert>
            {t('common.errorLoading', { message: describeError(risk.error, translator) })}
          </Alert>
          <button
            type="button"
            className="mk-Button"
            data-variant="secondary"
            onClick={() => void risk.refetch()}
          >
            {t('common.retry')}
          </button>
        </div>
      );
    }
    // Nothing to say (or not known yet): no empty box, no layout shift for healthy accounts.
    if (signals.length === 0) return null;
    return (
      <Suspense fallback={null}>
        <RiskSignals
          risk={risk}
          forwardedRef={ref}
          onError={onError}
          onDismiss={onDismiss}
          orderLabel={orderLabel}
          className={classes}
          {...props}
        />
      </Suspense>
    );
  },
);
