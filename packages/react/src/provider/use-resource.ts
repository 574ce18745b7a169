import { useCallback, useEffect, useRef, useState } from 'react';
import { reportError, toError } from '../i18n/error-message';
import { loadErrorMessages } from '../i18n/load-error-messages';
import type { ApiClient } from './api-client';

export type ResourceStatus = 'idle' | 'loading' | 'success' | 'error';

export interface ResourceState<Data> {
  status: ResourceStatus;
  data: Data | undefined;
  error: Error | undefined;
  /** Loads again; resolves when done (never rejects: the error is on the state). */
  refetch: () => Promise<void>;
}

export interface ResourceOptions {
  /** `false` keeps the hook idle (nothing to load yet). Default `true`. */
  enabled?: boolean;
  onError?: (error: Error) => void;
}

/**
 * The one data-loading primitive behind every hook: enumerated status, previous data kept while
 * reloading, and late answers of superseded requests ignored. `key` changes trigger a reload.
 */
export function useResource<Data>(
  api: ApiClient,
  key: string,
  load: (api: ApiClient, signal: AbortSignal) => Promise<Data>,
  { enabled = true, onError }: ResourceOptions = {},
): ResourceState<Data> {
  const [state, setState] = useState<{ status: ResourceStatus; data?: Data; error?: Error }>({
    status: enabled ? 'loading' : 'idle',
  });
  // Latest callbacks without re-running the effect when an inline function changes identity.
  const loadRef = useRef(load);
  const onErrorRef = useRef(onError);
  useEffect(() => {
    loadRef.current = load;
    onErrorRef.current = onError;
  });
  const generation = useRef(0);
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(async () => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    const id = ++generation.current;
    setState((previous) => ({ status: 'loading', data: previous.data }));
    try {
      const data = await loadRef.current(api, current.signal);
      if (id === generation.current) setState({ status: 'success', data });
    } catch (error) {
      if (id !== generation.current || current.signal.aborted) return;
      // The error's sentence is ready before the error shows (its catalogue loads on the first failure).
      await loadErrorMessages();
      if (id !== generation.current) return;
      const failure = toError(error);
      setState((previous) => ({ status: 'error', data: previous.data, error: failure }));
      reportError(failure);
      onErrorRef.current?.(failure);
    }
  }, [api]);

  const invalidate = useCallback(() => {
    generation.current++;
    controller.current?.abort();
  }, []);

  useEffect(() => {
    if (!enabled) {
      setState({ status: 'idle' });
      return;
    }
    // Started a microtask later so React's StrictMode mount-unmount-mount sends one request, not two
    // (a second POST /checkout would create a second order).
    let cancelled = false;
    void Promise.resolve().then(() => {
      if (!cancelled) void run();
    });
    return () => {
      cancelled = true;
      invalidate();
    };
  }, [run, invalidate, key, enabled]);

  return { status: state.status, data: state.data, error: state.error, refetch: run };
}
