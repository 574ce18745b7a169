import { NetworkError, buildPath } from '@marketkit/core';
import { loadFailureModule } from '../i18n/load-error-messages';
import type { API_ROUTES, ApiContract, ApiErrorBody } from '@marketkit/core';

/** Routes the browser calls (webhooks and redirect routes are for Stripe, not for the kit). */
export type ClientRouteName = keyof ApiContract;

/**
 * One route of the core contract (`API_ROUTES[Name]`: its method and path), tagged with its name so
 * `send` knows the request and response types. Components import only the routes they call.
 */
export type ApiRoute<Name extends ClientRouteName = ClientRouteName> = (typeof API_ROUTES)[Name] & {
  readonly name?: Name;
};

export interface ApiRequestOptions<Name extends ClientRouteName> {
  /** `:params` in the route path, e.g. `{ orderId }`. */
  params?: Record<string, string>;
  /** JSON body for POST/PUT, query string for GET. */
  body?: ApiContract[Name]['request'];
  /**
   * Sent as `Idempotency-Key`: one per user action (a refund, a payout), reused when that action is
   * retried, so a double click or a retry after a network error never moves money twice.
   */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

/** A fresh key for one user action (128 random bits, hex); works outside secure contexts too. */
export function createIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export interface ApiClientOptions {
  apiBase: string;
  fetch?: typeof globalThis.fetch;
  /** Extra headers per request, e.g. `{ Authorization: 'Bearer …' }` when the app does not use cookies. */
  getHeaders?: () => Record<string, string>;
}

export interface ApiClient {
  /** Calls a route by name: `request('getOrder', { params: { orderId } })`. */
  request<Name extends ClientRouteName>(
    name: Name,
    options?: ApiRequestOptions<Name>,
  ): Promise<ApiContract[Name]['response']>;
  /** Calls a route given by its method and path (`API_ROUTES[name]`), without the table of every route. */
  send<Name extends ClientRouteName>(
    route: ApiRoute<Name>,
    options?: ApiRequestOptions<Name>,
  ): Promise<ApiContract[Name]['response']>;
}

function toQuery(body: unknown): string {
  if (!body || typeof body !== 'object') return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(body)) {
    if (value !== undefined && value !== null) search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `?${query}` : '';
}

/**
 * `ApiError` comes with the module that loads on the first failure (with the error sentences), so pages
 * that never fail do not download core's error classes. If that module cannot load (the connection
 * dropped right after the answer), the error carries the same fields on a plain `Error` named `ApiError`,
 * which `describeError` and `onError` read the same way.
 */
async function toApiError(
  code: string,
  message: string,
  options: { httpStatus: number; param?: string; requestId?: string },
): Promise<Error> {
  const failure = await loadFailureModule();
  if (failure) return failure.createApiError(code, message, options);
  return Object.assign(new Error(message), {
    name: 'ApiError',
    code,
    status: options.httpStatus,
    ...options,
  });
}

/**
 * `send`: typed by the core contract, credentials included, `{ error }` bodies turned into `ApiError`
 * and unreachable servers into `NetworkError`.
 */
function createSend({
  apiBase,
  fetch: fetchImplementation,
  getHeaders,
}: ApiClientOptions): ApiClient['send'] {
  const base = apiBase.replace(/\/+$/, '');
  return async (route, options = {}) => {
    const path = buildPath(route.path, options.params);
    const isRead = route.method === 'GET';
    const url = `${base}${path}${isRead ? toQuery(options.body) : ''}`;
    // Resolved per call so tests and apps can swap `globalThis.fetch` after the provider mounted.
    const doFetch = fetchImplementation ?? globalThis.fetch;
    let response: Response;
    try {
      response = await doFetch(url, {
        method: route.method,
        credentials: 'include',
        // JSON on every request, bodies or not: the server refuses other content types on routes that
        // change state (its CSRF defence), so this is what proves a request came from this client.
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          ...(options.idempotencyKey ? { 'Idempotency-Key': options.idempotencyKey } : {}),
          ...getHeaders?.(),
        },
        body: isRead || options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new NetworkError(undefined, { cause: error });
    }
    let payload: { error?: Partial<ApiErrorBody['error']> } | undefined;
    try {
      // An empty or non-JSON body (or one cut off) reads as no payload.
      payload = JSON.parse(await response.text());
    } catch {
      payload = undefined;
    }
    if (!response.ok) {
      // A proxy or gateway may answer instead of the MarketKit router: no `{ error }` body then.
      const error = payload?.error;
      const { code, message, param, requestId } =
        error && typeof error === 'object' && 'message' in error && 'code' in error
          ? (error as ApiErrorBody['error'])
          : {
              code: response.status >= 500 ? 'internal_error' : 'invalid_request',
              message: `The server answered ${response.status}.`,
              param: undefined,
              requestId: undefined,
            };
      throw await toApiError(code, message, { httpStatus: response.status, param, requestId });
    }
    return payload as never;
  };
}

/**
 * The kit's typed client for `@marketkit/server`. Components `send` their own routes; the table of
 * every route loads only the first time code asks for a route by name (`request`).
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const send = createSend(options);
  return {
    send,
    request: async (name, requestOptions) =>
      send((await import('./api-routes')).API_ROUTES[name], requestOptions),
  };
}
