import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { ConnectComponentsProvider } from '@stripe/react-connect-js';
import type { StripeConnectInstance } from '@stripe/connect-js';
import type { EmbeddedComponent } from '@marketkit/core';
import { useMarketkit } from '../provider/marketkit-provider';
import { toConnectAppearance } from '../theme/appearance';
import { createConnectInstance } from './connect-instance';

export interface EmbeddedConnectProps {
  components: EmbeddedComponent[];
  onError?: (error: Error) => void;
  children: ReactNode;
}

type ConnectState =
  | { status: 'loading' }
  | { status: 'ready'; instance: StripeConnectInstance }
  | { status: 'error'; error: Error };

/** Initialises Connect.js in the browser (never during a server render) and provides it to children. */
export function EmbeddedConnect({ components, onError, children }: EmbeddedConnectProps) {
  const { api, publishableKey, appearance, translator } = useMarketkit('EmbeddedConnect');
  const [state, setState] = useState<ConnectState>({ status: 'loading' });
  const componentsKey = components.join(',');
  // The theme and language at start-up; later changes go through `instance.update`, not a new session.
  const initial = useRef({ appearance, locale: translator.locale, onError });
  useEffect(() => {
    initial.current = { appearance, locale: translator.locale, onError };
  });

  useEffect(() => {
    let active = true;
    createConnectInstance({
      api,
      publishableKey,
      appearance: initial.current.appearance,
      locale: initial.current.locale,
      components: componentsKey.split(',') as EmbeddedComponent[],
    }).then(
      (instance) => {
        if (active) setState({ status: 'ready', instance });
      },
      (error: unknown) => {
        const failure = error instanceof Error ? error : new Error(String(error));
        if (active) setState({ status: 'error', error: failure });
        initial.current.onError?.(failure);
      },
    );
    return () => {
      active = false;
    };
  }, [api, publishableKey, componentsKey]);

  const instance = state.status === 'ready' ? state.instance : null;
  useEffect(() => {
    if (!instance) return;
    instance.update({ appearance: toConnectAppearance(appearance), locale: translator.locale });
  }, [instance, appearance, translator.locale]);

  if (state.status === 'error') {
    return (
      <p role="alert" className="mk-Alert">
        {translator.t('embedded.error', { message: state.error.message })}
      </p>
    );
  }
  if (state.status === 'loading') {
    return (
      <p role="status" className="mk-Embedded-loading">
        {translator.t('embedded.loading')}
      </p>
    );
  }
  return (
    <ConnectComponentsProvider connectInstance={state.instance}>
      {children}
    </ConnectComponentsProvider>
  );
}
