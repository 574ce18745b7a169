import { renderAccount } from '../accounts/accounts';
import { submitOnboardingFields, type OnboardingFields } from '../account-links/onboarding-form';
import { StripeApiError, invalidRequest } from '../http/errors';
import type { FormObject } from '../http/form';
import { paginate } from '../http/pagination';
import { Params } from '../http/params';
import { connectRoute, type Route } from '../http/route';
import { createPayout } from '../payouts/payouts';

function componentNotEnabled(component: string) {
  return new StripeApiError(403, {
    type: 'invalid_request_error',
    code: 'component_not_enabled',
    message: `The ${component} component is not enabled for this account session.`,
  });
}

/**
 * The Connect.js stand-in's API under `/_sandbox/connect/*`: what embedded components read and do,
 * scoped to the account session's account.
 */
export const connectJsRoutes: Route[] = [
  connectRoute('GET', '/_sandbox/connect/session', ({ session }) => ({
    account: session.account,
    components: session.components,
    expires_at: session.expires_at,
  })),
  connectRoute('GET', '/_sandbox/connect/account', ({ engine, session }) =>
    renderAccount(engine, engine.accountRecord(session.account)),
  ),
  connectRoute('GET', '/_sandbox/connect/balance', ({ engine, session }) =>
    engine.balance(engine.accountRecord(session.account).account.id),
  ),
  connectRoute('GET', '/_sandbox/connect/payouts', ({ engine, session, query }) => {
    const accountId = engine.accountRecord(session.account).account.id;
    const payouts = Object.values(engine.state.payouts).filter(
      (payout) => engine.ownerOf(payout.id) === accountId,
    );
    return paginate(payouts, query, '/_sandbox/connect/payouts');
  }),
  connectRoute('GET', '/_sandbox/connect/payments', ({ engine, session, query }) => {
    const accountId = engine.accountRecord(session.account).account.id;
    const transactions = Object.values(engine.state.balanceTransactions).filter(
      (transaction) =>
        engine.ownerOf(transaction.id) === accountId &&
        (transaction.type === 'payment' || transaction.type === 'payment_refund'),
    );
    return paginate(transactions, query, '/_sandbox/connect/payments', (transaction) =>
      engine.renderBalanceTransaction(transaction),
    );
  }),
  connectRoute('POST', '/_sandbox/connect/onboarding', ({ engine, session, body }) => {
    const record = engine.accountRecord(session.account);
    if (
      !session.components.account_onboarding?.enabled &&
      !session.components.account_management?.enabled
    )
      throw componentNotEnabled('account_onboarding');
    submitOnboardingFields(engine, record, body as OnboardingFields);
    return renderAccount(engine, record);
  }),
  connectRoute('POST', '/_sandbox/connect/payouts', ({ engine, session, body }) => {
    const accountId = engine.accountRecord(session.account).account.id;
    if (!session.components.payouts?.enabled && !session.components.balances?.enabled)
      throw componentNotEnabled('payouts');
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
    return createPayout(engine, accountId, new Params(values));
  }),
];
