/**
 * The framework-free shape of a MarketKit route: every feature declares its routes once with `route()`,
 * and the Express and fetch adapters only translate a request into a `MarketkitRequest` and a
 * `RouteResult` back (see `core.ts`).
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a route handler sees of a request, whichever framework received it. */
export interface MarketkitRequest {
  method: string;
  /** The path under the mount point, e.g. `/orders/ord_1`. */
  path: string;
  /** Path parameters, percent-decoded. */
  params: Record<string, string>;
  /** The query string as Express's simple parser gives it: repeated keys become arrays. */
  query: Record<string, string | string[]>;
  /** A request header (case-insensitive), or undefined. */
  header(name: string): string | undefined;
  /** The parsed JSON body (`undefined` when there is none), or the raw bytes for `body: 'raw'` routes. */
  body: unknown;
  /** The framework's own request object, handed to `authenticate` unchanged. */
  native: unknown;
}

export type RouteResult =
  { status?: number; headers?: Record<string, string>; body: unknown } | { redirect: string };

export type RouteHandler = (request: MarketkitRequest) => Promise<RouteResult>;

export interface Route {
  method: HttpMethod;
  path: string;
  /** `'json'` (default) parses `application/json`; `'raw'` keeps the bytes (webhook signatures). */
  body: 'json' | 'raw';
  /** False only for routes another party signs (webhooks): the CSRF guard protects all others. */
  csrf: boolean;
  handler: RouteHandler;
}

export function route(
  method: HttpMethod,
  path: string,
  handler: RouteHandler,
  options: { body?: 'json' | 'raw'; csrf?: boolean } = {},
): Route {
  return { method, path, handler, body: options.body ?? 'json', csrf: options.csrf ?? true };
}

/** A JSON answer (200 unless told). */
export function json(body: unknown, status = 200): RouteResult {
  return { status, body };
}

/** A 303 redirect (onboarding return and refresh URLs). */
export function redirect(location: string): RouteResult {
  return { redirect: location };
}

function segments(path: string): string[] {
  // Like Express's non-strict routing: a trailing slash does not make another route.
  return path.replace(/\/+$/, '').split('/').slice(1);
}

/**
 * Finds the route for a method and path, like Express's default router (case-insensitive, trailing
 * slash ignored). A malformed percent-encoding in a parameter throws `URIError` (a 400, as in Express).
 */
export function matchRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | null {
  const actual = segments(path);
  for (const candidate of routes) {
    // HEAD is answered like GET, as Express does (Node drops the body).
    if (candidate.method !== method && !(method === 'HEAD' && candidate.method === 'GET')) continue;
    const expected = segments(candidate.path);
    if (expected.length !== actual.length) continue;
    const params: Record<string, string> = {};
    let matches = true;
    for (let index = 0; index < expected.length && matches; index += 1) {
      const pattern = expected[index]!;
      const value = actual[index]!;
      if (pattern.startsWith(':')) {
        if (value.length === 0) matches = false;
        else params[pattern.slice(1)] = decodeURIComponent(value);
      } else if (pattern.toLowerCase() !== value.toLowerCase()) {
        matches = false;
      }
    }
    if (matches) return { route: candidate, params };
  }
  return null;
}
