import type Stripe from 'stripe';
import { day, type Engine } from './engine';
import { invalidRequest } from './errors';
import { createId, randomToken } from './ids';
import type { ParamShape, Params } from './params';
import type {
  AccountObject,
  AccountProfile,
  AccountRecord,
  BankAccountObject,
  CardObject,
  ExternalAccountObject,
  ExternalAccountRecord,
} from './state';

/** Stripe's test routing number and account numbers with their payout outcomes. */
export const testRoutingNumber = '110000000';
export const bankAccountOutcomes: Record<string, { code: string; message: string } | null> = {
  '000123456789': null,
  '000000001234': null,
  '000111111116': {
    code: 'no_account',
    message:
      'The bank account details on file are probably incorrect. No bank account could be located with those details.',
  },
  '000111111113': { code: 'account_closed', message: 'The bank account has been closed.' },
  '000222222227': {
    code: 'insufficient_funds',
    message: 'Your Stripe account has insufficient funds to cover the payout.',
  },
  '000333333335': {
    code: 'debit_not_authorized',
    message: 'Debit transactions are not approved on the bank account.',
  },
  '000444444440': {
    code: 'invalid_currency',
    message: 'The bank was unable to process this payout because of its currency.',
  },
};

/** Stripe's bank-account test tokens, as used by `external_account: 'btok_…'`. */
const bankTokens: Record<string, string> = {
  btok_us_verified: '000123456789',
  btok_us_verified_noAccount: '000111111116',
  btok_us_verified_accountClosed: '000111111113',
  btok_us_verified_insufficientFunds: '000222222227',
  btok_us_verified_debitNotAuthorized: '000333333335',
  btok_us_verified_invalidCurrency: '000444444440',
};

/** Debit-card test tokens that support instant payouts. */
const debitCardTokens: Record<string, { number: string; brand: string }> = {
  tok_visa_debit: { number: '4000056655665556', brand: 'Visa' },
  tok_mastercard_debit: { number: '5200828282828210', brand: 'MasterCard' },
  tok_visa_debit_us_transferFail: { number: '4000000000005126', brand: 'Visa' },
};

const regions: string[][] = [
  ['US'],
  ['CA'],
  ['AU', 'NZ'],
  // EEA + UK + CH share one transfer region.
  [
    'AT',
    'BE',
    'BG',
    'CH',
    'CY',
    'CZ',
    'DE',
    'DK',
    'EE',
    'ES',
    'FI',
    'FR',
    'GB',
    'GR',
    'HR',
    'HU',
    'IE',
    'IS',
    'IT',
    'LI',
    'LT',
    'LU',
    'LV',
    'MT',
    'NL',
    'NO',
    'PL',
    'PT',
    'RO',
    'SE',
    'SI',
    'SK',
  ],
];

export function sameTransferRegion(left: string, right: string) {
  if (left === right) return true;
  return regions.some((region) => region.includes(left) && region.includes(right));
}

const countryCurrency: Record<string, string> = {
  US: 'usd',
  CA: 'cad',
  GB: 'gbp',
  AU: 'aud',
  NZ: 'nzd',
  JP: 'jpy',
  CH: 'chf',
  SE: 'sek',
  DK: 'dkk',
  NO: 'nok',
  PL: 'pln',
  MX: 'mxn',
  BR: 'brl',
  SG: 'sgd',
  IN: 'inr',
};

export function currencyForCountry(country: string) {
  return countryCurrency[country] ?? 'eur';
}

type Controller = NonNullable<AccountObject['controller']>;

