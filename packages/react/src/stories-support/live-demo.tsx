import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { MarketkitProvider } from '../provider';

/** Where the live stories expect the demo (`pnpm demo`); Storybook's dev server proxies `/api` there. */
export const LIVE_DEMO_URL = 'http://127.0.0.1:5173';

/** What `GET /api/demo/config` answers. */
interface DemoConfig {
  mode: 'sandbox' | 'stripe';
  publishableKey: string;
  sandboxUrl: string | null;
}

type LiveState =
  | { status: 'connecting' }
  | { status: 'unavailable'; reason: string }
  | { status: 'ready'; config: DemoConfig };

export interface LiveDemoProps {
  /** The seeded demo user to sign in as, e.g. `seller-ada` or `admin-hana`. */
  userId: string;
  children: ReactNode;
}

async function connect(userId: string, signal: AbortSignal): Promise<LiveState> {
  let response: Response;
  try {
    response = await fetch('/api/demo/config', { signal, headers: { Accept: 'application/json' } });
  } catch (error) {
    if (signal.aborted) throw error;
    return { status: 'unavailable', reason: 'The demo server could not be reached.' };
  }
  const isJson = response.headers.get('Content-Type')?.includes('application/json');
  if (!response.ok || !isJson) {
    return {
      status: 'unavailable',
      reason: `No demo answered at /api/demo/config (HTTP ${response.status}).`,
    };
  }
  const config = (await response.json()) as DemoConfig;
  if (config.mode !== 'sandbox') {
    return {
      status: 'unavailable',
      reason:
        'The demo runs against real Stripe test mode; these stories need its offline sandbox.',
    };
  }
  const session = await fetch('/api/session', {
    method: 'POST',
    signal,
    credentials: 'include',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  if (!session.ok) {
    return {
      status: 'unavailable',
      reason: `Signing in as ${userId} failed (HTTP ${session.status}).`,
    };
  }
  return { status: 'ready', config };
}

const openInNewTab = (url: string) => {
  window.open(url, '_blank', 'noopener,noreferrer');
};

/**
 * Runs its children against the demo's real server and sandbox: signs in as a seeded user, then gives
 * them a provider with the sandbox's publishable key. Without a demo it says how to start one.
 */
export function LiveDemo({ userId, children }: LiveDemoProps) {
  const [state, setState] = useState<LiveState>({ status: 'connecting' });

  useEffect(() => {
    const controller = new AbortController();
    connect(userId, controller.signal).then(setState, (error: unknown) => {
      if (!controller.signal.aborted) {
        setState({
          status: 'unavailable',
          reason: error instanceof Error ? error.message : String(error),
        });
      }
    });
    return () => controller.abort();
  }, [userId]);

  if (state.status === 'connecting') return <p role="status">Connecting to the demo…</p>;
  if (state.status === 'unavailable') {
    return (
      <div role="note" className="mk-LiveDemoNotice">
        <p>
          <strong>
            Start <code>pnpm demo</code> to use these stories.
          </strong>
        </p>
        <p>
          They talk to the demo&rsquo;s server at <code>{LIVE_DEMO_URL}/api/marketkit</code> and its
          sandbox through the Storybook dev server (<code>pnpm storybook</code>); the static build
          has no such proxy. {state.reason}
        </p>
      </div>
    );
  }
  return (
    <MarketkitProvider
      apiBase="/api/marketkit"
      publishableKey={state.config.publishableKey}
      // Account and login links open the sandbox's hosted pages in a new tab, keeping Storybook open.
      navigate={openInNewTab}
      openWindow={openInNewTab}
    >
      {children}
    </MarketkitProvider>
  );
}
