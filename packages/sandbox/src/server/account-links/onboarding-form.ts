import { type OnboardingAnswers, applyOnboarding } from '../accounts/accounts';
import {
  pendingVerificationIdNumber,
  refreshAccount,
  snapshotVisible,
} from '../accounts/verification';
import type { Engine } from '../core/engine';
import { type AccountRecord } from '../core/state';
import { invalidRequest } from '../http/errors';

/** Test scenarios offered by the hosted form and the Connect.js stand-in. */
export const onboardingScenarios = {
  pass: 'Passing test values (verified)',
  fail_id_number: 'ID number 111111111 (verification fails)',
  fail_dob: 'Date of birth 1902-01-01 (verification fails)',
  fail_address: 'Address line address_no_match (verification fails)',
  pending_verification: 'ID number 222222222 (verification pending for an hour)',
  skip: 'Skip (submit nothing, leave requirements due)',
} as const;

export type OnboardingScenario = keyof typeof onboardingScenarios;

/** Stripe's passing test values, used to prefill the form. */
export const passingValues = {
  business_type: 'individual',
  first_name: 'Jenny',
  last_name: 'Rosen',
  email: 'jenny.rosen@example.com',
  dob: '1901-01-01',
  address_line1: 'address_full_match',
  address_city: 'San Francisco',
  address_postal_code: '94103',
  id_number: '000000000',
  routing_number: '110000000',
  account_number: '000123456789',
};

export type OnboardingFields = Partial<
  Record<keyof typeof passingValues | 'scenario' | 'accept_tos', unknown>
> & {
  address?: unknown;
};

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function parseDob(value: unknown): OnboardingAnswers['dob'] {
  if (value && typeof value === 'object') {
    const { day, month, year } = value as Record<string, unknown>;
    if ([day, month, year].every((part) => Number.isInteger(Number(part)))) {
      return { day: Number(day), month: Number(month), year: Number(year) };
    }
  }
  const raw = text(value);
  if (!raw) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (!match) throw invalidRequest('dob must be YYYY-MM-DD.', { param: 'dob' });
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/**
 * Turns the hosted form's fields (or the same names as JSON from `/_sandbox/connect/onboarding`)
 * into onboarding answers; a failing scenario overrides the matching field with Stripe's failing value.
 */
export function answersFromFields(fields: OnboardingFields, ip?: string): OnboardingAnswers | null {
  const scenario = (text(fields.scenario) ?? 'pass') as OnboardingScenario;
  if (!(scenario in onboardingScenarios))
    throw invalidRequest(`Unknown scenario: ${scenario}`, { param: 'scenario' });
  if (scenario === 'skip') return null;
  const nested = (
    fields.address && typeof fields.address === 'object' ? fields.address : {}
  ) as Record<string, unknown>;
  const answers: OnboardingAnswers = {
    business_type: text(fields.business_type) === 'company' ? 'company' : 'individual',
    first_name: text(fields.first_name),
    last_name: text(fields.last_name),
    email: text(fields.email),
    dob: parseDob(fields.dob),
    address: {
      line1: text(fields.address_line1) ?? text(nested.line1),
      city: text(fields.address_city) ?? text(nested.city),
      postal_code: text(fields.address_postal_code) ?? text(nested.postal_code),
    },
    id_number: text(fields.id_number),
    accept_tos:
      fields.accept_tos === undefined
        ? true
        : fields.accept_tos === true || fields.accept_tos === 'on' || fields.accept_tos === 'true',
    ip,
  };
  const routing = text(fields.routing_number);
  const accountNumber = text(fields.account_number);
  if (routing && accountNumber)
    answers.external_account = { routing_number: routing, account_number: accountNumber };
  if (scenario === 'fail_id_number') answers.id_number = '111111111';
  if (scenario === 'pending_verification') answers.id_number = pendingVerificationIdNumber;
  if (scenario === 'fail_dob') answers.dob = { year: 1902, month: 1, day: 1 };
  if (scenario === 'fail_address')
    answers.address = { ...answers.address, line1: 'address_no_match' };
  return answers;
}

/**
 * Submits onboarding fields for an account, whichever way they arrive (hosted form, Connect.js
 * stand-in, `sandbox.completeOnboarding`), and re-evaluates its requirements.
 */
export function submitOnboardingFields(
  engine: Engine,
  record: AccountRecord,
  fields: OnboardingFields,
  ip?: string,
): void {
  const answers = answersFromFields(fields, ip);
  const before = snapshotVisible(record.account);
  if (answers) applyOnboarding(engine, record, answers);
  refreshAccount(engine, record, { before });
}