function parseController(params: Params): { controller: Controller; type: Stripe.Account.Type } {
  const type = params.oneOf('type', ['express', 'standard', 'custom'] as const);
  const input = params.object('controller');
  if (type && input) {
    throw invalidRequest('You cannot pass both `type` and `controller`.', { param: 'controller' });
  }
  if (type) {
    const dashboard = type === 'express' ? 'express' : type === 'standard' ? 'full' : 'none';
    return {
      type,
      controller: {
        type: 'application',
        is_controller: true,
        fees: { payer: type === 'standard' ? 'account' : 'application_express' },
        losses: { payments: type === 'standard' ? 'stripe' : 'application' },
        requirement_collection: type === 'custom' ? 'application' : 'stripe',
        stripe_dashboard: { type: dashboard },
      },
    };
  }
  const dashboard =
    input?.object('stripe_dashboard')?.oneOf('type', ['express', 'full', 'none'] as const) ??
    'full';
  const payer =
    input?.object('fees')?.oneOf('payer', ['account', 'application'] as const) ??
    (dashboard === 'full' ? 'account' : 'application');
  const losses =
    input?.object('losses')?.oneOf('payments', ['application', 'stripe'] as const) ??
    (payer === 'account' ? 'stripe' : 'application');
  const collection =
    input?.oneOf('requirement_collection', ['application', 'stripe'] as const) ?? 'stripe';
  if (collection === 'application' && dashboard !== 'none') {
    throw invalidRequest(
      '`controller[requirement_collection]=application` requires `controller[stripe_dashboard][type]=none`.',
      {
        param: 'controller[requirement_collection]',
      },
    );
  }
  if (losses === 'stripe' && payer !== 'account') {
    throw invalidRequest(
      '`controller[losses][payments]=stripe` requires `controller[fees][payer]=account`.',
      {
        param: 'controller[losses][payments]',
      },
    );
  }
  return {
    type: dashboard === 'express' ? 'express' : dashboard === 'full' ? 'standard' : 'custom',
    controller: {
      type: 'application',
      is_controller: true,
      fees: {
        payer: payer === 'application' && dashboard === 'express' ? 'application_express' : payer,
      },
      losses: { payments: losses },
      requirement_collection: collection,
      stripe_dashboard: { type: dashboard },
    },
  };
}

const capabilityNames = ['transfers', 'card_payments'] as const;

const addressShape = {
  line1: true,
  line2: true,
  city: true,
  state: true,
  postal_code: true,
  country: true,
} as const;

/** `external_account` as a token or as bank-account or debit-card details. */
export const externalAccountShape = {
  object: true,
  country: true,
  currency: true,
  routing_number: true,
  account_number: true,
  account_holder_name: true,
  account_holder_type: true,
  default_for_currency: true,
  number: true,
  exp_month: true,
  exp_year: true,
  cvc: true,
} as const;

/** What `POST /v1/accounts/:id` accepts (the sandbox's subset of Stripe's parameters). */
export const accountUpdateShape: ParamShape = {
  email: true,
  metadata: 'any',
  business_type: true,
  business_profile: {
    name: true,
    url: true,
    mcc: true,
    product_description: true,
    support_email: true,
    support_phone: true,
    support_url: true,
  },
  capabilities: Object.fromEntries(capabilityNames.map((name) => [name, { requested: true }])),
  settings: {
    payouts: {
      schedule: { interval: true, delay_days: true, weekly_anchor: true, monthly_anchor: true },
    },
  },
  tos_acceptance: { date: true, ip: true, user_agent: true, service_agreement: true },
  individual: {
    first_name: true,
    last_name: true,
    email: true,
    id_number: true,
    ssn_last_4: true,
    dob: { day: true, month: true, year: true },
    address: addressShape,
  },
  external_account: externalAccountShape,
  default_currency: true,
};

const accountCreateShape: ParamShape = {
  ...accountUpdateShape,
  type: true,
  country: true,
  controller: {
    fees: { payer: true },
    losses: { payments: true },
    requirement_collection: true,
    stripe_dashboard: { type: true },
  },
};

