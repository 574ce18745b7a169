import { forwardRef } from 'react';
import type { HTMLAttributes } from 'react';
import type { RiskSignal } from '@marketkit/core';
import { useMarketkit } from '../provider/marketkit-provider';
import { describeError } from '../i18n/error-message';
import { riskBannerMessages } from '../i18n/component-messages';
import { EmbeddedNotificationBannerLoader } from '../embedded/lazy';
import { Alert } from '../primitives/alert';
import { Icon } from '../primitives/icon';
import { isDismissible, useRiskBanner } from './use-risk-banner';

export interface RiskBannerProps extends Omit<HTMLAttributes<HTMLDivElement>, 'onError'> {
  /** `'embedded'` shows Stripe's `ConnectNotificationBanner` instead of the kit's banner. */
  variant?: 'default' | 'embedded';
  onError?: (error: Error) => void;
  onDismiss?: (signal: RiskSignal) => void;
  /** How the app names an order to its sellers (its own order number); MarketKit's order id by default. */
  orderLabel?: (orderId: string) => string;
}

/** The signed-in seller's most pressing account problems, each with the button that fixes it. */
export const RiskBanner = /* @__PURE__ */ forwardRef<HTMLDivElement, RiskBannerProps>(
  function RiskBanner(
    { variant = 'default', onError, onDismiss, orderLabel, className, ...props },
    ref,
  ) {
    const { translator } = useMarketkit('RiskBanner', riskBannerMessages);
    const { t } = translator;
    const banner = useRiskBanner({
      enabled: variant !== 'embedded',
      onError,
      onDismiss,
      orderLabel,
    });
    const classes = className ? `mk-RiskBanner ${className}` : 'mk-RiskBanner';

    if (variant === 'embedded') {
      return (
        <div ref={ref} className={classes} data-variant="embedded" {...props}>
          <EmbeddedNotificationBannerLoader onError={onError} />
        </div>
      );
    }

    if (banner.status === 'error' && banner.signals.length === 0) {
      return (
        <div ref={ref} className={classes} data-state="error" {...props}>
          <Alert>
            {t('common.errorLoading', { message: describeError(banner.error, translator) })}
          </Alert>
          <button
            type="button"
            className="mk-Button"
            data-variant="secondary"
            onClick={() => void banner.refetch()}
          >
            {t('common.retry')}
          </button>
        </div>
      );
    }
    // Nothing to say (or not known yet): no empty box, no layout shift for healthy accounts.
    if (banner.signals.length === 0) return null;

    const busy = banner.remediationStatus === 'pending';
    return (
      <section
        ref={ref}
        className={classes}
        data-state={banner.status}
        data-severity={banner.highestSeverity ?? undefined}
        aria-label={t('risk.title')}
        {...props}
      >
        {banner.signals.map((signal) => (
          <div
            key={signal.id}
            className="mk-RiskBanner-signal"
            data-severity={signal.severity}
            data-kind={signal.kind}
            role={signal.severity === 'critical' ? 'alert' : 'status'}
          >
            <Icon name={signal.severity} />
            <p className="mk-RiskBanner-message">{banner.describe(signal)}</p>
            <div className="mk-RiskBanner-actions">
              {signal.remediation !== 'none' && (
                <button
                  type="button"
                  className="mk-Button"
                  disabled={busy}
                  aria-busy={busy || undefined}
                  onClick={() => void banner.remediate(signal)}
                >
                  {t(`risk.remediation.${signal.remediation}`)}
                </button>
              )}
              {isDismissible(signal) && (
                <button
                  type="button"
                  className="mk-Button"
                  data-variant="secondary"
                  onClick={() => banner.dismiss(signal)}
                >
                  {t('common.dismiss')}
                </button>
              )}
            </div>
          </div>
        ))}
        {banner.remediationStatus === 'error' && (
          <Alert>{describeError(banner.remediationError, translator)}</Alert>
        )}
      </section>
    );
  },
);
