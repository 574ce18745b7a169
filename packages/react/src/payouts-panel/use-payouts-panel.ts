import { useCallback, useState } from 'react';
import type {
  AccountStatus,
  BalanceResponse,
  MoneyAmount,
  Payout,
  PayoutMethod,
  PayoutSchedule,
  PayoutScheduleResponse,
  PayoutsPage,
} from '@marketkit/core';
import { createIdempotencyKey } from '../provider/api-client';
import { useMarketkit } from '../provider/marketkit-provider';
import { openLinkInNewTab } from '../provider/open-in-new-tab';
import { createLoginLinkRoute } from '../provider/account-routes';
import { createPayoutRoute, updatePayoutScheduleRoute } from '../provider/routes';
import {
  useAccountStatus,
  useBalance,
  usePayoutSchedule,
  usePayouts,
} from '../provider/data-hooks';
import { useAction } from '../provider/use-action';
import type { ActionStatus } from '../provider/use-action';
import type { ResourceState } from '../provider/use-resource';

export interface UsePayoutsPanelOptions {
  /** `false` skips loading (the embedded variant shows Stripe's own panel). */
  enabled?: boolean;
  pageSize?: number;
  onError?: (error: Error) => void;
  /** Called after a payout was created. */
  onPayout?: (payout: Payout) => void;
}

/** A payout the user asked for and has not confirmed yet. */
export interface PendingPayout {
  method: PayoutMethod;
  money: MoneyAmount;
  /** One key per requested payout: confirming again after an error retries the same payout. */
  idempotencyKey: string;
}

export interface UsePayoutsPanelResult {
  /** Whether the seller has started onboarding; nothing else loads before they have an account. */
  account: ResourceState<AccountStatus>;
  accountState: AccountStatus['state'] | undefined;
  balance: ResourceState<BalanceResponse>;
  payouts: ResourceState<PayoutsPage>;
  schedule: ResourceState<PayoutScheduleResponse>;
  /** 1-based page number of the payouts list. */
  page: number;
  nextPage: () => void;
  previousPage: () => void;
  /** What "Pay out now" would pay (the first positive available balance), or null. */
  standardPayout: MoneyAmount | null;
  /** What "Instant payout" would pay, or null when the account is not eligible. */
  instantPayout: MoneyAmount | null;
  pending: PendingPayout | null;
  /** Step one: ask the user to confirm. */
  requestPayout: (method: PayoutMethod) => void;
  cancelPayout: () => void;
  /** Step two: create the payout. */
  confirmPayout: () => Promise<void>;
  payoutStatus: ActionStatus;
  payoutError: Error | undefined;
  lastPayout: Payout | undefined;
  saveSchedule: (schedule: PayoutSchedule) => Promise<void>;
  scheduleStatus: ActionStatus;
  scheduleError: Error | undefined;
  openDashboard: () => Promise<void>;
  dashboardStatus: ActionStatus;
  dashboardError: Error | undefined;
}

function firstPositive(amounts: readonly MoneyAmount[]): MoneyAmount | null {
  return amounts.find((money) => money.amount > 0) ?? null;
}

export function usePayoutsPanel({
  enabled = true,
  pageSize = 10,
  onError,
  onPayout,
}: UsePayoutsPanelOptions = {}): UsePayoutsPanelResult {
  const { api, openWindow } = useMarketkit('PayoutsPanel');
  // Cursors of the pages seen so far: page n starts after cursors[n - 1].
  const [cursors, setCursors] = useState<string[]>([]);
  const startingAfter = cursors[cursors.length - 1];
  const account = useAccountStatus({ enabled, onError });
  const accountState = account.data?.state;
  // No account yet: the panel shows the onboarding call to action instead of three 409s.
  const hasAccount = enabled && accountState !== undefined && accountState !== 'not_started';
  const balance = useBalance({ enabled: hasAccount, onError });
  const payouts = usePayouts({ enabled: hasAccount, pageSize, startingAfter, onError });
  const schedule = usePayoutSchedule({ enabled: hasAccount, onError });
  const [pending, setPending] = useState<PendingPayout | null>(null);
  const [lastPayout, setLastPayout] = useState<Payout>();

  const nextCursor = payouts.data?.hasMore ? payouts.data.nextCursor : null;
  const nextPage = useCallback(() => {
    if (nextCursor) setCursors((previous) => [...previous, nextCursor]);
  }, [nextCursor]);
  const previousPage = useCallback(() => setCursors((previous) => previous.slice(0, -1)), []);

  const standardPayout = firstPositive(balance.data?.available ?? []);
  const instantPayout =
    balance.data?.instantPayouts === 'available'
      ? firstPositive(balance.data.instantAvailable)
      : null;

  const payout = useAction(async (request: PendingPayout) => {
    const created = await api.send(createPayoutRoute, {
      body: {
        amount: request.money.amount,
        currency: request.money.currency,
        method: request.method,
      },
      idempotencyKey: request.idempotencyKey,
    });
    setPending(null);
    setLastPayout(created);
    onPayout?.(created);
    // The balance and the list both changed.
    await Promise.all([
      balance.refetch(),
      cursors.length === 0 ? payouts.refetch() : Promise.resolve(setCursors([])),
    ]);
  }, onError);

  const scheduleAction = useAction(async (next: PayoutSchedule) => {
    await api.send(updatePayoutScheduleRoute, { body: next });
    await schedule.refetch();
  }, onError);

  // Login links are single-use, so one is minted per click (in a tab opened by the click) rather than
  // rendered into an href.
  const dashboard = useAction(
    () => openLinkInNewTab(openWindow, async () => (await api.send(createLoginLinkRoute)).url),
    onError,
  );

  const { reset: resetPayout } = payout;
  return {
    account,
    accountState,
    balance,
    payouts,
    schedule,
    page: cursors.length + 1,
    nextPage,
    previousPage,
    standardPayout,
    instantPayout,
    pending,
    requestPayout: (method) => {
      const money = method === 'instant' ? instantPayout : standardPayout;
      resetPayout();
      if (money) setPending({ method, money, idempotencyKey: createIdempotencyKey() });
    },
    cancelPayout: () => setPending(null),
    confirmPayout: async () => {
      if (pending) await payout.run(pending);
    },
    payoutStatus: payout.status,
    payoutError: payout.error,
    lastPayout,
    saveSchedule: async (next) => {
      await scheduleAction.run(next);
    },
    scheduleStatus: scheduleAction.status,
    scheduleError: scheduleAction.error,
    openDashboard: async () => {
      await dashboard.run();
    },
    dashboardStatus: dashboard.status,
    dashboardError: dashboard.error,
  };
}