export function createAccount(engine: Engine, params: Params): AccountRecord {
  params.allowOnly(accountCreateShape);
  const { controller, type } = parseController(params);
  const country = (params.string('country') ?? engine.state.platformCountry).toUpperCase();
  if (!/^[A-Z]{2}$/.test(country))
    throw invalidRequest(`Invalid country: ${country}`, { param: 'country' });
  const capabilities: Stripe.Account.Capabilities = {};
  const requested = params.object('capabilities');
  for (const name of capabilityNames) {
    if (requested?.object(name)?.boolean('requested')) capabilities[name] = 'inactive';
  }
  // Stripe requires `capabilities` where it cannot infer them (no Stripe dashboard:
  // https://docs.stripe.com/api/accounts/create#create_account-capabilities); the sandbox asks for them on
  // Express accounts too rather than guess (an assumption). Full-dashboard accounts manage their own.
  if (Object.keys(capabilities).length === 0 && controller.stripe_dashboard?.type !== 'full') {
    throw invalidRequest(
      'Missing required param: capabilities. Request at least one capability, e.g. `capabilities[transfers][requested]=true`.',
      { param: 'capabilities', code: 'parameter_missing' },
    );
  }
  const account: AccountObject = {
    id: createId('acct'),
    object: 'account',
    business_profile: {
      mcc: null,
      minority_owned_business_designation: null,
      name: null,
      product_description: null,
      support_address: null,
      support_email: null,
      support_phone: null,
      specified_commercial_transactions_act_url: null,
      support_url: null,
      url: null,
    },
    business_type: null,
    capabilities,
    charges_enabled: false,
    controller,
    country,
    created: engine.now(),
    default_currency: params.string('default_currency') ?? currencyForCountry(country),
    details_submitted: false,
    email: params.string('email') ?? null,
    metadata: params.metadata(),
    payouts_enabled: false,
    requirements: emptyRequirements(),
    settings: {
      branding: { icon: null, logo: null, primary_color: null, secondary_color: null },
      card_payments: {
        decline_on: { avs_failure: false, cvc_failure: false },
        statement_descriptor_prefix: null,
        statement_descriptor_prefix_kana: null,
        statement_descriptor_prefix_kanji: null,
      },
      dashboard: { display_name: null, timezone: 'Etc/UTC' },
      payments: {
        statement_descriptor: null,
        statement_descriptor_kana: null,
        statement_descriptor_kanji: null,
        statement_descriptor_prefix_kana: null,
        statement_descriptor_prefix_kanji: null,
      },
      payouts: {
        debit_negative_balances: true,
        schedule: { delay_days: 2, interval: 'daily' },
        statement_descriptor: null,
      },
    },
    tos_acceptance: { date: null, ip: null, user_agent: null },
    type,
  };
  const record: AccountRecord = { account, profile: { verification: 'unverified' } };
  engine.state.accounts[account.id] = record;
  engine.setOwner(account.id, engine.platformId);
  applyAccountParams(engine, record, params);
  refreshAccount(engine, record, { emit: false });
  return record;
}

function emptyRequirements(): Stripe.Account.Requirements {
  return {
    alternatives: [],
    current_deadline: null,
    currently_due: [],
    disabled_reason: null,
    errors: [],
    eventually_due: [],
    past_due: [],
    pending_verification: [],
  };
}

