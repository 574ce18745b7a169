import type {
  AccountLinkResponse,
  AccountSessionResponse,
  EmbeddedComponent,
  LoginLinkResponse,
} from '@marketkit/core';
import { API_ROUTES } from '@marketkit/core/contract';
import type Stripe from 'stripe';
import { HttpError } from '../http/errors';
import { encodeLinkState } from '../http/signed-state';
import type { MarketkitConfig } from '../parse-options';
import type { AccountRecord } from '../stores/repository';

/**
 * How long the signed state on return/refresh URLs stays valid. Stripe's links expire within minutes;
 * an hour covers a seller filling in the form, and the routes also require the seller to be signed in.
 */
export const LINK_STATE_SECONDS = 60 * 60;

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
  config: MarketkitConfig,
  accountId: string,
  type: 'onboarding' | 'update',
): Promise<AccountLinkResponse> {
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

/** An account session for the embedded components the caller asked for. */
export async function mintAccountSession(
  config: MarketkitConfig,
  accountId: string,
  names: readonly EmbeddedComponent[],
): Promise<AccountSessionResponse> {
  const components: Stripe.AccountSessionCreateParams.Components = {};
  for (const name of new Set(names)) {
    (components as Record<string, unknown>)[name] = COMPONENT_FEATURES[name];
  }
  const session = await config.stripe.accountSessions.create({ account: accountId, components });
  return { clientSecret: session.client_secret, expiresAt: session.expires_at };
}

/** A single-use Express Dashboard login link (each click mints a new one). */
export async function mintLoginLink(
  config: MarketkitConfig,
  record: AccountRecord & { accountId: string },
): Promise<LoginLinkResponse> {
  if (record.status?.dashboard && record.status.dashboard !== 'express') {
    throw new HttpError(
      'forbidden',
      'Login links are only for accounts with the Express Dashboard.',
    );
  }
  const link = await config.stripe.accounts.createLoginLink(record.accountId);
  return { url: link.url };
}
