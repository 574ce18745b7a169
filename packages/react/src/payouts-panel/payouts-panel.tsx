import { Suspense, forwardRef, useId, useRef, useState } from 'react';
import type { HTMLAttributes } from 'react';
import type { MoneyAmount, Payout } from '@marketkit/core';
import { useMarketkit } from '../provider/marketkit-provider';
import { describeError } from '../i18n/error-message';
import { confirmMessages, failureMessages, loadingMessages } from '../i18n/en/common';
import { payoutsMessages } from '../i18n/en/payouts';
import type { Translator } from '../i18n/format';
import { amountFormatter, formatAmount } from '../i18n/money';
import { EmbeddedPayoutsLoader } from '../embedded/lazy';
import { Alert } from '../primitives/alert';
import { lazyPart } from '../primitives/lazy-part';
import { Icon, criticalIcon } from '../primitives/icon';
import { canceledIcon, pendingIcon, successIcon } from '../primitives/status-icons';
import type { IconShape } from '../primitives/icon';
import { Skeleton } from '../primitives/skeleton';
import { usePayoutsPanel } from './use-payouts-panel';
import { describeSchedule } from './schedule';

/** The panel's defaults: the shared strings it shows and its own. */
const payoutsPanelMessages = /* @__PURE__ */ Object.assign(
  {},
  failureMessages,
  loadingMessages,
  confirmMessages,
  payoutsMessages,
);

export interface PayoutsPanelProps extends Omit<HTMLAttributes<HTMLElement>, 'onError'> {
  /** `'embedded'` renders Stripe's `ConnectPayouts` instead of the kit's panel. */
  variant?: 'default' | 'embedded';
  /** Payouts per page. Default 10. */
  pageSize?: number;
  onError?: (error: Error) => void;
  /** Called after a payout was created and confirmed by the server. */
  onPayout?: (payout: Payout) => void;
}

// Only a seller without an account sees it, once, so it loads then (`@marketkit/react/onboarding-button`
// when published) rather than with every payouts page.
const OnboardingButton = /* @__PURE__ */ lazyPart(() =>
  import('../onboarding-button').then((module) => module.OnboardingButton),
);

// The schedule form loads when a seller opens it (fetched ahead when the pointer reaches the button).
const preloadScheduleEditor = () => import('./schedule-editor');
const ScheduleEditor = /* @__PURE__ */ lazyPart(() =>
  preloadScheduleEditor().then((module) => module.ScheduleEditor),
);
const preloadQuietly = () => void preloadScheduleEditor().catch(() => undefined);

const STATUS_TONE: Record<Payout['status'], string> = {
  paid: 'success',
  pending: 'neutral',
  in_transit: 'neutral',
  failed: 'danger',
  canceled: 'neutral',
};

const STATUS_ICON: Record<Payout['status'], IconShape> = {
  paid: successIcon,
  pending: pendingIcon,
  in_transit: pendingIcon,
  failed: criticalIcon,
  canceled: canceledIcon,
};

/** Stripe's payout failure codes the seller can retry without changing anything; the rest need new bank details. */
const RETRYABLE_PAYOUT_FAILURES = new Set(['could_not_process', 'declined', 'insufficient_funds']);

function payoutFailureGroup(code: string | null): 'bank_details' | 'try_again' {
  return code && RETRYABLE_PAYOUT_FAILURES.has(code) ? 'try_again' : 'bank_details';
}

function MoneyList({
  amounts,
  translator,
}: {
  amounts: readonly MoneyAmount[];
  translator: Translator;
}) {
  return (
    <>
      {amounts.map((money) => (
        <dd key={money.currency}>
          {formatAmount(money.amount, money.currency, translator.locale)}
        </dd>
      ))}
    </>
  );
}