/** Applies the writable fields shared by create and update. */
export function applyAccountParams(engine: Engine, record: AccountRecord, params: Params) {
  const { account, profile } = record;
  if (params.has('email')) account.email = params.string('email') || null;
  if (params.has('metadata')) account.metadata = params.metadata(account.metadata);
  const businessType = params.oneOf('business_type', [
    'individual',
    'company',
    'non_profit',
    'government_entity',
  ] as const);
  if (businessType) {
    account.business_type = businessType;
    profile.business_type = businessType === 'individual' ? 'individual' : 'company';
  }
  const businessProfile = params.object('business_profile');
  if (businessProfile && account.business_profile) {
    for (const key of [
      'name',
      'url',
      'mcc',
      'product_description',
      'support_email',
      'support_phone',
      'support_url',
    ] as const) {
      if (businessProfile.has(key))
        account.business_profile[key] = businessProfile.string(key) || null;
    }
  }
  const capabilities = params.object('capabilities');
  if (capabilities) {
    for (const name of capabilityNames) {
      const requested = capabilities.object(name)?.boolean('requested');
      if (requested === true && !account.capabilities?.[name])
        account.capabilities = { ...account.capabilities, [name]: 'inactive' };
      if (requested === false && account.capabilities) delete account.capabilities[name];
    }
  }
  const schedule = params.object('settings')?.object('payouts')?.object('schedule');
  if (schedule && account.settings.payouts) {
    const current = account.settings.payouts.schedule;
    const interval =
      schedule.oneOf('interval', ['manual', 'daily', 'weekly', 'monthly'] as const) ??
      current.interval;
    const delay = schedule.string('delay_days');
    const next: Stripe.Account.Settings.Payouts.Schedule = {
      interval,
      delay_days: delay === 'minimum' ? 2 : (schedule.integer('delay_days') ?? current.delay_days),
    };
    if (interval === 'weekly') {
      next.weekly_anchor =
        schedule.oneOf('weekly_anchor', [
          'monday',
          'tuesday',
          'wednesday',
          'thursday',
          'friday',
          'saturday',
          'sunday',
        ] as const) ??
        current.weekly_anchor ??
        'monday';
    }
    if (interval === 'monthly') {
      const anchor = schedule.integer('monthly_anchor') ?? current.monthly_anchor ?? 1;
      if (anchor < 1 || anchor > 31)
        throw invalidRequest('monthly_anchor must be between 1 and 31.', {
          param: 'settings[payouts][schedule][monthly_anchor]',
        });
      next.monthly_anchor = anchor;
    }
    account.settings.payouts.schedule = next;
  }
  const tos = params.object('tos_acceptance');
  if (tos) {
    const date = tos.integer('date');
    if (date !== undefined) {
      account.tos_acceptance = {
        ...account.tos_acceptance,
        date,
        ip: tos.string('ip') ?? account.tos_acceptance?.ip ?? null,
      };
      profile.tos_accepted_at = date;
    }
    const agreement = tos.oneOf('service_agreement', ['full', 'recipient'] as const);
    if (agreement)
      account.tos_acceptance = { ...account.tos_acceptance, service_agreement: agreement };
  }
  const individual = params.object('individual');
  if (individual) {
    const dob = individual.object('dob');
    const address = individual.object('address');
    applyOnboarding(engine, record, {
      first_name: individual.string('first_name'),
      last_name: individual.string('last_name'),
      email: individual.string('email'),
      id_number: individual.string('id_number'),
      ssn_last_4: individual.string('ssn_last_4'),
      dob: dob
        ? {
            day: dob.requiredInteger('day'),
            month: dob.requiredInteger('month'),
            year: dob.requiredInteger('year'),
          }
        : undefined,
      address: address
        ? {
            line1: address.string('line1'),
            city: address.string('city'),
            postal_code: address.string('postal_code'),
            state: address.string('state'),
          }
        : undefined,
    });
  }
  if (params.has('external_account')) addExternalAccount(engine, account.id, params);
}

/** The profile fields an onboarding submission may set, plus what it carries besides them. */
export interface OnboardingAnswers extends Pick<
  AccountProfile,
  | 'business_type'
  | 'first_name'
  | 'last_name'
  | 'email'
  | 'dob'
  | 'address'
  | 'id_number'
  | 'ssn_last_4'
> {
  accept_tos?: boolean;
  ip?: string;
  external_account?: { routing_number: string; account_number: string };
}

/**
 * One code path for the hosted onboarding form, the Connect.js stand-in and `individual[…]` params:
 * stores answers, then re-runs verification with Stripe's test values.
 */
export function applyOnboarding(engine: Engine, record: AccountRecord, answers: OnboardingAnswers) {
  const { profile, account } = record;
  if (answers.business_type) {
    profile.business_type = answers.business_type;
    account.business_type = answers.business_type;
  }
  for (const key of ['first_name', 'last_name', 'email', 'id_number', 'ssn_last_4'] as const) {
    const value = answers[key];
    if (value !== undefined) profile[key] = value;
  }
  if (answers.dob) profile.dob = answers.dob;
  if (answers.address) profile.address = { ...profile.address, ...answers.address };
  if (answers.accept_tos) {
    profile.tos_accepted_at = engine.now();
    account.tos_acceptance = {
      ...account.tos_acceptance,
      date: engine.now(),
      ip: answers.ip ?? '127.0.0.1',
    };
  }
  if (answers.external_account) {
    const { routing_number, account_number } = answers.external_account;
    createBankAccount(engine, account.id, routing_number, account_number, { default: true });
  }
  verify(engine, profile);
}

