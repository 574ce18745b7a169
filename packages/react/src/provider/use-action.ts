import { useCallback, useEffect, useRef, useState } from 'react';
import { reportError, toError } from '../i18n/error-message';
import { loadErrorMessages } from '../i18n/load-error-messages';

export type ActionStatus = 'idle' | 'pending' | 'success' | 'error';

export interface ActionState<Args extends unknown[], Result> {
  status: ActionStatus;
  error: Error | undefined;
  /** Runs the action unless it is already running (double clicks do nothing). */
  run: (...args: Args) => Promise<Result | undefined>;
  reset: () => void;
}

/** A user-triggered request: one at a time, enumerated status, error kept for display. */
export function useAction<Args extends unknown[], Result>(
  action: (...args: Args) => Promise<Result>,
  onError?: (error: Error) => void,
): ActionState<Args, Result> {
  const [state, setState] = useState<{ status: ActionStatus; error?: Error }>({ status: 'idle' });
  const running = useRef(false);
  const mounted = useRef(true);
  const actionRef = useRef(action);
  const onErrorRef = useRef(onError);
  useEffect(() => {
    actionRef.current = action;
    onErrorRef.current = onError;
  });
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(async (...args: Args) => {
    if (running.current) return undefined;
    running.current = true;
    setState({ status: 'pending' });
    try {
      const result = await actionRef.current(...args);
      if (mounted.current) setState({ status: 'success' });
      return result;
    } catch (error) {
      const failure = toError(error);
      // The error's sentence is ready before the error shows (its catalogue loads on the first failure).
      await loadErrorMessages();
      if (mounted.current) setState({ status: 'error', error: failure });
      reportError(failure);
      onErrorRef.current?.(failure);
      return undefined;
    } finally {
      running.current = false;
    }
  }, []);
  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { status: state.status, error: state.error, run, reset };
}
