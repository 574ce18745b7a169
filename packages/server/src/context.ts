import type { Request } from 'express';
import type { AccountService } from './accounts';
import { HttpError } from './errors';
import type { AuthenticatedUser, UserRole } from './options';
import type { MarketkitConfig } from './parse-options';
import type { createRateLimiter } from './rate-limit';
import type { AccountRecord } from './stores/repository';
import type { TransferWorker } from './outbox/worker';
import type { RefundService } from './refunds';

export interface RouteContext {
  config: MarketkitConfig;
  accounts: AccountService;
  worker: TransferWorker;
  refunds: RefundService;
  linkLimiter: ReturnType<typeof createRateLimiter>;
}

export async function requireUser(
  context: RouteContext,
  request: Request,
  roles?: readonly UserRole[],
): Promise<AuthenticatedUser> {
  const user = await context.config.authenticate(request);
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