/**
 * Sandbox-only ID number whose verification stays pending for {@link pendingVerificationSeconds} of sandbox
 * time, because Stripe verifies asynchronously and its own test values settle almost at once.
 */
export const pendingVerificationIdNumber = '222222222';
export const pendingVerificationSeconds = 3_600;

/** Stripe's verification test values: https://docs.stripe.com/connect/testing#identity-and-address-verification */
function verify(engine: Engine, profile: AccountProfile) {
  const previous = profile.verification;
  profile.failed_field = undefined;
  profile.failed_code = undefined;
  const dob = profile.dob;
  if (profile.id_number === '111111111') {
    profile.failed_field = 'individual.verification.document';
    profile.failed_code = 'verification_failed_keyed_identity';
  } else if (dob && dob.year === 1902 && dob.month === 1 && dob.day === 1) {
    profile.failed_field = 'individual.verification.document';
    profile.failed_code = 'verification_failed_keyed_identity';
  } else if (dob && dob.year === 1900 && dob.month === 1 && dob.day === 1) {
    profile.failed_field = 'individual.verification.document';
    profile.failed_code = 'verification_failed_keyed_match';
  } else if (
    profile.address?.line1 === 'address_no_match' ||
    profile.address?.line1 === 'address_line1_no_match'
  ) {
    profile.failed_field = 'individual.verification.additional_document';
    profile.failed_code = 'verification_failed_address_match';
  }
  if (profile.id_number !== pendingVerificationIdNumber) profile.pending_until = undefined;
  profile.verification = profile.failed_field
    ? 'failed'
    : dueFields(engine, profile, null).current.length === 0
      ? 'verified'
      : 'unverified';
  if (profile.verification === 'verified' && profile.id_number === pendingVerificationIdNumber) {
    // The hour starts at the first complete submission; later edits do not restart it.
    profile.pending_until ??= engine.now() + pendingVerificationSeconds;
    if (engine.now() < profile.pending_until) profile.verification = 'pending';
  }
  // A fresh failure gives the account a grace period before capabilities are disabled, like Stripe's deadline.
  if (profile.verification === 'failed' && previous !== 'failed')
    profile.deadline = engine.now() + 7 * day;
  if (profile.verification !== 'failed') profile.deadline = undefined;
}

/**
 * What the account still owes, as Stripe's onboarding splits it
 * (https://docs.stripe.com/connect/handling-api-verification): `current` is needed now to enable the
 * requested capabilities; `eventual` adds what a later volume threshold asks for. For a US individual the
 * last four SSN digits are due now and the full number eventually, so `individual[ssn_last_4]` alone
 * enables the account while `individual.id_number` stays in `eventually_due`.
 */
function dueFields(
  engine: Engine,
  profile: AccountProfile,
  accountId: string | null,
): { current: string[]; eventual: string[] } {
  const current: string[] = [];
  if (!profile.business_type) current.push('business_type');
  if (!profile.first_name) current.push('individual.first_name');
  if (!profile.last_name) current.push('individual.last_name');
  if (!profile.dob)
    current.push('individual.dob.day', 'individual.dob.month', 'individual.dob.year');
  if (!profile.address?.line1) current.push('individual.address.line1');
  if (!profile.address?.city) current.push('individual.address.city');
  if (!profile.address?.postal_code) current.push('individual.address.postal_code');
  if (!profile.id_number && !profile.ssn_last_4) current.push('individual.ssn_last_4');
  if (accountId !== null && !defaultExternalAccount(engine, accountId))
    current.push('external_account');
  if (!profile.tos_accepted_at) current.push('tos_acceptance.date', 'tos_acceptance.ip');
  const eventual = [...current];
  if (!profile.id_number) eventual.push('individual.id_number');
  return { current, eventual };
}

