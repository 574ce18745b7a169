import type { HTMLAttributes, Ref } from 'react';
import type { RiskReport, RiskSignal } from '@marketkit/core';
import { useMarketkit } from '../provider/marketkit-provider';
import type { ResourceState } from '../provider/use-resource';
import { describeError } from '../i18n/error-message';
import { Alert } from '../primitives/alert';
import { Icon } from '../primitives/icon';
import { severityIcons } from '../primitives/severity-icons';
import { isDismissible, riskBannerMessages, useRiskSignals } from './use-risk-banner';

export interface RiskSignalsProps extends Omit<HTMLAttributes<HTMLElement>, 'onError'> {
  risk: ResourceState<RiskReport>;
  forwardedRef: Ref<HTMLDivElement> | undefined;
  onError?: (error: Error) => void;
  onDismiss?: (signal: RiskSignal) => void;
  orderLabel?: (orderId: string) => string;
}

/**
 * RiskBanner's signals, their sentences and their buttons. Loaded only once the seller has something to
 * see (`@marketkit/react/risk-signals` when published), so the healthy majority never downloads them.
 */
export function RiskSignals({
  risk,
  forwardedRef,
  onError,
  onDismiss,
  orderLabel,
  className,
  ...props
}: RiskSignalsProps) {
  const { translator } = useMarketkit('RiskBanner', riskBannerMessages);
  const { t } = translator;
  const banner = useRiskSignals(risk, { onError, onDismiss, orderLabel });
  // Every signal dismissed: nothing left to say.
  if (banner.signals.length === 0) return null;

  const busy = banner.remediationStatus === 'pending';
  return (
    <section
      ref={forwardedRef}
      className={className}
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
          <Icon icon={severityIcons[signal.severity]} />
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
}
