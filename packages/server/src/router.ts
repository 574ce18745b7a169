import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { Order } from '@marketkit/core';
import { API_ROUTES } from '@marketkit/core/contract';
import { createAccountRoutes } from './accounts/account-routes';
import {
  createAccountService,
  type AccountService,
  type EnsureAccountInput,
} from './accounts/account-service';
import { createCheckoutRoutes } from './checkout/checkout-routes';
import { createCheckoutService } from './checkout/checkout-service';
import type { RouteContext } from './context';
import { createCsrfGuard } from './http/csrf';
import { assignRequestId, createErrorHandler } from './http/error-handler';
import { HttpError } from './http/errors';
import { createRateLimiter } from './http/rate-limit';
import type { MarketkitRouterOptions } from './options';
import { createOrderRoutes } from './orders/order-routes';
import { createOrderService } from './orders/order-service';
import { buildOrderView } from './orders/order-view';
import { createTransferWorker, type TransferWorker } from './outbox/worker';
import { parseOptions } from './parse-options';
import { createPayoutRoutes } from './payouts/payout-routes';
import { createPayoutService } from './payouts/payout-service';
import { createRefundRequests } from './refunds/refund-requests';
import { createRefundRoutes } from './refunds/refund-routes';
import { createRefundService } from './refunds/refund-service';
import { createRiskRoutes } from './risk/risk-routes';
import * as repository from './stores/repository';
import type { Store } from './stores/store';
import { createWebhookRequestHandler } from './webhooks/webhook-handler';

/** Lifecycle handles and programmatic helpers, on `router.marketkit`. */
export interface MarketkitHandle {
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
  /** The raw-body webhook middleware, to mount elsewhere (e.g. before `express.json()`). */
  webhookHandler: express.RequestHandler;
  /** Stops the worker and closes the store if the router created it. */
  close(): Promise<void>;
}

export type MarketkitRouter = Router & { marketkit: MarketkitHandle };

function createContext(options: MarketkitRouterOptions): {
  context: RouteContext;
  ready: Promise<void>;
  accounts: AccountService;
} {
  const config = parseOptions(options);
  const accounts = createAccountService(config);
  const refundService = createRefundService(config);
  const refunds = { ...refundService, ...createRefundRequests(config, refundService) };
  const worker = createTransferWorker(config);
  const context: RouteContext = {
    config,
    accounts,
    checkout: createCheckoutService(config, accounts),
    orders: createOrderService(config),
    refunds,
    payouts: createPayoutService(config, accounts),
    worker,
    linkLimiter: createRateLimiter({
      limit: config.limits.linksPerWindow,
      windowMs: config.limits.linkWindowMs,
    }),
  };
  const ready = (async () => {
    await config.store.migrate();
    if (config.worker.autoStart) worker.start();
    await refunds.resume();
  })();
  // Surface start-up failures on requests and `ready`, not as an unhandled rejection.
  ready.catch((error: unknown) =>
    config.logger.error(
      { error: error instanceof Error ? error.message : String(error) },
      'MarketKit failed to start',
    ),
  );
  return { context, ready, accounts };
}

/**
 * The Express router behind MarketKit's components. Mount it under a path of your app, e.g.
 * `app.use('/api/marketkit', createMarketkitRouter(options))`, before `express.json()`.
 */
export function createMarketkitRouter(options: MarketkitRouterOptions): MarketkitRouter {
  const { context, ready, accounts } = createContext(options);
  const { config } = context;
  const router = Router() as MarketkitRouter;
  const errorHandler = createErrorHandler(config.logger, config.limits.bodyBytes);
  const webhookHandler = createWebhookRequestHandler(context);

  router.use(assignRequestId);
  // Once started, requests go straight through instead of awaiting a settled promise each time.
  let started = false;
  ready.then(
    () => (started = true),
    () => undefined,
  );
  router.use((_request: Request, _response: Response, next: NextFunction) => {
    if (started) return next();
    ready.then(() => next(), next);
  });
  // The webhook route needs the raw bytes for its signature, so it is registered before the JSON parser.
  router.post(
    API_ROUTES.webhooks.path,
    express.raw({ type: () => true, limit: '1mb' }),
    webhookHandler,
  );
  router.use(createCsrfGuard(config.urls.allowedOrigins));
  router.use(
    express.json({ limit: config.limits.bodyBytes, strict: true, type: 'application/json' }),
  );
  router.use(createAccountRoutes(context));
  router.use(createCheckoutRoutes(context));
  router.use(createOrderRoutes(context));
  router.use(createRefundRoutes(context));
  router.use(createPayoutRoutes(context));
  router.use(createRiskRoutes(context));
  router.use((_request: Request, _response: Response, next: NextFunction) => {
    next(new HttpError('not_found', 'No such MarketKit endpoint.'));
  });
  router.use(errorHandler);

  const handle: MarketkitHandle = {
    store: config.store,
    ready,
    worker: context.worker,
    accounts: {
      async ensureAccount(input) {
        await ready;
        return (await accounts.ensureAccount(input)).accountId;
      },
      async refresh(userId) {
        await ready;
        const record = await accounts.findByUser(userId);
        if (record?.accountId) await accounts.refresh(record.accountId);
      },
    },
    orders: {
      async get(orderId) {
        await ready;
        const order = await repository.findOrder(config.store, orderId);
        return order ? buildOrderView(config.store, order) : null;
      },
    },
    webhookHandler: (request, response, next) => {
      assignRequestId(request, response, () => {
        ready.then(
          () =>
            webhookHandler(request, response, (error?: unknown) =>
              error ? errorHandler(error, request, response, next) : next(),
            ),
          (error: unknown) => errorHandler(error, request, response, next),
        );
      });
    },
    async close() {
      await ready.catch(() => undefined);
      await context.worker.stop();
      if (config.ownsStore) await config.store.close();
    },
  };
  router.marketkit = handle;
  return router;
}

/**
 * The webhook middleware on its own: `app.post('/stripe/webhooks', createWebhookHandler(router))`,
 * mounted before `express.json()` so the body stays raw. The router also serves `POST /webhooks`.
 */
export function createWebhookHandler(router: MarketkitRouter): express.RequestHandler {
  if (typeof router?.marketkit?.webhookHandler !== 'function') {
    throw new TypeError(
      'createWebhookHandler(router) needs a router from createMarketkitRouter().',
    );
  }
  return router.marketkit.webhookHandler;
}
