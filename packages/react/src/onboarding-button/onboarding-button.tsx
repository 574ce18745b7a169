import { Suspense, forwardRef } from 'react';
import type { HTMLAttributes } from 'react';
import { useMarketkit } from '../provider/marketkit-provider';
import { describeError } from '../i18n/error-message';
import { Alert } from '../primitives/alert';
import { Skeleton } from '../primitives/skeleton';
import { Icon, criticalIcon } from '../primitives/icon';
import { successIcon } from '../primitives/status-icons';
import { failureMessages, loadingMessages } from '../i18n/en/common';
import { onboardingMessages } from '../i18n/en/onboarding';
import { EmbeddedOnboardingDialog } from '../embedded/lazy';
import { useOnboardingButton } from './use-onboarding-button';

/** The button's defaults: the shared strings it shows and its own. */
const onboardingButtonMessages = /* @__PURE__ */ Object.assign(
  {},
  failureMessages,
  loadingMessages,
  onboardingMessages,
);

export interface OnboardingButtonProps extends Omit<HTMLAttributes<HTMLDivElement>, 'onError'> {
  /** `'embedded'` opens Stripe's `ConnectAccountOnboarding` in a dialog instead of redirecting. */
  variant?: 'redirect' | 'embedded';
  /** Show a "Manage" button (Express Dashboard) once payouts are enabled. Default `true`. */
  showManage?: boolean;
  onError?: (error: Error) => void;
  /** Called after the embedded onboarding dialog closes and the status was refreshed. */
  onExit?: () => void;
}

/** The seller's next onboarding step as one button: set up, continue, update, verifying, done. */
export const OnboardingButton = /* @__PURE__ */ forwardRef<HTMLDivElement, OnboardingButtonProps>(
  function OnboardingButton(
    { variant = 'redirect', showManage = true, onError, onExit, className, ...props },
    ref,
  ) {
    const marketkit = useMarketkit('OnboardingButton', onboardingButtonMessages);
    const { translator } = marketkit;
    const { t } = translator;
    const onboarding = useOnboardingButton({ variant, onError, onExit });
    const classes = className ? `mk-OnboardingButton ${className}` : 'mk-OnboardingButton';
    const busy = onboarding.actionStatus === 'pending';
    const state = onboarding.state;

    let content;
    if (onboarding.status === 'error' && !state) {
      content = (
        <>
          <Alert>
            {t('common.errorLoading', { message: describeError(onboarding.error, translator) })}
          </Alert>
          <button
            type="button"
            className="mk-Button"
            data-variant="secondary"
            onClick={() => void onboarding.refetch()}
          >
            {t('common.retry')}
          </button>
        </>
      );
    } else if (!state) {
      content = <Skeleton label={t('common.loading')} shape={['button']} />;
    } else if (state === 'enabled') {
      content = (
        <>
          <span className="mk-OnboardingButton-done mk-Badge" data-tone="success" role="status">
            <Icon icon={successIcon} />
            {t('onboarding.enabled')}
          </span>
          {showManage && (
            <button
              type="button"
              className="mk-Button"
              data-variant="secondary"
              disabled={busy}
              aria-busy={busy || undefined}
              onClick={() => void onboarding.manage()}
            >
              {t('onboarding.manage')}
            </button>
          )}
        </>
      );
    } else if (state === 'rejected') {
      content = (
        <span className="mk-OnboardingButton-rejected mk-Badge" data-tone="danger" role="status">
          <Icon icon={criticalIcon} />
          {t('onboarding.rejected')}
        </span>
      );
    } else {
      const verifying = state === 'pending_verification';
      content = (
        <button
          type="button"
          className="mk-Button"
          disabled={verifying || busy}
          aria-busy={busy || undefined}
          onPointerEnter={onboarding.prefetch}
          onFocus={onboarding.prefetch}
          onClick={() => void onboarding.start()}
        >
          {busy && variant === 'redirect' ? t('onboarding.redirecting') : t(`onboarding.${state}`)}
        </button>
      );
    }

    return (
      <div
        ref={ref}
        className={classes}
        data-state={state ?? onboarding.status}
        data-status={onboarding.actionStatus}
        {...props}
      >
        {content}
        {onboarding.actionStatus === 'error' && (
          <Alert>{describeError(onboarding.actionError, translator)}</Alert>
        )}
        {variant === 'embedded' && onboarding.dialog === 'open' && (
          <Suspense fallback={<Skeleton label={t('common.loading')} />}>
            <EmbeddedOnboardingDialog
              marketkit={marketkit}
              onExit={onboarding.closeDialog}
              onError={onError}
            />
          </Suspense>
        )}
      </div>
    );
  },
);
