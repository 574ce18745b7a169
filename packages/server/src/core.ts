import { parse as parseQuery } from 'node:querystring';
import type { Order } from '@marketkit/core';
import { createAccountRoutes } from './accounts/account-routes';
import { createAccountService, type EnsureAccountInput } from './accounts/account-service';
import { createCheckoutRoutes } from './checkout/checkout-routes';
import { createCheckoutService } from './checkout/checkout-service';
import type { RouteContext } from './context';
import { checkCsrf } from './http/csrf';
import { createRequestId, toErrorResult } from './http/error-handler';
import { HttpError } from './http/errors';
import { createRateLimiter } from './http/rate-limit';
import { createRouteMatcher, type Route } from './http/route';
import type { MarketkitOptions } from './options';
import { createOrderRoutes } from './orders/order-routes';
import { createOrderService } from './orders/order-service';
import { buildOrderView } from './orders/order-view';
import { createTransferWorker, type TransferWorker } from './outbox/worker';
import { parseOptions, type MarketkitConfig } from './parse-options';
import { createPayoutRoutes } from './payouts/payout-routes';
import { createPayoutService } from './payouts/payout-service';
import { createRefundRequests } from './refunds/refund-requests';
import { createRefundRoutes } from './refunds/refund-routes';
import { createRefundService } from './refunds/refund-service';
import { createRiskRoutes } from './risk/risk-routes';
import * as repository from './stores/repository';
import type { Store } from './stores/store';
import { createWebhookRoute } from './webhooks/webhook-handler';

/** Lifecycle handles and programmatic helpers, on `router.marketkit` / `handler.marketkit`. */
export interface MarketkitLifecycle {
  store: Store;
  /** Resolves once migrations ran and the worker resumed unfinished transfers. Requests wait for it. */
  ready: Promise<void>;
  worker: TransferWorker;
  accounts: {
    /** Gets or creates a seller's connected account (for seeding); returns its id. */
    ensureAccount(input: EnsureAccountInput): Promise<string>;
    /** Re-reads an account from Stripe into the cache (e.g. after onboarding in a test). */
    refresh(userId: string): Promise<void>;
  };
  orders: {
    /** The full order as an admin sees it, or null. */
    get(orderId: string): Promise<Order | null>;
  };
  /** Stops the worker and closes the store if MarketKit created it. */
  close(): Promise<void>;
}

/** One request as an adapter hands it to the core. */
export interface CoreRequest {
  method: string;
  /** The path under the mount point, without the query string; null when outside it (→ 404). */
  path: string | null;
  /** The raw query string, without `?`. */
  query: string;
  header(name: string): string | undefined;
  /** Reads the body once the route is known and the CSRF guard passed: parsed JSON, or the raw bytes. */
  readBody(kind: 'json' | 'raw'): Promise<unknown>;
  /** The framework's request, passed to `authenticate`. */
  native: unknown;
}

/** The answer an adapter writes back: a JSON body, or none (redirects). */
export interface CoreResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

export interface MarketkitCore {
  config: MarketkitConfig;
  lifecycle: MarketkitLifecycle;
  handle(request: CoreRequest): Promise<CoreResponse>;
}

function createContext(config: MarketkitConfig): RouteContext {
  const accounts = createAccountService(config);
  const worker = createTransferWorker(config);
  const refundService = createRefundService(config, worker);
  return {
    config,
    accounts,
    checkout: createCheckoutService(config, accounts),
    orders: createOrderService(config),
    refunds: { ...refundService, ...createRefundRequests(config, refundService) },
    payouts: createPayoutService(config, accounts),
    worker,
    linkLimiter: createRateLimiter({
      limit: config.limits.linksPerWindow,
      windowMs: config.limits.linkWindowMs,
    }),
  };
}

/** Every route of every feature, declared once for both adapters. */
function createRoutes(context: RouteContext): Route[] {
  return [
    createWebhookRoute(context),
    ...createAccountRoutes(context),
    ...createCheckoutRoutes(context),
    ...createOrderRoutes(context),
    ...createRefundRoutes(context),
    ...createPayoutRoutes(context),
    ...createRiskRoutes(context),
  ];
}

/**
 * The framework-free MarketKit: options parsed once, services, routes, and one request pipeline
 * (start-up gate → route match → CSRF guard → body → handler → error envelope) that the Express and
 * fetch adapters share.
 */
export function createMarketkitCore(options: MarketkitOptions<never>): MarketkitCore {
  const config = parseOptions(options);
  const context = createContext(config);
  const matchRoute = createRouteMatcher(createRoutes(context));

  const ready = (async () => {
    await config.store.migrate();
    if (config.worker.autoStart) context.worker.start();
  })();
  // Surface start-up failures on requests and `ready`, not as an unhandled rejection.
  ready.catch((error: unknown) =>
    config.logger.error(
      { error: error instanceof Error ? error.message : String(error) },
      'MarketKit failed to start',
    ),
  );
  // Once started, requests go straight through instead of awaiting a settled promise each time.
  let started = false;
  ready.then(
    () => (started = true),
    () => undefined,
  );

  async function handle(request: CoreRequest): Promise<CoreResponse> {
    const requestId = createRequestId();
    try {
      if (!started) await ready;
      const matched = request.path === null ? null : matchRoute(request.method, request.path);
      if (!matched || matched.route.csrf) {
        checkCsrf(request.method, request.header, config.urls.allowedOrigins);
      }
      if (!matched) {
        // Read (and so validate) the body as for any route, then answer that nothing lives here.
        await request.readBody('json');
        throw new HttpError('not_found', 'No such MarketKit endpoint.');
      }
      const body = await request.readBody(matched.route.body);
      const result = await matched.route.handler({
        method: request.method,
        path: request.path!,
        params: matched.params,
        query:
          request.query === ''
            ? {}
            : ({ ...parseQuery(request.query) } as Record<string, string | string[]>),
        header: request.header,
        body,
        native: request.native,
      });
      if ('redirect' in result) {
        return { status: 303, headers: { 'X-Request-Id': requestId, Location: result.redirect } };
      }
      const headers = result.headers ? { ...result.headers } : {};
      headers['X-Request-Id'] = requestId;
      return { status: result.status ?? 200, headers, body: result.body };
    } catch (error) {
      const failure = toErrorResult(
        error,
        requestId,
        config.logger,
        config.limits.bodyBytes,
        `${request.method} ${request.path ?? '(malformed path)'}`,
      );
      return {
        status: failure.status,
        headers: { ...failure.headers, 'X-Request-Id': requestId },
        body: failure.body,
      };
    }
  }

  const lifecycle: MarketkitLifecycle = {
    store: config.store,
    ready,
    worker: context.worker,
    accounts: {
      async ensureAccount(input) {
        await ready;
        return (await context.accounts.ensureAccount(input)).accountId;
      },
      async refresh(userId) {
        await ready;
        const record = await context.accounts.findByUser(userId);
        if (record?.accountId) await context.accounts.refresh(record.accountId);
      },
    },
    orders: {
      async get(orderId) {
        await ready;
        const order = await repository.findOrder(config.store, orderId);
        return order ? buildOrderView(config.store, order) : null;
      },
    },
    async close() {
      await ready.catch(() => undefined);
      await context.worker.stop();
      if (config.ownsStore) await config.store.close();
    },
  };

  return { config, lifecycle, handle };
}
