'use client';
// MarketKit's provider for every page, and the offline sandbox's stand-in for Stripe.js when there are
// no Stripe keys: it must be installed before a component loads Stripe.js.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { MarketkitProvider } from '@marketkit/react';

const StripeReadyContext = createContext(false);

/** Whether Stripe.js (or the sandbox's stand-in) may be loaded now. */
export function useStripeReady(): boolean {
  return useContext(StripeReadyContext);
}

export function Providers({
  publishableKey,
  sandboxUrl,
  children,
}: {
  publishableKey: string;
  sandboxUrl: string | null;
  children: ReactNode;
}) {
  const [stripeReady, setStripeReady] = useState(sandboxUrl === null);
  useEffect(() => {
    if (sandboxUrl === null) return;
    let active = true;
    // Loaded only offline, so a build with real keys ships none of the sandbox's code to buyers.
    void import('@marketkit/sandbox/browser').then(({ installSandboxStripe }) => {
      installSandboxStripe({ apiBase: sandboxUrl });
      if (active) setStripeReady(true);
    });
    return () => {
      active = false;
    };
  }, [sandboxUrl]);
  return (
    <MarketkitProvider apiBase="/api/marketkit" publishableKey={publishableKey}>
      <StripeReadyContext.Provider value={stripeReady}>{children}</StripeReadyContext.Provider>
    </MarketkitProvider>
  );
}
