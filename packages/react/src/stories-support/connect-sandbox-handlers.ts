import { http, HttpResponse, type RequestHandler } from 'msw';
import type Stripe from 'stripe';
import { FIXTURE_NOW, accountSessionFixture } from '../test/fixtures';
import { STRIPE_SANDBOX_PATH } from './constants';

/** The Account fields the Connect.js stand-in reads. */
export type StoryConnectAccount = Pick<
  Stripe.Account,
  'id' | 'object' | 'details_submitted' | 'charges_enabled' | 'payouts_enabled'
> & {
  individual: Pick<Stripe.Person, 'first_name' | 'last_name'> | null;
  requirements: Pick<
    Stripe.Account.Requirements,
    | 'currently_due'
    | 'past_due'
    | 'eventually_due'
    | 'pending_verification'
    | 'current_deadline'
    | 'disabled_reason'
    | 'errors'
  >;
};

export type StoryConnectPayout = Pick<
  Stripe.Payout,
  'id' | 'object' | 'amount' | 'currency' | 'status' | 'arrival_date' | 'method' | 'failure_message'
>;

export type StoryConnectPayment = Pick<
  Stripe.Charge,
  'id' | 'object' | 'amount' | 'currency' | 'status' | 'created' | 'description'
>;

export type StoryConnectBalance = Pick<Stripe.Balance, 'object' | 'available' | 'pending'>;

const DAY = 86_400;
const ACCOUNT_ID = 'acct_1SellerAda';

/** Stripe's documented test values that pass verification; anything else leaves requirements due. */
const PASSING = {
  idNumber: '000000000',
  routingNumber: '110000000',
  accountNumber: '000123456789',
};

const dueAccount: StoryConnectAccount = {
  id: ACCOUNT_ID,
  object: 'account',
  details_submitted: false,
  charges_enabled: false,
  payouts_enabled: false,
  individual: null,
  requirements: {
    currently_due: ['individual.first_name', 'individual.dob.day', 'external_account'],
    past_due: [],
    eventually_due: ['individual.first_name', 'individual.dob.day', 'external_account'],
    pending_verification: [],
    current_deadline: FIXTURE_NOW + 14 * DAY,
    disabled_reason: 'requirements.past_due',
    errors: [],
  },
};

const completeAccount: StoryConnectAccount = {
  ...dueAccount,
  details_submitted: true,
  charges_enabled: true,
  payouts_enabled: true,
  individual: { first_name: 'Ada', last_name: 'Lovelace' },
  requirements: {
    currently_due: [],
    past_due: [],
    eventually_due: [],
    pending_verification: [],
    current_deadline: null,
    disabled_reason: null,
    errors: [],
  },
};

const balance: StoryConnectBalance = {
  object: 'balance',
  available: [{ amount: 125_000, currency: 'usd', source_types: { card: 125_000 } }],
  pending: [{ amount: 30_050, currency: 'usd', source_types: { card: 30_050 } }],
};

const payouts: StoryConnectPayout[] = [
  {
    id: 'po_connect_1',
    object: 'payout',
    amount: 48_000,
    currency: 'usd',
    status: 'paid',
    arrival_date: FIXTURE_NOW - 2 * DAY,
    method: 'standard',
    failure_message: null,
  },
  {
    id: 'po_connect_2',
    object: 'payout',
    amount: 12_500,
    currency: 'usd',
    status: 'failed',
    arrival_date: FIXTURE_NOW - 9 * DAY,
    method: 'standard',
    failure_message: 'The bank account has been closed.',
  },
];

const payments: StoryConnectPayment[] = [
  {
    id: 'py_connect_1',
    object: 'charge',
    amount: 5_130,
    currency: 'usd',
    status: 'succeeded',
    created: FIXTURE_NOW - DAY,
    description: 'Order ord_fixture_1',
  },
];

export interface ConnectSandboxHandlersOptions {
  /** `'due'` shows the onboarding form and a requirements banner; `'complete'` shows neither. */
  account?: 'due' | 'complete';
}

/**
 * MSW handlers for the session-scoped API the Connect.js stand-in calls (`/_sandbox/connect/*`), so the
 * embedded variants render over the stand-ins without a sandbox running. Onboarding follows Stripe's
 * test values: the documented passing id and bank numbers complete the account.
 */
export function createConnectSandboxHandlers({
  account: initial = 'due',
}: ConnectSandboxHandlersOptions = {}): RequestHandler[] {
  let account = initial === 'due' ? dueAccount : completeAccount;
  const base = `*${STRIPE_SANDBOX_PATH}/_sandbox/connect`;

  const authorized = (request: Request) =>
    request.headers.get('Authorization') === `Bearer ${accountSessionFixture.clientSecret}`;
  const unauthorized = () =>
    HttpResponse.json<{ error: Stripe.StripeRawError }>(
      {
        error: {
          type: 'invalid_request_error',
          message: 'The account session has expired or does not exist.',
        },
      },
      { status: 401 },
    );

  return [
    http.get(`${base}/session`, ({ request }) => {
      if (!authorized(request)) return unauthorized();
      const enabled = { enabled: true, features: {} };
      return HttpResponse.json({
        account: ACCOUNT_ID,
        components: {
          account_onboarding: enabled,
          payouts: enabled,
          balances: enabled,
          notification_banner: enabled,
          payments: enabled,
        },
        expires_at: accountSessionFixture.expiresAt,
      });
    }),
    http.get(`${base}/account`, ({ request }) =>
      authorized(request) ? HttpResponse.json(account) : unauthorized(),
    ),
    http.get(`${base}/balance`, ({ request }) =>
      authorized(request) ? HttpResponse.json(balance) : unauthorized(),
    ),
    http.get(`${base}/payouts`, ({ request }) =>
      authorized(request)
        ? HttpResponse.json({ object: 'list', data: payouts, has_more: false })
        : unauthorized(),
    ),
    http.get(`${base}/payments`, ({ request }) =>
      authorized(request)
        ? HttpResponse.json({ object: 'list', data: payments, has_more: false })
        : unauthorized(),
    ),
    http.post(`${base}/payouts`, ({ request }) =>
      authorized(request)
        ? HttpResponse.json({
            ...payouts[0],
            id: 'po_connect_new',
            status: 'pending',
            arrival_date: FIXTURE_NOW + 2 * DAY,
          })
        : unauthorized(),
    ),
    http.post(`${base}/onboarding`, async ({ request }) => {
      if (!authorized(request)) return unauthorized();
      const body = (await request.json()) as {
        first_name?: string;
        last_name?: string;
        id_number?: string;
        routing_number?: string;
        account_number?: string;
      };
      const failed: Stripe.Account.Requirements.Error[] = [];
      if (body.id_number !== PASSING.idNumber) {
        failed.push({
          requirement: 'individual.id_number',
          code: 'verification_failed_id_number_match',
          reason: 'The ID number could not be verified.',
        });
      }
      if (
        body.routing_number !== PASSING.routingNumber ||
        body.account_number !== PASSING.accountNumber
      ) {
        failed.push({
          requirement: 'external_account',
          code: 'invalid_value_other',
          reason: 'The bank account could not be verified.',
        });
      }
      account =
        failed.length === 0
          ? {
              ...completeAccount,
              individual: { first_name: body.first_name ?? '', last_name: body.last_name ?? '' },
            }
          : { ...dueAccount, requirements: { ...dueAccount.requirements, errors: failed } };
      return HttpResponse.json(account);
    }),
  ];
}
