import {
  AccountLinkRequestSchema,
  AccountSessionRequestSchema,
  API_ROUTES,
} from '@marketkit/core/contract';
import type {
  AccountLinkResponse,
  AccountSessionResponse,
  LoginLinkResponse,
} from '@marketkit/core';
import { Router, type Request } from 'express';
import type Stripe from 'stripe';
import { toAccountStatus } from '../account-status';
import { rejectBody, requireOwnAccount, requireUser, type RouteContext } from '../context';
import { HttpError } from '../errors';
import { decodeLinkState, encodeLinkState } from '../signed-state';
import { parseRequest } from '../validation';

// How long the signed state on return/refresh URLs stays valid; Stripe's own links expire sooner.
const LINK_STATE_SECONDS = 24 * 60 * 60;

const PAYOUT_FEATURES = {
  instant_payouts: true,
  standard_payouts: true,
  edit_payout_schedule: true,
  external_account_collection: true,
};

/** Features for a platform-liable Express setup: Stripe collects requirements, the platform owns losses. */
const COMPONENT_FEATURES: Record<
  string,
  Stripe.AccountSessionCreateParams.Components[keyof Stripe.AccountSessionCreateParams.Components]
> = {
  account_onboarding: { enabled: true, features: { external_account_collection: true } },
  account_management: { enabled: true, features: { external_account_collection: true } },
  notification_banner: { enabled: true, features: { external_account_collection: true } },
  // Both components show payouts, so they get the same controls.
  payouts: { enabled: true, features: PAYOUT_FEATURES },
  balances: { enabled: true, features: PAYOUT_FEATURES },
  // The platform handles refunds and disputes (it is liable), so sellers only see their payments.
  payments: {
    enabled: true,
    features: { refund_management: false, dispute_management: false, capture_payments: false },
  },
};

export async function mintAccountLink(
  context: RouteContext,
  accountId: string,
  type: 'onboarding' | 'update',
): Promise<AccountLinkResponse> {
  const { config } = context;
  const state = encodeLinkState(config.stateSecret, {
    accountId,
    type,
    expiresAt: config.now() + LINK_STATE_SECONDS,
  });
  const query = `?state=${encodeURIComponent(state)}`;
  // Stripe only allows `account_update` links where the platform collects requirements; with
  // Stripe-collected requirements (the default, Express) updates go through onboarding again.
  const platformCollects =
    config.accountDefaults?.controller?.requirement_collection === 'application';
  const link = await config.stripe.accountLinks.create({
    account: accountId,
    ...(type === 'update' && platformCollects
      ? { type: 'account_update' as const }
      : {
          type: 'account_onboarding' as const,
          ...(type === 'update'
            ? { collection_options: { fields: 'eventually_due' as const } }
            : {}),
        }),
    return_url: `${config.urls.apiBase}${API_ROUTES.accountLinkReturn.path}${query}`,
    refresh_url: `${config.urls.apiBase}${API_ROUTES.accountLinkRefresh.path}${query}`,
  });
  return { url: link.url, expiresAt: link.expires_at };
}

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
    const record = await accounts.findByUser(user.userId);
    if (!record?.accountId) {
      response.json(toAccountStatus(null));
      return;
    }
    const fresh = await accounts.refresh(record.accountId);
    response.json(toAccountStatus(fresh?.status ?? record.status));
  });

  router.post(API_ROUTES.createAccountLink.path, async (request, response) => {
    const user = await requireUser(context, request, ['seller', 'admin']);
    const body = parseRequest(AccountLinkRequestSchema, request.body);
    const record = await requireOwnAccount(context, user);
    context.linkLimiter.consume(`user:${user.userId}`);
    const link: AccountLinkResponse = await mintAccountLink(context, record.accountId, body.type);
    response.json(link);
  });

  const readState = (request: Request) =>
    decodeLinkState(config.stateSecret, request.query.state, config.now());

  router.get(API_ROUTES.accountLinkReturn.path, async (request, response) => {
    const state = readState(request);
    // The user may come back before account.updated arrives: refresh so the app shows the new state.
    await accounts.refresh(state.accountId).catch(() => undefined);
    const target = new URL(config.urls.onboardingReturn);
    target.searchParams.set('onboarding', 'returned');
    response.redirect(303, target.toString());
  });

  router.get(API_ROUTES.accountLinkRefresh.path, async (request, response) => {
    const state = readState(request);
    context.linkLimiter.consume(`account:${state.accountId}`);
    const link = await mintAccountLink(context, state.accountId, state.type);
    response.redirect(303, link.url);
  });

  router.post(API_ROUTES.createAccountSession.path, async (request, response) => {
    const user = await requireUser(context, request, ['seller', 'admin']);
    const body = parseRequest(AccountSessionRequestSchema, request.body);
    const record = await requireOwnAccount(context, user);
    context.linkLimiter.consume(`user:${user.userId}`);
    const components: Stripe.AccountSessionCreateParams.Components = {};
    for (const name of new Set(body.components)) {
      (components as Record<string, unknown>)[name] = COMPONENT_FEATURES[name];
    }
    const session = await config.stripe.accountSessions.create({
      account: record.accountId,
      components,
    });
    const result: AccountSessionResponse = {
      clientSecret: session.client_secret,
      expiresAt: session.expires_at,
    };
    response.json(result);
  });

  router.post(API_ROUTES.createLoginLink.path, async (request, response) => {
    const user = await requireUser(context, request, ['seller', 'admin']);
    rejectBody(request.body);
    const record = await requireOwnAccount(context, user);
    if (record.status?.dashboard && record.status.dashboard !== 'express') {
      throw new HttpError(
        'forbidden',
        'Login links are only for accounts with the Express Dashboard.',
      );
    }
    context.linkLimiter.consume(`user:${user.userId}`);
    // Login links are single-use, so each click mints a new one.
    const link = await config.stripe.accounts.createLoginLink(record.accountId);
    const result: LoginLinkResponse = { url: link.url };
    response.json(result);
  });

  return router;
}
