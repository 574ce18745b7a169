import type { Engine } from '../core/engine';
import type {
  BankAccountObject,
  CardObject,
  ExternalAccountObject,
  ExternalAccountRecord,
} from '../core/state';
import { createId } from '../ids';
import { invalidRequest } from '../http/errors';
import type { Params } from '../http/params';
import { bankTokens, debitCardTokens, testRoutingNumber } from '../fixtures/test-tokens';

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

export function fingerprint(number: string) {
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

export function createDebitCard(
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

export function clearDefaults(engine: Engine, accountId: string, currency: string) {
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
