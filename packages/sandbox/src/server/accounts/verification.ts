import type Stripe from 'stripe';
import { day, type Engine } from '../core/engine';
import type { AccountObject, AccountProfile, AccountRecord } from '../core/state';
import { invalidRequest } from '../http/errors';
import { defaultExternalAccount } from '../external-accounts/external-accounts';
import { renderAccount } from './accounts';

export const capabilityNames = ['transfers', 'card_payments'] as const;

export function emptyRequirements(): Stripe.Account.Requirements {
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

/**
 * Sandbox-only ID number whose verification stays pending for {@link pendingVerificationSeconds} of sandbox
 * time, because Stripe verifies asynchronously and its own test values settle almost at once.
 */
export const pendingVerificationIdNumber = '222222222';

export const pendingVerificationSeconds = 3_600;

/** Stripe's verification test values: https://docs.stripe.com/connect/testing#identity-and-address-verification */
export function verify(engine: Engine, profile: AccountProfile) {
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
export function dueFields(
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
