import type Stripe from 'stripe';
import type { Engine } from '../core/engine';
import type { AccountObject, AccountProfile, AccountRecord } from '../core/state';
import { createId } from '../ids';
import { invalidRequest } from '../http/errors';
import type { ParamShape, Params } from '../http/params';
import { currencyForCountry } from '../fixtures/currencies';
import {
  addExternalAccount,
  createBankAccount,
  externalAccountShape,
  externalAccountsOf,
} from '../external-accounts/external-accounts';
import { capabilityNames, emptyRequirements, refreshAccount, verify } from './verification';

export type Controller = NonNullable<AccountObject['controller']>;

export function parseController(params: Params): {
  controller: Controller;
  type: Stripe.Account.Type;
} {
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

export const addressShape = {
  line1: true,
  line2: true,
  city: true,
  state: true,
  postal_code: true,
  country: true,
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

export const accountCreateShape: ParamShape = {
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
