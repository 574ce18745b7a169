import {
  AccountLinkRequestSchema,
  AccountSessionRequestSchema,
  API_ROUTES,
} from '@marketkit/core/contract';
import { rejectBody, requireOwnAccount, requireUser, type RouteContext } from '../context';
import { json, redirect, route, type MarketkitRequest, type Route } from '../http/route';
import { decodeLinkState, type LinkState } from '../http/signed-state';
import { parseRequest } from '../http/validation';
import { mintAccountLink, mintAccountSession, mintLoginLink } from './account-links';
import { toAccountStatus } from './account-status';

export function createAccountRoutes(context: RouteContext): Route[] {
  const { config, accounts } = context;

  /**
   * The state on a return/refresh URL names an account; it acts only for that account's signed-in
   * owner (the URL alone is not a credential). Anyone else is sent to sign in, with no Stripe call.
   */
  async function ownedState(request: MarketkitRequest): Promise<LinkState | null> {
    const state = decodeLinkState(config.stateSecret, request.query.state, config.now());
    const user = await config.authenticate(request.native as never);
    const record = user?.userId ? await accounts.findByUser(user.userId) : null;
    if (!user || record?.accountId !== state.accountId) return null;
    context.linkLimiter.consume(`user:${user.userId}`);
    return state;
  }

  function onboardingReturn(outcome: 'sign_in_required' | 'returned') {
    const target = new URL(config.urls.onboardingReturn);
    target.searchParams.set('onboarding', outcome);
    return redirect(target.toString());
  }

  return [
    route('POST', API_ROUTES.createAccount.path, async (request) => {
      const user = await requireUser(context, request, ['seller', 'admin']);
      rejectBody(request.body);
      const record = await accounts.ensureAccount({
        userId: user.userId,
        displayName: user.displayName ?? user.userId,
        email: user.email,
      });
      return json(toAccountStatus(record.status));
    }),

    route('GET', API_ROUTES.getAccountStatus.path, async (request) => {
      const user = await requireUser(context, request);
      return json(toAccountStatus(await accounts.currentStatus(user.userId)));
    }),

    route('POST', API_ROUTES.createAccountLink.path, async (request) => {
      const user = await requireUser(context, request, ['seller', 'admin']);
      const body = parseRequest(AccountLinkRequestSchema, request.body);
      const record = await requireOwnAccount(context, user);
      context.linkLimiter.consume(`user:${user.userId}`);
      return json(await mintAccountLink(config, record.accountId, body.type));
    }),

    route('GET', API_ROUTES.accountLinkReturn.path, async (request) => {
      const state = await ownedState(request);
      if (!state) return onboardingReturn('sign_in_required');
      // The user may come back before account.updated arrives: refresh so the app shows the new state.
      await accounts.refresh(state.accountId).catch(() => undefined);
      return onboardingReturn('returned');
    }),

    route('GET', API_ROUTES.accountLinkRefresh.path, async (request) => {
      const state = await ownedState(request);
      if (!state) return onboardingReturn('sign_in_required');
      const link = await mintAccountLink(config, state.accountId, state.type);
      return redirect(link.url);
    }),

    route('POST', API_ROUTES.createAccountSession.path, async (request) => {
      const user = await requireUser(context, request, ['seller', 'admin']);
      const body = parseRequest(AccountSessionRequestSchema, request.body);
      const record = await requireOwnAccount(context, user);
      context.linkLimiter.consume(`user:${user.userId}`);
      return json(await mintAccountSession(config, record.accountId, body.components));
    }),

    route('POST', API_ROUTES.createLoginLink.path, async (request) => {
      const user = await requireUser(context, request, ['seller', 'admin']);
      rejectBody(request.body);
      const record = await requireOwnAccount(context, user);
      context.linkLimiter.consume(`user:${user.userId}`);
      return json(await mintLoginLink(config, record));
    }),
  ];
}
