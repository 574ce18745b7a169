import { renderAccount } from './accounts';
import type { Engine } from './engine';
import { StripeApiError, invalidRequest } from './errors';
import type { FormObject } from './form';
import { paginate } from './list';
import { submitOnboardingFields, type OnboardingFields } from './onboarding-form';
import { Params } from './params';
import { createPayout } from './payouts';
import type { AccountSessionObject } from './state';

export interface JsonResponse {
  status: number;
  body: unknown;
}

/** Resolves `Authorization: Bearer <account session client_secret>`, or a 401 like Stripe's. */
export function sessionFor(
  engine: Engine,
  authorization: string | undefined,
): AccountSessionObject {
  const secret = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]?.trim();
  const session = secret ? engine.state.accountSessions[secret] : undefined;
  if (
    !session ||
    session.expires_at <= engine.now() ||
    engine.state.accounts[session.account]?.deleted
  ) {
    throw new StripeApiError(401, {
      type: 'invalid_request_error',
      code: 'account_session_invalid',
      message: session
        ? 'This account session has expired. Create a new one on your server.'
        : 'Invalid account session client secret.',
    });
  }
  return session;
}

function stringifyQuery(query: URLSearchParams): FormObject {
  const values: FormObject = {};
  for (const [key, value] of query) values[key] = value;
  return values;
}

/**
 * The Connect.js stand-in's API under `/_sandbox/connect/*`: what embedded components read and do,
 * scoped to the session's account.
 */
export function handleConnectApi(
  engine: Engine,
  method: string,
  route: string,
  query: URLSearchParams,
  body: Record<string, unknown>,
  authorization: string | undefined,
): JsonResponse {
  const session = sessionFor(engine, authorization);
  const accountId = session.account;
  const record = engine.accountRecord(accountId);
  const params = new Params(stringifyQuery(query));
  const key = `${method} ${route}`;
  switch (key) {
    case 'GET session':
      return {
        status: 200,
        body: {
          account: accountId,
          components: session.components,
          expires_at: session.expires_at,
        },
      };
    case 'GET account':
      return { status: 200, body: renderAccount(engine, record) };
    case 'GET balance':
      return { status: 200, body: engine.balance(accountId) };
    case 'GET payouts': {
      const payouts = Object.values(engine.state.payouts).filter(
        (payout) => engine.ownerOf(payout.id) === accountId,
      );
      return { status: 200, body: paginate(payouts, params, '/_sandbox/connect/payouts') };
    }
    case 'GET payments': {
      const transactions = Object.values(engine.state.balanceTransactions).filter(
        (transaction) =>
          engine.ownerOf(transaction.id) === accountId &&
          (transaction.type === 'payment' || transaction.type === 'payment_refund'),
      );
      return {
        status: 200,
        body: paginate(transactions, params, '/_sandbox/connect/payments', (transaction) =>
          engine.renderBalanceTransaction(transaction),
        ),
      };
    }
    case 'POST onboarding': {
      if (
        !session.components.account_onboarding?.enabled &&
        !session.components.account_management?.enabled
      ) {
        throw new StripeApiError(403, {
          type: 'invalid_request_error',
          code: 'component_not_enabled',
          message: 'The account_onboarding component is not enabled for this account session.',
        });
      }
      submitOnboardingFields(engine, record, body as OnboardingFields);
      return { status: 200, body: renderAccount(engine, record) };
    }
    case 'POST payouts': {
      if (!session.components.payouts?.enabled && !session.components.balances?.enabled) {
        throw new StripeApiError(403, {
          type: 'invalid_request_error',
          code: 'component_not_enabled',
          message: 'The payouts component is not enabled for this account session.',
        });
      }
      const method = body.method === 'instant' ? 'instant' : 'standard';
      if (method === 'instant' && session.components.payouts?.features.instant_payouts === false) {
        throw invalidRequest('Instant payouts are disabled for this account session.', {
          code: 'feature_not_enabled',
        });
      }
      const currency =
        typeof body.currency === 'string' ? body.currency : engine.defaultCurrency(accountId);
      // Without an amount: the whole available balance, or for instant payouts what is left after the fee.
      const amount =
        typeof body.amount === 'number' && Number.isInteger(body.amount)
          ? body.amount
          : method === 'instant'
            ? undefined
            : engine.availableBalance(accountId, currency);
      const values: FormObject = {
        currency,
        method,
        ...(amount === undefined ? {} : { amount: String(amount) }),
      };
      return { status: 200, body: createPayout(engine, accountId, new Params(values)) };
    }
    default:
      throw invalidRequest(`Unrecognized request URL (${method}: /_sandbox/connect/${route}).`, {
        status: 404,
      });
  }
}
