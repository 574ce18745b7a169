import { useMemo, useState } from 'react';
import { compareSeverity } from '@marketkit/core';
import type {
  PlatformRiskAccount,
  PlatformRiskOverview,
  SellerDebt,
  Severity,
} from '@marketkit/core';
import { usePlatformRisk } from '../provider/data-hooks';
import type { ResourceState } from '../provider/use-resource';

export type PlatformRiskSortKey = 'displayName' | 'severity' | 'exposure' | 'signals';
export type SortDirection = 'ascending' | 'descending';

export interface PlatformRiskSort {
  key: PlatformRiskSortKey;
  direction: SortDirection;
}

export interface UsePlatformRiskTableOptions {
  onError?: (error: Error) => void;
  /** Initial order. Default: most exposure first, as the server sends it. */
  defaultSort?: PlatformRiskSort;
}

/** A seller's uncollected debt with the name the platform knows them by. */
export interface PlatformRiskDebt extends SellerDebt {
  sellerName: string;
}

export interface UsePlatformRiskTableResult extends ResourceState<PlatformRiskOverview> {
  accounts: PlatformRiskAccount[];
  /** Uncollected seller debts grouped by seller (by name), oldest first within a seller. */
  debts: PlatformRiskDebt[];
  sort: PlatformRiskSort;
  /** Sorts by `key`; the same key again flips the direction. */
  sortBy: (key: PlatformRiskSortKey) => void;
}

const NO_SEVERITY = 0;
function severityRank(severity: Severity | null): number {
  // compareSeverity sorts most severe first; negate it against 'info' to get a rank.
  return severity === null ? NO_SEVERITY : 1 - compareSeverity(severity, 'info');
}

/**
 * Exposure across currencies cannot be added up without exchange rates, so accounts are ordered by their
 * largest single-currency exposure: a comparable "how much at stake" without inventing a conversion.
 */
function largestExposure(account: PlatformRiskAccount): number {
  return account.exposure.reduce((largest, money) => Math.max(largest, money.amount), 0);
}

function compare(a: PlatformRiskAccount, b: PlatformRiskAccount, key: PlatformRiskSortKey): number {
  switch (key) {
    case 'displayName':
      return a.displayName.localeCompare(b.displayName);
    case 'severity':
      return severityRank(a.highestSeverity) - severityRank(b.highestSeverity);
    case 'exposure':
      return largestExposure(a) - largestExposure(b);
    case 'signals':
      return a.signals.length - b.signals.length;
  }
}

export function usePlatformRiskTable({
  onError,
  defaultSort = { key: 'exposure', direction: 'descending' },
}: UsePlatformRiskTableOptions = {}): UsePlatformRiskTableResult {
  const overview = usePlatformRisk({ onError });
  const [sort, setSort] = useState<PlatformRiskSort>(defaultSort);
  const accounts = useMemo(() => {
    const sign = sort.direction === 'ascending' ? 1 : -1;
    // Ties keep a stable, readable order by name.
    return [...(overview.data?.accounts ?? [])].sort(
      (a, b) => sign * compare(a, b, sort.key) || a.displayName.localeCompare(b.displayName),
    );
  }, [overview.data, sort]);

  const debts = useMemo(() => {
    const names = new Map(
      (overview.data?.accounts ?? []).map((account) => [account.userId, account.displayName]),
    );
    return (overview.data?.debts ?? [])
      .map((debt) => ({ ...debt, sellerName: names.get(debt.sellerId) ?? debt.sellerId }))
      .sort((a, b) => a.sellerName.localeCompare(b.sellerName) || b.ageDays - a.ageDays);
  }, [overview.data]);

  return {
    ...overview,
    accounts,
    debts,
    sort,
    sortBy: (key) =>
      setSort((previous) =>
        previous.key === key
          ? { key, direction: previous.direction === 'ascending' ? 'descending' : 'ascending' }
          : { key, direction: key === 'displayName' ? 'ascending' : 'descending' },
      ),
  };
}