/** Balances, payout history, schedule and payout actions for the signed-in seller. */
export const PayoutsPanel = /* @__PURE__ */ forwardRef<HTMLElement, PayoutsPanelProps>(
  function PayoutsPanel(
    { variant = 'default', pageSize, onError, onPayout, className, ...props },
    ref,
  ) {
    const { translator } = useMarketkit('PayoutsPanel', payoutsPanelMessages);
    const { t, date } = translator;
    const money = amountFormatter(translator.locale);
    const panel = usePayoutsPanel({ enabled: variant !== 'embedded', pageSize, onError, onPayout });
    const [editing, setEditing] = useState(false);
    // When the schedule form closes, focus goes back to the button that opened it.
    const returningFocus = useRef(false);
    const titleId = useId();
    const classes = className ? `mk-PayoutsPanel mk-Card ${className}` : 'mk-PayoutsPanel mk-Card';

    if (variant === 'embedded') {
      return (
        <section
          ref={ref}
          className={classes}
          data-variant="embedded"
          aria-labelledby={titleId}
          {...props}
        >
          <h2 id={titleId} className="mk-PayoutsPanel-title mk-Card-title">
            {t('payouts.title')}
          </h2>
          <EmbeddedPayoutsLoader onError={onError} />
        </section>
      );
    }

    const { account, balance, payouts, schedule } = panel;
    const failed = [account, balance, payouts, schedule].find(
      (resource) => resource.status === 'error' && !resource.data,
    );
    let body;
    if (panel.accountState === 'not_started') {
      // A seller without an account has nothing to load yet: the next step, not an error.
      body = (
        <div className="mk-PayoutsPanel-setup">
          <p>{t('payouts.setup')}</p>
          <Suspense fallback={<Skeleton label={t('common.loading')} shape={['button']} />}>
            <OnboardingButton showManage={false} onError={onError} />
          </Suspense>
        </div>
      );
    } else if (failed) {
      body = (
        <>
          <Alert>
            {t('common.errorLoading', { message: describeError(failed.error, translator) })}
          </Alert>
          <button
            type="button"
            className="mk-Button"
            data-variant="secondary"
            onClick={() =>
              void Promise.all([
                account.refetch(),
                balance.refetch(),
                payouts.refetch(),
                schedule.refetch(),
              ])
            }
          >
            {t('common.retry')}
          </button>
        </>
      );
    } else if (!balance.data) {
      body = (
        <Skeleton label={t('common.loading')} shape={['lg', 'md', 'button', 'md', 'md', 'md']} />
      );
    } else {
      const data = balance.data;
      const busy = panel.payoutStatus === 'pending';
      body = (
        <>
          <dl className="mk-PayoutsPanel-balances">
            <div>
              <dt>{t('payouts.available')}</dt>
              <MoneyList amounts={data.available} translator={translator} />
            </div>
            <div>
              <dt>{t('payouts.pending')}</dt>
              <MoneyList amounts={data.pending} translator={translator} />
            </div>
          </dl>
          <p className="mk-PayoutsPanel-next">
            {data.nextPayout
              ? t('payouts.nextPayout', {
                  amount: money(data.nextPayout.amount, data.nextPayout.currency),
                  date: date(data.nextPayout.arrivalDate),
                })
              : t('payouts.noNextPayout')}
          </p>

          <div className="mk-PayoutsPanel-actions mk-Actions">
            <button
              type="button"
              className="mk-Button"
              disabled={!panel.standardPayout || busy}
              onClick={() => panel.requestPayout('standard')}
            >
              {t('payouts.payoutNow')}
            </button>
            {panel.instantPayout && (
              <button
                type="button"
                className="mk-Button"
                data-variant="secondary"
                disabled={busy}
                onClick={() => panel.requestPayout('instant')}
              >
                {t('payouts.instantPayout')}
              </button>
            )}
            <button
              type="button"
              className="mk-Button"
              data-variant="link"
              disabled={panel.dashboardStatus === 'pending'}
              aria-busy={panel.dashboardStatus === 'pending' || undefined}
              onClick={() => void panel.openDashboard()}
            >
              {t('payouts.dashboard')}
            </button>
          </div>
          {!panel.instantPayout && data.instantPayouts !== 'available' && panel.standardPayout && (
            <p className="mk-PayoutsPanel-hint" data-reason={data.instantPayouts}>
              {t(`payouts.instant.${data.instantPayouts}`)}
            </p>
          )}

          {panel.pending && (
            <div
              className="mk-PayoutsPanel-confirm mk-Actions"
              role="group"
              aria-label={t('common.confirm')}
              data-method={panel.pending.method}
            >
              <p>
                {t(
                  panel.pending.method === 'instant'
                    ? 'payouts.confirmInstant'
                    : 'payouts.confirmStandard',
                  {
                    amount: money(panel.pending.money.amount, panel.pending.money.currency),
                  },
                )}
              </p>
              <button
                type="button"
                className="mk-Button"
                disabled={busy}
                aria-busy={busy || undefined}
                onClick={() => void panel.confirmPayout()}
              >
                {t('common.confirm')}
              </button>
              <button
                type="button"
                className="mk-Button"
                data-variant="secondary"
                disabled={busy}
                onClick={panel.cancelPayout}
              >
                {t('common.cancel')}
              </button>
            </div>
          )}
          {panel.payoutStatus === 'success' && panel.lastPayout && (
            <p role="status" className="mk-PayoutsPanel-created mk-Notice" data-tone="success">
              <Icon icon={successIcon} />
              <span>
                {t('payouts.created', {
                  amount: money(panel.lastPayout.amount, panel.lastPayout.currency),
                })}
              </span>
            </p>
          )}
          {[panel.payoutError, panel.dashboardError, panel.scheduleError].map(
            (error, index) =>
              error && <Alert key={index}>{describeError(error, translator)}</Alert>,
          )}

          {schedule.data && (
            <section className="mk-PayoutsPanel-schedule" aria-label={t('payouts.schedule')}>
              <h3>{t('payouts.schedule')}</h3>
              {editing ? (
                <Suspense
                  fallback={<Skeleton label={t('common.loading')} shape={['md', 'button']} />}
                >
                  <ScheduleEditor
                    panel={panel}
                    onDone={() => {
                      returningFocus.current = true;
                      setEditing(false);
                    }}
                  />
                </Suspense>
              ) : (
                <>
                  <p>{describeSchedule(schedule.data.schedule, translator)}</p>
                  {schedule.data.editable && (
                    <button
                      type="button"
                      className="mk-Button"
                      data-variant="secondary"
                      onPointerEnter={preloadQuietly}
                      onFocus={preloadQuietly}
                      ref={(button) => {
                        if (button && returningFocus.current) button.focus();
                        returningFocus.current = false;
                      }}
                      onClick={() => setEditing(true)}
                    >
                      {t('payouts.schedule.edit')}
                    </button>
                  )}
                </>
              )}
            </section>
          )}

          <section
            className="mk-PayoutsPanel-history"
            aria-label={t('payouts.history')}
            data-state={payouts.status}
          >
            <h3>{t('payouts.history')}</h3>
            {payouts.data && payouts.data.data.length === 0 && panel.page === 1 ? (
              <p>{t('payouts.empty')}</p>
            ) : (
              <table
                className="mk-PayoutsPanel-table"
                aria-busy={payouts.status === 'loading' || undefined}
              >
                <thead>
                  <tr>
                    <th scope="col">{t('payouts.amount')}</th>
                    <th scope="col">{t('payouts.arrival')}</th>
                    <th scope="col">{t('payouts.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {(payouts.data?.data ?? []).map((payout) => (
                    <tr key={payout.id} data-status={payout.status}>
                      <td>{money(payout.amount, payout.currency)}</td>
                      <td>{date(payout.arrivalDate)}</td>
                      <td>
                        <span
                          className="mk-PayoutsPanel-badge mk-Badge"
                          data-status={payout.status}
                          data-tone={STATUS_TONE[payout.status]}
                        >
                          <Icon icon={STATUS_ICON[payout.status]} />
                          {t(`payouts.status.${payout.status}`)}
                        </span>
                        {payout.status === 'failed' && (
                          <span className="mk-PayoutsPanel-reason">
                            {t(`payouts.failure.${payoutFailureGroup(payout.failureCode)}`)}
                          </span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {(panel.page > 1 || payouts.data?.hasMore) && (
              <nav
                className="mk-PayoutsPanel-pagination mk-Actions"
                aria-label={t('payouts.history')}
              >
                <button
                  type="button"
                  className="mk-Button"
                  data-variant="secondary"
                  disabled={panel.page === 1 || payouts.status === 'loading'}
                  onClick={panel.previousPage}
                >
                  {t('payouts.previousPage')}
                </button>
                <button
                  type="button"
                  className="mk-Button"
                  data-variant="secondary"
                  disabled={!payouts.data?.hasMore || payouts.status === 'loading'}
                  onClick={panel.nextPage}
                >
                  {t('payouts.nextPage')}
                </button>
              </nav>
            )}
          </section>
        </>
      );
    }

    return (
      <section
        ref={ref}
        className={classes}
        data-state={
          panel.accountState === 'not_started' ? 'setup' : failed ? 'error' : balance.status
        }
        aria-labelledby={titleId}
        {...props}
      >
        <h2 id={titleId} className="mk-PayoutsPanel-title mk-Card-title">
          {t('payouts.title')}
        </h2>
        {body}
      </section>
    );
  },
);
