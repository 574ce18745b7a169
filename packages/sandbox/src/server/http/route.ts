import type { Engine } from '../core/engine';
import type { AccountSessionObject } from '../core/state';
import { notFound } from './errors';
import type { FormObject } from './form';
import { paginate } from './pagination';
import type { Params } from './params';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A `/v1` request after the shared pipeline (key, `Stripe-Account`, form parsing, idempotency). */
export interface ApiContext {
  engine: Engine;
  params: Params;
  /** Path parameters captured by the route pattern. */
  path: string[];
  /** The account the request acts as: the platform, or the `Stripe-Account` header's account. */
  account: string;
  keyKind: 'secret' | 'publishable';
}

/** What the sandbox's controls act on besides the state: its clock, faults and webhooks. */
export interface Controls {
  advanceClock(seconds: number): Promise<void>;
  closeDispute(id: string, outcome: 'won' | 'lost'): Promise<void>;
  reviewAccount(id: string, state: 'under_review' | 'cleared'): Promise<void>;
  injectFault(fault: SandboxFault): void;
  pendingFaults(): number;
  reset(): Promise<void>;
  snapshot(): unknown;
  restore(state: unknown): Promise<void>;
  flushWebhooks(): Promise<void>;
}

/** A fault injected for the next `count` requests whose method and path prefix match. */
export interface SandboxFault {
  method?: string;
  /** Path prefix, e.g. `/v1/transfers`. */
  path: string;
  count: number;
  status?: number;
  latencyMs?: number;
  /** Destroy the connection without answering. */
  drop?: boolean;
  /**
   * `'before-execution'` (default): the fault answers before the endpoint runs, nothing happens and nothing
   * is saved for the idempotency key, so a retry executes. `'after-execution'`: the endpoint runs (the
   * transfer exists), then the client gets the fault; a `status` answer is saved for the key and replayed
   * for 24 hours of sandbox time, as Stripe replays a 500 (a `drop` saves the real answer instead).
   */
  phase?: FaultPhase;
}

export type FaultPhase = 'before-execution' | 'after-execution';

/** A `/_sandbox/*` control call, JSON in and out, with the secret key (or the publishable key where allowed). */
export interface ControlContext {
  engine: Engine;
  controls: Controls;
  path: string[];
  body: Record<string, unknown>;
  /** The bearer token the call carried. */
  key: string | undefined;
}

/** A Connect.js stand-in call, authenticated by an account session's client secret. */
export interface ConnectContext {
  engine: Engine;
  session: AccountSessionObject;
  path: string[];
  query: Params;
  body: Record<string, unknown>;
}

export interface HostedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A hosted page (HTML): onboarding forms and the Express dashboard look-alike. */
export interface HostedContext {
  engine: Engine;
  path: string[];
  form: FormObject;
  remoteAddress: string | undefined;
}

interface RouteBase {
  method: Method;
  path: string;
  pattern: RegExp;
}

/**
 * One table declares every route the sandbox answers; `surface` picks the request pipeline: Stripe's
 * `/v1` API, the sandbox's `/_sandbox` controls, the Connect.js stand-in API or a hosted page.
 */
export type Route = RouteBase &
  (
    | {
        surface: 'api';
        handler: (context: ApiContext) => unknown;
        /** Stripe.js-style calls allowed with the publishable key. */
        publishable?: boolean;
        /** Routes that only make sense for the platform itself (no `Stripe-Account`). */
        platformOnly?: boolean;
      }
    | {
        surface: 'control';
        handler: (context: ControlContext) => unknown;
        /** Controls the browser may call with the publishable key (it checks the key itself). */
        publishable?: boolean;
      }
    | { surface: 'connect'; handler: (context: ConnectContext) => unknown }
    | { surface: 'hosted'; handler: (context: HostedContext) => HostedResponse }
  );

function pattern(path: string) {
  return new RegExp(`^${path.replace(/:[a-z_]+/g, '([^/]+)')}$`);
}

export type ApiRouteOptions = { publishable?: boolean; platformOnly?: boolean };

