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

export type RouteMatch = { route: Route; params: Record<string, string> };

/**
 * Compiles the routes once into a matcher that finds the route for a method and path, like Express's
 * default router (case-insensitive, trailing slash ignored). A malformed percent-encoding in a
 * parameter throws `URIError` (a 400, as in Express).
 */
export function createRouteMatcher(
  routes: readonly Route[],
): (method: string, path: string) => RouteMatch | null {
  // Each pattern is split and lower-cased here rather than on every request.
  const compiled = routes.map((route) => ({
    route,
    segments: segments(route.path).map((segment): { param: string } | { literal: string } =>
      segment.startsWith(':') ? { param: segment.slice(1) } : { literal: segment.toLowerCase() },
    ),
  }));
  return (method, path) => {
    const actual = segments(path);
    const lowered = actual.map((segment) => segment.toLowerCase());
    for (const candidate of compiled) {
      // HEAD is answered like GET, as Express does (Node drops the body).
      const routeMethod = candidate.route.method;
      if (routeMethod !== method && !(method === 'HEAD' && routeMethod === 'GET')) continue;
      const expected = candidate.segments;
      if (expected.length !== actual.length) continue;
      let matches = true;
      for (let index = 0; index < expected.length && matches; index += 1) {
        const pattern = expected[index]!;
        if ('literal' in pattern) matches = pattern.literal === lowered[index];
        else matches = actual[index]!.length > 0;
      }
      if (!matches) continue;
      const params: Record<string, string> = {};
      expected.forEach((pattern, index) => {
        if ('param' in pattern) params[pattern.param] = decodeURIComponent(actual[index]!);
      });
      return { route: candidate.route, params };
    }
    return null;
  };
}
