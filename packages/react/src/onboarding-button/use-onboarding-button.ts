import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  AccountLinkResponse,
  AccountLinkType,
  AccountStatus,
  OnboardingState,
} from '@marketkit/core';
import { useMarketkit } from '../provider/marketkit-provider';
import { preloadEmbedded } from '../embedded/lazy';
import { openLinkInNewTab } from '../provider/open-in-new-tab';
import {
  createAccountLinkRoute,
  createAccountRoute,
  createLoginLinkRoute,
} from '../provider/account-routes';
import { useAccountStatus } from '../provider/data-hooks';
import { useAction } from '../provider/use-action';
import type { ActionStatus } from '../provider/use-action';
import type { ResourceStatus } from '../provider/use-resource';

export interface UseOnboardingButtonOptions {
  /** `'embedded'` opens Stripe's onboarding in a dialog instead of leaving the page. */
  variant?: 'redirect' | 'embedded';
  onError?: (error: Error) => void;
  /** Called when the embedded onboarding closes, with the refreshed status. */
  onExit?: () => void;
}

export interface UseOnboardingButtonResult {
  status: ResourceStatus;
  account: AccountStatus | undefined;
  /** The onboarding state, or `undefined` until the status is known. */
  state: OnboardingState | undefined;
  error: Error | undefined;
  refetch: () => Promise<void>;
  /** Creates the account if needed, then redirects to Stripe (or opens the embedded dialog). */
  start: () => Promise<void>;
  /**
   * Ahead of the click (on hover or focus): mints the next link so the redirect is instant, or for the
   * embedded variant fetches the dialog's code.
   */
  prefetch: () => void;
  actionStatus: ActionStatus;
  actionError: Error | undefined;
  /** Opens the Express Dashboard in a new tab (a fresh login link per click). */
  manage: () => Promise<void>;
  dialog: 'open' | 'closed';
  closeDialog: () => void;
}

/** States with a call to action; the others are informational. */
const ACTIONABLE: ReadonlySet<OnboardingState> = new Set([
  'not_started',
  'in_progress',
  'restricted',
]);
/** Links minted this close to their expiry are minted again rather than risk Stripe's "expired" page. */
const EXPIRY_MARGIN_SECONDS = 10;

function linkTypeFor(state: OnboardingState): AccountLinkType {
  return state === 'restricted' ? 'update' : 'onboarding';
}

export function useOnboardingButton({
  variant = 'redirect',
  onError,
  onExit,
}: UseOnboardingButtonOptions = {}): UseOnboardingButtonResult {
  const { api, navigate, openWindow } = useMarketkit('OnboardingButton');
  const account = useAccountStatus({ onError });
  const { refetch } = account;
  const [dialog, setDialog] = useState<'open' | 'closed'>('closed');
  const prefetched = useRef<{ type: AccountLinkType; link: Promise<AccountLinkResponse> } | null>(
    null,
  );
  // Set while a click is being handled, so focus or hover during it does not mint a spare link.
  const starting = useRef(false);

  // Coming back from Stripe in another tab (or via the back button) shows the new state at once.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refetch();
    };
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) void refetch();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('pageshow', onPageShow);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('pageshow', onPageShow);
    };
  }, [refetch]);

  const mintLink = useCallback(
    (type: AccountLinkType) => api.send(createAccountLinkRoute, { body: { type } }),
    [api],
  );

  const prefetch = useCallback(() => {
    const data = account.data;
    // The embedded dialog needs its code, not a link: fetch it while the pointer is on its way.
    if (variant === 'embedded') return void preloadEmbedded().catch(() => undefined);
    if (starting.current || !data?.accountId || !ACTIONABLE.has(data.state) || prefetched.current)
      return;
    const type = linkTypeFor(data.state);
    const link = mintLink(type);
    // A failed prefetch is forgotten; the click mints its own link and reports errors.
    link.catch(() => {
      if (prefetched.current?.link === link) prefetched.current = null;
    });
    prefetched.current = { type, link };
  }, [account.data, mintLink, variant]);

  const action = useAction(async () => {
    starting.current = true;
    try {
      await startOnboarding();
    } finally {
      starting.current = false;
    }
  }, onError);

  async function startOnboarding() {
    let data = account.data;
    if (!data || !ACTIONABLE.has(data.state)) return;
    if (!data.accountId) data = await api.send(createAccountRoute);
    if (variant === 'embedded') {
      setDialog('open');
      return;
    }
    const type = linkTypeFor(data.state);
    let link: AccountLinkResponse | null = null;
    const ahead = prefetched.current;
    prefetched.current = null;
    if (ahead?.type === type) link = await ahead.link.catch(() => null);
    // Account links are single-use and short-lived: an old one is replaced without bothering the user.
    if (!link || link.expiresAt <= Date.now() / 1000 + EXPIRY_MARGIN_SECONDS)
      link = await mintLink(type);
    navigate(link.url);
  }

  const manageAction = useAction(
    () => openLinkInNewTab(openWindow, async () => (await api.send(createLoginLinkRoute)).url),
    onError,
  );

  const closeDialog = useCallback(() => {
    setDialog('closed');
    void refetch().then(() => onExit?.());
  }, [refetch, onExit]);

  const failed =
    action.status === 'error' ? action : manageAction.status === 'error' ? manageAction : null;
  return {
    status: account.status,
    account: account.data,
    state: account.data?.state,
    error: account.error,
    refetch,
    start: async () => {
      await action.run();
    },
    prefetch,
    actionStatus:
      action.status === 'pending' || manageAction.status === 'pending'
        ? 'pending'
        : (failed?.status ?? action.status),
    actionError: failed?.error,
    manage: async () => {
      await manageAction.run();
    },
    dialog,
    closeDialog,
  };
}
