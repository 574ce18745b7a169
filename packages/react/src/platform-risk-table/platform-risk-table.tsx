import { Suspense, forwardRef, useId } from 'react';
import type { HTMLAttributes } from 'react';
import type { MoneyAmount } from '@marketkit/core';
import { useMarketkit } from '../provider/marketkit-provider';
import { describeError } from '../i18n/error-message';
import { Alert } from '../primitives/alert';
import { lazyPart } from '../primitives/lazy-part';
import { Icon } from '../primitives/icon';
import { successIcon } from '../primitives/status-icons';
import { severityIcons } from '../primitives/severity-icons';
import { Skeleton } from '../primitives/skeleton';

import { failureMessages, loadingMessages } from '../i18n/en/common';
import { platformRiskMessages } from '../i18n/en/platform-risk';
import type { MessageKey } from '../i18n/messages';
import type { Translator } from '../i18n/format';
import { formatAmount } from '../i18n/money';
import { usePlatformRiskTable } from './use-platform-risk-table';
import type {
  PlatformRiskDebt,
  PlatformRiskSort,
  PlatformRiskSortKey,
} from './use-platform-risk-table';

const SEVERITY_TONE = { critical: 'danger', warning: 'warning', info: 'neutral', none: 'success' };

/** The table's defaults: the shared strings it shows and its own. */
const platformRiskTableMessages = /* @__PURE__ */ Object.assign(
  {},
  failureMessages,
  loadingMessages,
  platformRiskMessages,
);

export interface PlatformRiskTableProps extends Omit<HTMLAttributes<HTMLElement>, 'onError'> {
  onError?: (error: Error) => void;
  defaultSort?: PlatformRiskSort;
  /** How the app names an order (its own order number); MarketKit's order id by default. */
  orderLabel?: (orderId: string) => string;
}

function formatAmounts(amounts: readonly MoneyAmount[], translator: Translator): string {
  return amounts
    .map((money) => formatAmount(money.amount, money.currency, translator.locale))
    .join(', ');
}

/** Outstanding debt per currency, in the order the currencies first appear. */
function totalOutstanding(debts: readonly PlatformRiskDebt[]): MoneyAmount[] {
  const totals = new Map<string, number>();
  for (const { outstanding } of debts)
    totals.set(outstanding.currency, (totals.get(outstanding.currency) ?? 0) + outstanding.amount);
  return [...totals].map(([currency, amount]) => ({ amount, currency }));
}

// Seller debts are the exception (a refund after payout, a lost dispute): their table, sentences and
// words load only when there are some (`@marketkit/react/seller-debts` when published).
const SellerDebts = /* @__PURE__ */ lazyPart(() =>
  import('./seller-debts').then((module) => module.SellerDebts),
);

const COLUMNS: Array<{ key: PlatformRiskSortKey; label: MessageKey }> = [
  { key: 'displayName', label: 'platformRisk.account' },
  { key: 'severity', label: 'platformRisk.severity' },
  { key: 'signals', label: 'platformRisk.signals' },
  { key: 'exposure', label: 'platformRisk.accountExposure' },
];

/** Admin view: every connected account with risk signals, the platform's exposure per currency, sortable. */
export const PlatformRiskTable = /* @__PURE__ */ forwardRef<HTMLElement, PlatformRiskTableProps>(
  function PlatformRiskTable({ onError, defaultSort, orderLabel, className, ...props }, ref) {
    const { translator } = useMarketkit('PlatformRiskTable', platformRiskTableMessages);
    const { t } = translator;
    const table = usePlatformRiskTable({ onError, defaultSort });
    const titleId = useId();
    const classes = className
      ? `mk-PlatformRiskTable mk-Card ${className}`
      : 'mk-PlatformRiskTable mk-Card';

    let body;
    if (table.status === 'error' && !table.data) {
      body = (
        <>
          <Alert>
            {t('common.errorLoading', { message: describeError(table.error, translator) })}
          </Alert>
          <button
            type="button"
            className="mk-Button"
            data-variant="secondary"
            onClick={() => void table.refetch()}
          >
            {t('common.retry')}
          </button>
        </>
      );
    } else if (!table.data) {
      body = <Skeleton label={t('common.loading')} shape={['lg', 'md', 'md', 'md', 'md']} />;
    } else {
      const overview = table.data;
      body = (
        <>
          <dl className="mk-PlatformRiskTable-summary">
            <div>
              <dt>{t('platformRisk.exposure')}</dt>
              <dd>
                {overview.exposure.length > 0
                  ? formatAmounts(overview.exposure, translator)
                  : t('platformRisk.noExposure')}
              </dd>
            </div>
            {table.debts.length > 0 && (
              <div>
                <dt>{t('platformRisk.exposureDebt')}</dt>
                <dd>{formatAmounts(totalOutstanding(table.debts), translator)}</dd>
              </div>
            )}
          </dl>
          {table.accounts.length === 0 ? (
            <p>{t('platformRisk.empty')}</p>
          ) : (
            <div className="mk-PlatformRiskTable-scroll">
              <table className="mk-PlatformRiskTable-table" aria-labelledby={titleId}>
                <thead>
                  <tr>
                    {COLUMNS.map((column) => {
                      const sorted =
                        table.sort.key === column.key ? table.sort.direction : undefined;
                      return (
                        <th key={column.key} scope="col" aria-sort={sorted ?? 'none'}>
                          <button
                            type="button"
                            className="mk-PlatformRiskTable-sort"
                            onClick={() => table.sortBy(column.key)}
                          >
                            {t(column.label)}
                            <span aria-hidden="true">
                              {sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : ''}
                            </span>
                          </button>
                        </th>
                      );
                    })}
                    <th scope="col">{t('platformRisk.state')}</th>
                  </tr>
                </thead>
                <tbody>
                  {table.accounts.map((account) => (
                    <tr key={account.accountId} data-severity={account.highestSeverity ?? 'none'}>
                      <th scope="row">{account.displayName}</th>
                      <td>
                        <span
                          className="mk-PlatformRiskTable-badge mk-Badge"
                          data-severity={account.highestSeverity ?? 'none'}
                          data-tone={SEVERITY_TONE[account.highestSeverity ?? 'none']}
                        >
                          <Icon
                            icon={
                              account.highestSeverity
                                ? severityIcons[account.highestSeverity]
                                : successIcon
                            }
                          />
                          {t(`platformRisk.severity.${account.highestSeverity ?? 'none'}`)}
                        </span>
                      </td>
                      <td>{account.signals.length}</td>
                      <td>
                        {account.exposure.length > 0
                          ? formatAmounts(account.exposure, translator)
                          : '—'}
                      </td>
                      <td>{t(`platformRisk.state.${account.state}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {table.debts.length > 0 && (
            <Suspense fallback={null}>
              <SellerDebts debts={table.debts} orderLabel={orderLabel} />
            </Suspense>
          )}
        </>
      );
    }

    return (
      <section
        ref={ref}
        className={classes}
        data-state={table.status}
        aria-labelledby={titleId}
        aria-busy={table.status === 'loading' || undefined}
        {...props}
      >
        <h2 id={titleId} className="mk-PlatformRiskTable-title mk-Card-title">
          {t('platformRisk.title')}
        </h2>
        {body}
      </section>
    );
  },
);
