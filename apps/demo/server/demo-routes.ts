// The demo app's own JSON routes (everything that is not MarketKit): session, users, catalogue, and the
// admin's sandbox controls. The secret key stays here; the browser never sees it. Order lists come from
// MarketKit's own GET /orders.
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type Stripe from 'stripe';
import { DEMO_PRODUCTS, DEMO_USERS, findDemoUser } from './demo-data';
import { clearSession, readSession, writeSession, type DemoSessionUser } from './session';
import type { SellerAccounts } from './seller-accounts';

export interface SandboxControls {
  advanceClock(seconds: number): Promise<void>;
  closeDispute(disputeId: string, outcome: 'won' | 'lost'): Promise<void>;
  flushWebhooks(): Promise<void>;
  now(): number;
}

export interface DemoRoutesOptions {
  mode: 'sandbox' | 'stripe';
  publishableKey: string;
  sandboxUrl: string | null;
  stripe: Stripe;
  sellerAccounts: SellerAccounts;
  /** Present only in sandbox mode. */
  sandbox: SandboxControls | null;
  /** Lets tests and the admin wait until the transfer outbox has settled after a webhook. */
  settle(): Promise<void>;
}

const DAY_SECONDS = 24 * 60 * 60;

class DemoHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function requireUser(request: Request, role?: DemoSessionUser['role']): DemoSessionUser {
  const user = readSession(request);
  if (!user) throw new DemoHttpError(401, 'unauthenticated', 'Sign in first.');
  if (role && user.role !== role) {
    throw new DemoHttpError(403, 'forbidden', `Only a signed-in ${role} can do this.`);
  }
  return user;
}

function requireSandbox(options: DemoRoutesOptions): SandboxControls {
  if (!options.sandbox) {
    throw new DemoHttpError(
      409,
      'sandbox_only',
      'Sandbox controls are only available when the demo runs offline (no STRIPE_SECRET_KEY).',
    );
  }
  return options.sandbox;
}

// Express 5 forwards rejected promises to the error handler; this keeps the handlers short.
type Handler = (request: Request, response: Response) => Promise<void> | void;
const route =
  (handler: Handler) =>
  (request: Request, response: Response, next: NextFunction): void => {
    Promise.resolve(handler(request, response)).catch(next);
  };

export function createDemoRoutes(options: DemoRoutesOptions): Router {
  const router = express.Router();
  router.use(express.json({ limit: '8kb' }));

  router.get(
    '/demo/config',
    route((_request, response) => {
      response.json({
        mode: options.mode,
        publishableKey: options.publishableKey,
        sandboxUrl: options.sandboxUrl,
      });
    }),
  );

  router.get(
    '/demo/users',
    route((_request, response) => {
      response.json({
        users: DEMO_USERS.map(({ userId, role, displayName, email, summary }) => ({
          userId,
          role,
          displayName,
          email,
          summary,
        })),
      });
    }),
  );

  router.get(
    '/session',
    route((request, response) => {
      response.json({ user: readSession(request) });
    }),
  );

  router.post(
    '/session',
    route((request, response) => {
      const userId = (request.body as { userId?: unknown } | undefined)?.userId;
      const user = findDemoUser(userId);
      if (!user) throw new DemoHttpError(400, 'unknown_user', 'Pick one of the demo users.');
      writeSession(response, user.userId);
      response.json({
        user: {
          userId: user.userId,
          role: user.role,
          displayName: user.displayName,
          email: user.email,
        },
      });
    }),
  );

  router.delete(
    '/session',
    route((_request, response) => {
      clearSession(response);
      response.status(204).end();
    }),
  );

  router.get(
    '/demo/catalogue',
    route(async (_request, response) => {
      const sellers = await options.sellerAccounts.availability();
      response.json({
        products: DEMO_PRODUCTS.map((product) => {
          const seller = findDemoUser(product.sellerId);
          return {
            ...product,
            sellerName: seller?.displayName ?? product.sellerId,
            // Checkout refuses sellers who cannot receive transfers, so the shop says so up front.
            available: sellers.get(product.sellerId) === true,
          };
        }),
      });
    }),
  );

  router.post(
    '/demo/sandbox/advance',
    route(async (request, response) => {
      requireUser(request, 'admin');
      const sandbox = requireSandbox(options);
      const days = Number((request.body as { days?: unknown } | undefined)?.days ?? 1);
      if (!Number.isInteger(days) || days < 1 || days > 30) {
        throw new DemoHttpError(400, 'invalid_days', 'Advance the clock by 1 to 30 whole days.');
      }
      await sandbox.advanceClock(days * DAY_SECONDS);
      await sandbox.flushWebhooks();
      await options.settle();
      response.json({ now: sandbox.now() });
    }),
  );

  router.post(
    '/demo/sandbox/disputes/:disputeId/close',
    route(async (request, response) => {
      requireUser(request, 'admin');
      const sandbox = requireSandbox(options);
      const outcome = (request.body as { outcome?: unknown } | undefined)?.outcome;
      if (outcome !== 'won' && outcome !== 'lost') {
        throw new DemoHttpError(400, 'invalid_outcome', 'The outcome is "won" or "lost".');
      }
      const disputeId = String(request.params.disputeId);
      if (!/^dp_[A-Za-z0-9]+$/.test(disputeId)) {
        throw new DemoHttpError(400, 'invalid_dispute', 'That is not a dispute id (dp_…).');
      }
      await sandbox.closeDispute(disputeId, outcome);
      await sandbox.flushWebhooks();
      await options.settle();
      response.json({ disputeId, outcome });
    }),
  );

  router.get(
    '/demo/sandbox/clock',
    // Read-only and secret-free: every visitor sees the sandbox's date in the header.
    route((_request, response) => {
      const sandbox = requireSandbox(options);
      response.json({ now: sandbox.now() });
    }),
  );

  router.use((error: unknown, _request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) return next(error);
    if (error instanceof DemoHttpError) {
      response.status(error.status).json({ error: { code: error.code, message: error.message } });
      return;
    }
    const message = error instanceof Error ? error.message : 'Unexpected error';
    // Stripe errors carry a user-facing message; never their raw internals or keys.
    response
      .status(502)
      .json({ error: { code: 'demo_failed', message: message.replace(/sk_\w+/g, '[key]') } });
  });

  return router;
}