/**
 * Derives requirements, capabilities and the enabled flags from what has been submitted and the clock,
 * and emits `account.updated` with `previous_attributes` when anything visible changed.
 */
export function refreshAccount(
  engine: Engine,
  record: AccountRecord,
  options: { emit?: boolean; before?: ReturnType<typeof snapshotVisible> } = {},
) {
  const { account, profile } = record;
  const before = options.before ?? snapshotVisible(account);
  if (
    profile.verification === 'pending' &&
    profile.pending_until !== undefined &&
    engine.now() >= profile.pending_until
  )
    profile.verification = 'verified';
  const due = dueFields(engine, profile, account.id);
  const requirements = emptyRequirements();
  requirements.eventually_due = [...due.eventual];
  let active = false;
  let pending = false;
  if (due.current.length > 0) {
    // Until what is due now arrives the account was never enabled, so Stripe lists it as past due too.
    requirements.currently_due = [...due.current];
    requirements.past_due = [...due.current];
    requirements.disabled_reason = 'requirements.past_due';
  } else if (profile.verification === 'failed' && profile.failed_field) {
    const field = profile.failed_field;
    requirements.currently_due = [field];
    requirements.eventually_due = [field, ...due.eventual];
    requirements.errors = [
      {
        code: (profile.failed_code ??
          'verification_failed_other') as Stripe.Account.Requirements.Error.Code,
        reason: 'The information provided could not be verified.',
        requirement: field,
      },
    ];
    const deadline = profile.deadline ?? engine.now();
    if (engine.now() >= deadline) {
      requirements.past_due = [field];
      requirements.disabled_reason = 'requirements.past_due';
    } else {
      requirements.current_deadline = deadline;
      active = true;
    }
  } else if (profile.verification === 'pending') {
    requirements.pending_verification = ['individual.id_number'];
    requirements.disabled_reason = 'requirements.pending_verification';
    pending = true;
  } else {
    active = true;
  }
  // A rejection or a review disables the account whatever it has submitted.
  const hold = profile.rejected ?? (profile.under_review ? 'under_review' : undefined);
  if (hold) {
    requirements.disabled_reason = hold;
    active = false;
    pending = false;
  }
  account.requirements = requirements;
  account.details_submitted = due.current.length === 0;
  const capabilities: Stripe.Account.Capabilities = {};
  for (const name of capabilityNames) {
    if (account.capabilities?.[name])
      capabilities[name] = active ? 'active' : pending ? 'pending' : 'inactive';
  }
  account.capabilities = capabilities;
  account.charges_enabled = active && capabilities.card_payments === 'active';
  account.payouts_enabled = active;
  if (account.business_type === null && profile.business_type)
    account.business_type = profile.business_type;
  const after = snapshotVisible(account);
  const previous: Record<string, unknown> = {};
  for (const key of Object.keys(after) as Array<keyof typeof after>) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) previous[key] = before[key];
  }
  if (options.emit !== false && Object.keys(previous).length > 0) {
    engine.emit('account.updated', renderAccount(engine, record), account.id, previous);
  }
  engine.changed();
}

/** The fields whose change makes an `account.updated` event; take it before mutating. */
export function snapshotVisible(account: AccountObject) {
  return structuredClone({
    requirements: account.requirements,
    capabilities: account.capabilities,
    charges_enabled: account.charges_enabled,
    payouts_enabled: account.payouts_enabled,
    details_submitted: account.details_submitted,
    business_type: account.business_type,
    email: account.email,
    metadata: account.metadata,
    settings: account.settings,
    business_profile: account.business_profile,
    tos_acceptance: account.tos_acceptance,
  });
}

/** The account as Stripe returns it. Shares nested objects with state: serialize or clone before keeping it. */
export function renderAccount(engine: Engine, record: AccountRecord): Stripe.Account {
  const externals = externalAccountsOf(engine, record.account.id).map((item) => item.object);
  return {
    ...record.account,
    external_accounts: {
      object: 'list',
      data: externals as NonNullable<Stripe.Account['external_accounts']>['data'],
      has_more: false,
      url: `/v1/accounts/${record.account.id}/external_accounts`,
    },
  } as Stripe.Account;
}

