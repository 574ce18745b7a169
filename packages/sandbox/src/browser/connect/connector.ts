import type { SandboxAppearance } from '../appearance';
import { assertTestPublishableKey } from '../options';
import { sandboxRequest, type ApiResult } from '../http';

export interface ConnectInitParams {
  publishableKey: string;
  fetchClientSecret: () => Promise<string>;
  appearance?: SandboxAppearance;
  locale?: string;
  metaOptions?: { eagerClientSecretPromise?: Promise<string>; [key: string]: unknown };
  [key: string]: unknown;
}

export interface ConnectSession {
  account: string;
  components: Record<string, { enabled: boolean; features?: Record<string, unknown> }>;
  expires_at: number;
}

/** What every `stripe-connect-*` element receives through `setConnector`: the session-scoped API and options. */
export interface SandboxConnector {
  readonly appearance: SandboxAppearance | undefined;
  readonly locale: string | undefined;
  request<T>(method: 'GET' | 'POST', path: string, json?: unknown): Promise<ApiResult<T>>;
  session(): Promise<ApiResult<ConnectSession>>;
  subscribe(listener: () => void): () => void;
  update(options: { appearance?: SandboxAppearance; locale?: string }): void;
  logout(): Promise<void>;
}

export function createConnector(apiBase: string, params: ConnectInitParams): SandboxConnector {
  assertTestPublishableKey(params?.publishableKey, 'StripeConnect.init()');
  if (typeof params.fetchClientSecret !== 'function') {
    throw new TypeError(
      'StripeConnect.init(): `fetchClientSecret` must be a function returning the account session client secret.',
    );
  }
  let appearance = params.appearance;
  let locale = params.locale;
  const listeners = new Set<() => void>();
  // connect-js already called fetchClientSecret eagerly; reuse it so one mount creates one account session.
  let secret: Promise<string> | undefined = params.metaOptions?.eagerClientSecretPromise;
  let sessionPromise: Promise<ApiResult<ConnectSession>> | undefined;

  const currentSecret = () => (secret ??= Promise.resolve().then(() => params.fetchClientSecret()));

  const request = async <T>(
    method: 'GET' | 'POST',
    path: string,
    json?: unknown,
  ): Promise<ApiResult<T>> => {
    const send = async () => {
      let bearer: string;
      try {
        bearer = await currentSecret();
      } catch (cause) {
        secret = undefined;
        return {
          ok: false as const,
          status: 0,
          error: {
            type: 'authentication_error',
            message: `fetchClientSecret failed: ${cause instanceof Error ? cause.message : String(cause)}`,
          },
        };
      }
      return sandboxRequest<T>(`${apiBase}/_sandbox/connect/${path}`, { method, bearer, json });
    };
    const first = await send();
    if (first.ok || first.status !== 401) return first;
    // Account sessions expire; Connect.js asks the platform for a fresh secret once, as we do here.
    secret = undefined;
    sessionPromise = undefined;
    return send();
  };

  return {
    get appearance() {
      return appearance;
    },
    get locale() {
      return locale;
    },
    request,
    session() {
      sessionPromise ??= request<ConnectSession>('GET', 'session').then((result) => {
        if (!result.ok) sessionPromise = undefined;
        return result;
      });
      return sessionPromise;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update(options) {
      if (options.appearance !== undefined) appearance = options.appearance;
      if (options.locale !== undefined) locale = options.locale;
      for (const listener of [...listeners]) listener();
    },
    async logout() {
      secret = undefined;
      sessionPromise = undefined;
    },
  };
}
