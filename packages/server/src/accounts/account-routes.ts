import {
  AccountLinkRequestSchema,
  AccountSessionRequestSchema,
  API_ROUTES,
} from '@marketkit/core/contract';
import { Router, type Request, type Response } from 'express';
import { rejectBody, requireOwnAccount, requireUser, type RouteContext } from '../context';
import { decodeLinkState, type LinkState } from '../http/signed-state';
import { parseRequest } from '../http/validation';
import { mintAccountLink, mintAccountSession, mintLoginLink } from './account-links';
import { toAccountStatus } from './account-status';

export function createAccountRoutes(context: RouteContext): Router {
  const router = Router();
  const { config, accounts } = context;

  router.post(API_ROUTES.createAccount.path, async (request, response) => {
    const user = await requireUser(context, request, ['seller', 'admin']);
    rejectBody(request.body);
    const record = await accounts.ensureAccount({
      userId: user.userId,
      displayName: user.displayName ?? user.userId,
      email: user.email,
    });
    response.status(200).json(toAccountStatus(record.status));
  });

  router.get(API_ROUTES.getAccountStatus.path, async (request, response) => {
    const user = await requireUser(context, request);
    response.json(toAccountStatus(await accounts.currentStatus(user.userId)));
  });

  router.post(API_ROUTES.createAccountLink.path, async (request, response) => {
    const user = await requireUser(context, request, ['seller', 'admin']);
    const body = parseRequest(AccountLinkRequestSchema, request.body);
    const record = await requireOwnAccount(context, user);
    context.linkLimiter.consume(`user:${user.userId}`);
    response.json(await mintAccountLink(config, record.accountId, body.type));
  });

  /**
   * The state on a return/refresh URL names an account; it acts only for that account's signed-in
   * owner (the URL alone is not a credential). Anyone else is sent to sign in, with no Stripe call.
   */
  async function ownedState(request: Request, response: Response): Promise<LinkState | null> {
    const state = decodeLinkState(config.stateSecret, request.query.state, config.now());
    const user = await config.authenticate(request);
    const record = user?.userId ? await accounts.findByUser(user.userId) : null;
    if (!user || record?.accountId !== state.accountId) {
      const target = new URL(config.urls.onboardingReturn);
      target.searchParams.set('onboarding', 'sign_in_required');
      response.redirect(303, target.toString());
      return null;
    }
    context.linkLimiter.consume(`user:${user.userId}`);
    return state;
  }

  router.get(API_ROUTES.accountLinkReturn.path, async (request, response) => {
    const state = await ownedState(request, response);
    if (!state) return;
    // The user may come back before account.updated arrives: refresh so the app shows the new state.
    await accounts.refresh(state.accountId).catch(() => undefined);
    const target = new URL(config.urls.onboardingReturn);
    target.searchParams.set('onboarding', 'returned');
    response.redirect(303, target.toString());
  });

  router.get(API_ROUTES.accountLinkRefresh.path, async (request, response) => {
    const state = await ownedState(request, response);
    if (!state) return;
    const link = await mintAccountLink(config, state.accountId, state.type);
    response.redirect(303, link.url);
  });

  router.post(API_ROUTES.createAccountSession.path, async (request, response) => {
    const user = await requireUser(context, request, ['seller', 'admin']);
    const body = parseRequest(AccountSessionRequestSchema, request.body);
    const record = await requireOwnAccount(context, user);
    context.linkLimiter.consume(`user:${user.userId}`);
    response.json(await mintAccountSession(config, record.accountId, body.components));
  });

  router.post(API_ROUTES.createLoginLink.path, async (request, response) => {
    const user = await requireUser(context, request, ['seller', 'admin']);
    rejectBody(request.body);
    const record = await requireOwnAccount(context, user);
    context.linkLimiter.consume(`user:${user.userId}`);
    response.json(await mintLoginLink(config, record));
  });

  return router;
}