export function externalAccountsOf(engine: Engine, accountId: string): ExternalAccountRecord[] {
  return Object.values(engine.state.externalAccounts).filter(
    (item) => item.object.account === accountId,
  );
}

export function defaultExternalAccount(
  engine: Engine,
  accountId: string,
  currency?: string,
  kind?: 'bank_account' | 'card',
) {
  const candidates = externalAccountsOf(engine, accountId).filter(
    (item) =>
      (!currency || item.object.currency === currency) && (!kind || item.object.object === kind),
  );
  return candidates.find((item) => item.object.default_for_currency) ?? candidates[0];
}

function fingerprint(number: string) {
  let hash = 0;
  for (const character of number) hash = (hash * 31 + character.charCodeAt(0)) >>> 0;
  return `fp${hash.toString(36)}`;
}

export function createBankAccount(
  engine: Engine,
  accountId: string,
  routingNumber: string,
  accountNumber: string,
  options: { default?: boolean; currency?: string; country?: string; holderName?: string } = {},
): ExternalAccountRecord {
  if (!/^\d{9}$/.test(routingNumber)) {
    throw invalidRequest(`Routing number must have 9 digits`, {
      param: 'external_account[routing_number]',
      code: 'routing_number_invalid',
    });
  }
  if (!/^\d{4,17}$/.test(accountNumber)) {
    throw invalidRequest('Invalid account number', {
      param: 'external_account[account_number]',
      code: 'account_number_invalid',
    });
  }
  const account = engine.state.accounts[accountId]?.account;
  const currency = options.currency ?? account?.default_currency ?? 'usd';
  const isFirst = !defaultExternalAccount(engine, accountId, currency);
  const object: BankAccountObject = {
    id: createId('ba'),
    object: 'bank_account',
    account: accountId,
    account_holder_name: options.holderName ?? null,
    account_holder_type: 'individual',
    account_type: null,
    bank_name: 'STRIPE TEST BANK',
    country: options.country ?? account?.country ?? 'US',
    currency,
    default_for_currency: isFirst || options.default === true,
    fingerprint: fingerprint(accountNumber),
    last4: accountNumber.slice(-4),
    metadata: {},
    routing_number: routingNumber,
    status: 'new',
  };
  if (object.default_for_currency) clearDefaults(engine, accountId, currency);
  const record = { object, number: accountNumber };
  engine.state.externalAccounts[object.id] = record;
  engine.setOwner(object.id, accountId);
  return record;
}

function createDebitCard(
  engine: Engine,
  accountId: string,
  number: string,
  brand: string,
  expMonth = 12,
  expYear = 2034,
) {
  const account = engine.state.accounts[accountId]?.account;
  const currency = account?.default_currency ?? 'usd';
  const object: CardObject = {
    id: createId('card'),
    object: 'card',
    account: accountId,
    address_city: null,
    address_country: null,
    address_line1: null,
    address_line1_check: null,
    address_line2: null,
    address_state: null,
    address_zip: null,
    address_zip_check: null,
    available_payout_methods: ['standard', 'instant'],
    brand,
    cvc_check: null,
    dynamic_last4: null,
    country: account?.country ?? 'US',
    currency,
    default_for_currency: !defaultExternalAccount(engine, accountId, currency),
    exp_month: expMonth,
    exp_year: expYear,
    fingerprint: fingerprint(number),
    funding: 'debit',
    last4: number.slice(-4),
    metadata: {},
    name: null,
    regulated_status: null,
    tokenization_method: null,
  };
  const record = { object, number };
  engine.state.externalAccounts[object.id] = record;
  engine.setOwner(object.id, accountId);
  return record;
}

function clearDefaults(engine: Engine, accountId: string, currency: string) {
  for (const item of externalAccountsOf(engine, accountId)) {
    if (item.object.currency === currency) item.object.default_for_currency = false;
  }
}

