import { useCallback, useMemo, useState } from 'react';
import { compareSeverity, highestSeverity } from '@marketkit/core';
import type { RiskReport, RiskSignal, Severity } from '@marketkit/core';
import { useMarketkit } from '../provider/marketkit-provider';
import { openLinkInNewTab } from '../provider/open-in-new-tab';
import { createAccountLinkRoute, createLoginLinkRoute } from '../provider/account-routes';
import { dismissMessages, failureMessages } from '../i18n/en/common';
import { riskMessages } from '../i18n/en/risk';
import { useRisk } from '../provider/data-hooks';
import { useAction } from '../provider/use-action';
import type { ResourceState, ResourceStatus } from '../provider/use-resource';
import type { ActionStatus } from '../provider/use-action';
import type { Translator } from '../i18n/format';
import { formatAmount } from '../i18n/money';

/** RiskBanner's signals' defaults: the shared strings they show and their own. */
export const riskBannerMessages = /* @__PURE__ */ Object.assign(
  {},
  failureMessages,
  dismissMessages,
  riskMessages,
);

export interface UseRiskBannerOptions {
  /** `false` skips loading (the embedded variant shows Stripe's own banner). */
  enabled?: boolean;
  onError?: (error: Error) => void;
  /** Called after an info-level signal is dismissed. */
  onDismiss?: (signal: RiskSignal) => void;
  /** How the app names an order to its sellers (its own order number); MarketKit's order id by default. */
  orderLabel?: (orderId: string) => string;
}

export interface UseRiskBannerResult {
  status: ResourceStatus;
  error: Error | undefined;
  /** Signals still shown, most severe first. */
  signals: RiskSignal[];
  highestSeverity: Severity | null;
  refetch: () => Promise<void>;
  dismiss: (signal: RiskSignal) => void;
  /** Starts the signal's remediation: an `update` account link or the Express Dashboard. */
  remediate: (signal: RiskSignal) => Promise<void>;
  remediationStatus: ActionStatus;
  remediationError: Error | undefined;
  describe: (signal: RiskSignal) => string;
}

/**
 * Only information can be hidden; warnings and critical signals stay until they are resolved, and so does
 * "finish setting up" (hiding the only way to get paid helps nobody).
 */
export function isDismissible(signal: RiskSignal): boolean {
  return signal.severity === 'info' && signal.remediation !== 'finish_onboarding';
}

/** The sentence a user reads for a signal, in the provider's language. */
export function describeRiskSignal(
  signal: RiskSignal,
  translator: Translator,
  orderLabel: (orderId: string) => string = (orderId) => orderId,
): string {
  const { t } = translator;
  const deadline =
    signal.deadline === undefined
      ? ''
      : t('risk.deadline', { date: translator.date(signal.deadline) });
  const amount = signal.amount
    ? formatAmount(Math.abs(signal.amount.amount), signal.amount.currency, translator.locale)
    : '';
  switch (signal.kind) {
    case 'requirements_past_due':
    case 'requirements_due':
      return t(`risk.${signal.kind}`, { deadline });
    case 'negative_balance':
      return t('risk.negative_balance', { amount: signal.amount ? `-${amount}` : '' });
    case 'dispute_open':
      return t('risk.dispute_open', { amount });
    case 'seller_debt':
      // What is owed and why: a refund after the seller was paid out, or a dispute they lost.
      return signal.objectId && (signal.reason === 'refund' || signal.reason === 'dispute')
        ? t(`risk.seller_debt.${signal.reason}`, {
            amount,
            order: orderLabel(signal.objectId),
          })
        : t('risk.seller_debt', { amount });
    default:
      return t(`risk.${signal.kind}`, { amount });
  }
}

/** The part of `useRiskBanner` that follows the data: what is shown, dismissing, remediating, wording. */
export function useRiskSignals(
  risk: ResourceState<RiskReport>,
  { onError, onDismiss, orderLabel }: Omit<UseRiskBannerOptions, 'enabled'> = {},
): UseRiskBannerResult {
  const { api, navigate, openWindow, translator } = useMarketkit('RiskBanner', riskBannerMessages);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set());

  const signals = useMemo(
    () =>
      (risk.data?.signals ?? [])
        .filter((signal) => !dismissed.has(signal.id))
        .sort((a, b) => compareSeverity(a.severity, b.severity)),
    [risk.data, dismissed],
  );

  const dismiss = useCallback(
    (signal: RiskSignal) => {
      if (!isDismissible(signal)) return;
      setDismissed((previous) => new Set(previous).add(signal.id));
      onDismiss?.(signal);
    },
    [onDismiss],
  );

  const remediation = useAction(async (signal: RiskSignal) => {
    if (signal.remediation === 'respond_to_dispute') {
      await openLinkInNewTab(openWindow, async () => (await api.send(createLoginLinkRoute)).url);
      return;
    }
    if (signal.remediation === 'none') return;
    const type = signal.remediation === 'finish_onboarding' ? 'onboarding' : 'update';
    const { url } = await api.send(createAccountLinkRoute, { body: { type } });
    navigate(url);
  }, onError);

  return {
    status: risk.status,
    error: risk.error,
    signals,
    highestSeverity: highestSeverity(signals.map((signal) => signal.severity)),
    refetch: risk.refetch,
    dismiss,
    remediate: async (signal) => {
      await remediation.run(signal);
    },
    remediationStatus: remediation.status,
    remediationError: remediation.error,
    describe: (signal) => describeRiskSignal(signal, translator, orderLabel),
  };
}

/** The signed-in seller's risk signals with everything `RiskBanner` does with them, for a banner of your own. */
export function useRiskBanner({
  enabled = true,
  ...options
}: UseRiskBannerOptions = {}): UseRiskBannerResult {
  return useRiskSignals(useRisk({ enabled, onError: options.onError }), options);
}