export function apiRoute(
  method: Method,
  path: string,
  handler: (context: ApiContext) => unknown,
  options: ApiRouteOptions = {},
): Route {
  return { surface: 'api', method, path, pattern: pattern(path), handler, ...options };
}

export function controlRoute(
  method: Method,
  path: string,
  handler: (context: ControlContext) => unknown,
  options: { publishable?: boolean } = {},
): Route {
  return { surface: 'control', method, path, pattern: pattern(path), handler, ...options };
}

export function connectRoute(
  method: Method,
  path: string,
  handler: (context: ConnectContext) => unknown,
): Route {
  return { surface: 'connect', method, path, pattern: pattern(path), handler };
}

export function hostedRoute(
  method: Method,
  path: string,
  handler: (context: HostedContext) => HostedResponse,
): Route {
  return { surface: 'hosted', method, path, pattern: pattern(path), handler };
}

export type RouteMatch = { route: Route; path: string[] } | { methodMismatch: true } | null;

/** The route for a request, `methodMismatch` when only the method differs, or null. */
export function matchRoute(table: readonly Route[], method: string, pathname: string): RouteMatch {
  let mismatch = false;
  for (const candidate of table) {
    const match = candidate.pattern.exec(pathname);
    if (!match) continue;
    if (candidate.method !== method) {
      mismatch = true;
      continue;
    }
    return { route: candidate, path: match.slice(1).map(decodeURIComponent) };
  }
  return mismatch ? { methodMismatch: true } : null;
}

/** The path parameter at `index`. */
export const at = (context: { path: string[] }, index: number) => context.path[index] as string;

interface ListRouteOptions<T> {
  /** Params accepted besides the cursors; anything else is rejected, as Stripe does. */
  allow: readonly string[];
  /** The items, oldest first; may throw (e.g. an unknown parent object) before any filter is read. */
  collection: (context: ApiContext) => T[];
  /** Reads the filter params and returns the test each item must pass. */
  filter?: (context: ApiContext) => (item: T) => boolean;
  render?: (item: T, engine: Engine) => unknown;
  /** The list's `url` when it differs from the route path (paths with ids). */
  url?: (context: ApiContext) => string;
}

/**
 * A GET list endpoint: rejects params outside `limit`, `starting_after`, `ending_before` and
 * `allow`, then filters the collection and paginates it the Stripe way.
 */
export function listRoute<T extends { id: string; created?: number }>(
  path: string,
  { allow, collection, filter, render, url }: ListRouteOptions<T>,
  options: ApiRouteOptions = {},
): Route {
  return apiRoute(
    'GET',
    path,
    (context) => {
      context.params.allowOnly(['limit', 'starting_after', 'ending_before', ...allow]);
      const all = collection(context);
      const test = filter?.(context);
      const items = test ? all.filter(test) : all;
      return paginate(
        items,
        context.params,
        url?.(context) ?? path,
        render && ((item) => render(item, context.engine)),
      );
    },
    options,
  );
}

interface RetrieveRouteOptions<T> {
  /** The object named by the path's last id, or undefined when it is missing or not visible. */
  find: (context: ApiContext) => T | undefined;
  /** The kind in the 404 message: `No such <kind>: '<id>'`. */
  kind: string;
  render: (item: T, engine: Engine) => unknown;
}

/** A GET retrieve endpoint that answers 404 `resource_missing` for an unknown id. */
export function retrieveRoute<T>(
  path: string,
  { find, kind, render }: RetrieveRouteOptions<T>,
  options: ApiRouteOptions = {},
): Route {
  return apiRoute(
    'GET',
    path,
    (context) => {
      const item = find(context);
      if (item === undefined) throw notFound(kind, context.path.at(-1) as string);
      return render(item, context.engine);
    },
    options,
  );
}

/** The object named by the path's id, only when it belongs to the account the request acts as. */
export function findOwned<T extends { id: string }>(
  context: ApiContext,
  collection: Record<string, T>,
) {
  const item = collection[at(context, 0)];
  return item && context.engine.ownerOf(item.id) === context.account ? item : undefined;
}