/** `external_account` as a test token (`btok_us_verified`, `tok_visa_debit`) or bank/card details. */
export function addExternalAccount(
  engine: Engine,
  accountId: string,
  params: Params,
): ExternalAccountRecord {
  const raw = params.values.external_account;
  const token = typeof raw === 'string' ? raw : undefined;
  if (token !== undefined) {
    const bankNumber = bankTokens[token];
    if (bankNumber) return createBankAccount(engine, accountId, testRoutingNumber, bankNumber);
    const card = debitCardTokens[token];
    if (card) return createDebitCard(engine, accountId, card.number, card.brand);
    throw invalidRequest(`No such token: '${token}'`, {
      param: 'external_account',
      code: 'resource_missing',
    });
  }
  const details = params.object('external_account');
  if (!details)
    throw invalidRequest('Missing required param: external_account.', {
      param: 'external_account',
      code: 'parameter_missing',
    });
  const kind = details.oneOf('object', ['bank_account', 'card'] as const) ?? 'bank_account';
  if (kind === 'card') {
    const number = details.requiredString('number').replace(/\s/g, '');
    const brand = number.startsWith('5') ? 'MasterCard' : 'Visa';
    const debit = ['4000056655665556', '5200828282828210'].includes(number);
    if (!debit)
      throw invalidRequest('This card doesn’t appear to be a debit card.', {
        param: 'external_account[number]',
        code: 'invalid_card_type',
      });
    return createDebitCard(
      engine,
      accountId,
      number,
      brand,
      details.integer('exp_month') ?? 12,
      details.integer('exp_year') ?? 2034,
    );
  }
  return createBankAccount(
    engine,
    accountId,
    details.requiredString('routing_number'),
    details.requiredString('account_number'),
    {
      currency: details.string('currency'),
      country: details.string('country'),
      holderName: details.string('account_holder_name'),
      default: details.boolean('default_for_currency'),
    },
  );
}

export function deleteExternalAccount(engine: Engine, accountId: string, externalId: string) {
  const record = engine.state.externalAccounts[externalId];
  if (!record || record.object.account !== accountId) {
    throw invalidRequest(`No such external account: '${externalId}'`, {
      status: 404,
      code: 'resource_missing',
      param: 'id',
    });
  }
  if (record.object.default_for_currency && externalAccountsOf(engine, accountId).length > 1) {
    throw invalidRequest(
      'You cannot delete the default external account for your default currency. Please make another external account the default using the `default_for_currency` param, and then delete this one.',
      { param: 'id' },
    );
  }
  delete engine.state.externalAccounts[externalId];
  return { id: externalId, object: record.object.object, deleted: true as const };
}

export function renderExternalAccount(record: ExternalAccountRecord): ExternalAccountObject {
  return structuredClone(record.object);
}

export function newClientSecret(prefix: string) {
  return `${prefix}_secret_${randomToken(24)}`;
}

/**
 * Stripe's `POST /v1/accounts/:id/reject` (https://docs.stripe.com/api/account/reject): only accounts whose
 * negative balances the platform covers can be rejected; the account is disabled for good.
 */
export function rejectAccount(
  engine: Engine,
  record: AccountRecord,
  reason: 'fraud' | 'terms_of_service' | 'other',
) {
  if (record.account.controller?.losses?.payments !== 'application') {
    throw invalidRequest(
      'You can only reject accounts where your platform is liable for negative balances (`controller[losses][payments]=application`).',
      { param: 'account' },
    );
  }
  const before = snapshotVisible(record.account);
  record.profile.rejected = `rejected.${reason}`;
  refreshAccount(engine, record, { before });
}

/**
 * The sandbox's stand-in for a Stripe risk review: `under_review` disables the account
 * (`requirements.disabled_reason: 'under_review'`) until the review is `cleared`.
 */
export function reviewAccount(
  engine: Engine,
  record: AccountRecord,
  state: 'under_review' | 'cleared',
) {
  if (record.profile.rejected)
    throw invalidRequest('This account was rejected; a review cannot change it.', {
      param: 'state',
    });
  const before = snapshotVisible(record.account);
  record.profile.under_review = state === 'under_review';
  refreshAccount(engine, record, { before });
}
