import type { AccountService } from './accounts/account-service';
import type { CheckoutService } from './checkout/checkout-service';
import { HttpError } from './http/errors';
import type { RateLimiter } from './http/rate-limit';
import type { MarketkitRequest } from './http/route';
import type { AuthenticatedUser, UserRole } from './options';
import type { OrderService } from './orders/order-service';
import type { MarketkitConfig } from './parse-options';
import type { PayoutService } from './payouts/payout-service';
import type { RefundRequests } from './refunds/refund-requests';
import type { RefundService } from './refunds/refund-service';
import type { AccountRecord } from './stores/repository';
import type { TransferWorker } from './outbox/worker';

/** What every feature's routes get: the config and each feature's service. */
export interface RouteContext {
  config: MarketkitConfig;
  accounts: AccountService;
  checkout: CheckoutService;
  orders: OrderService;
  refunds: RefundService & RefundRequests;
  payouts: PayoutService;
  worker: TransferWorker;
  /** Account links, sessions and login links, per user or account. */
  linkLimiter: RateLimiter;
}

export async function requireUser(
  context: RouteContext,
  request: MarketkitRequest,
  roles?: readonly UserRole[],
): Promise<AuthenticatedUser> {
  const user = await context.config.authenticate(request.native as never);
  if (!user || typeof user.userId !== 'string' || user.userId.length === 0) {
    throw new HttpError('unauthenticated', 'Sign in first.');
  }
  if (roles && !roles.includes(user.role)) {
    throw new HttpError('forbidden', `This endpoint is for ${roles.join(' or ')} users.`);
  }
  return user;
}

/** The caller's own connected account, from the user → account mapping only (never from the request). */
export async function requireOwnAccount(
  context: RouteContext,
  user: AuthenticatedUser,
): Promise<AccountRecord & { accountId: string }> {
  const record = await context.accounts.findByUser(user.userId);
  if (!record?.accountId) {
    throw new HttpError(
      'account_missing',
      'You have no connected account yet; call POST /accounts first.',
    );
  }
  return record as AccountRecord & { accountId: string };
}

/** Routes without a body still refuse one, so a client cannot believe a field was honoured. */
export function rejectBody(body: unknown): void {
  if (body === undefined || body === null) return;
  if (typeof body === 'object' && !Buffer.isBuffer(body) && Object.keys(body).length === 0) return;
  const key = typeof body === 'object' && !Buffer.isBuffer(body) ? Object.keys(body)[0] : undefined;
  throw new HttpError(
    key ? 'unknown_field' : 'invalid_request',
    key ? `Unknown field \`${key}\`; this endpoint takes no body.` : 'This endpoint takes no body.',
    key ? { param: key } : {},
  );
}
