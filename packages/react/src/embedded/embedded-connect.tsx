import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { ConnectComponentsProvider } from '@stripe/react-connect-js';
import { Alert } from '../primitives/alert';
import { Skeleton } from '../primitives/skeleton';
import type { StripeConnectInstance } from '@stripe/connect-js';
import { toConnectAppearance } from '../theme/appearance';
import { createConnectInstance } from './connect-instance';
import type { ConnectSettings } from './connect-instance';

export interface EmbeddedConnectProps {
  settings: ConnectSettings;
  labels: { loading: string; error: (error: Error) => string };
  onError?: (error: Error) => void;
  children: ReactNode;
}

type ConnectState =
  | { status: 'loading' }
  | { status: 'ready'; instance: StripeConnectInstance }
  | { status: 'error'; error: Error };

/** Initialises Connect.js in the browser (never during a server render) and provides it to children. */
export function EmbeddedConnect({ settings, labels, onError, children }: EmbeddedConnectProps) {
  const [state, setState] = useState<ConnectState>({ status: 'loading' });
  // Start-up values; later theme or language changes go through `instance.update`, not a new session.
  const latest = useRef({ settings, onError });
  useEffect(() => {
    latest.current = { settings, onError };
  });
  const { publishableKey } = settings;

  useEffect(() => {
    let active = true;
    createConnectInstance(latest.current.settings).then(
      (instance) => {
        if (active) setState({ status: 'ready', instance });
      },
      (error: unknown) => {
        const failure = error instanceof Error ? error : new Error(String(error));
        if (active) setState({ status: 'error', error: failure });
        latest.current.onError?.(failure);
      },
    );
    return () => {
      active = false;
    };
  }, [publishableKey]);

  const instance = state.status === 'ready' ? state.instance : null;
  const { appearance, locale } = settings;
  useEffect(() => {
    instance?.update({ appearance: toConnectAppearance(appearance), locale });
  }, [instance, appearance, locale]);

  if (state.status === 'error') {
    return <Alert>{labels.error(state.error)}</Alert>;
  }
  if (state.status === 'loading') {
    return <Skeleton label={labels.loading} shape={['lg', 'md', 'md', 'button']} />;
  }
  return (
    <ConnectComponentsProvider connectInstance={state.instance}>
      {children}
    </ConnectComponentsProvider>
  );
}
