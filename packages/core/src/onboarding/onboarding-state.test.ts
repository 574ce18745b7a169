import { describe, expect, it } from 'vitest';
import { deriveOnboardingState, highestSeverity, compareSeverity } from './onboarding-state';

const enabledAccount = {
  details_submitted: true,
  charges_enabled: true,
  payouts_enabled: true,
  capabilities: { transfers: 'active' },
  requirements: {
    currently_due: [],
    past_due: [],
    pending_verification: [],
    disabled_reason: null,
  },
};

describe('deriveOnboardingState', () => {
  it('is not_started for a user without an account', () => {
    expect(deriveOnboardingState(null)).toBe('not_started');
  });

  it('is in_progress until the seller submits their details', () => {
    expect(deriveOnboardingState({ ...enabledAccount, details_submitted: false })).toBe(
      'in_progress',
    );
  });

  it('is enabled once transfers are active and payouts are on', () => {
    expect(deriveOnboardingState(enabledAccount)).toBe('enabled');
  });

  it('stays enabled while requirements are due before their deadline', () => {
    const account = {
      ...enabledAccount,
      requirements: { ...enabledAccount.requirements, currently_due: ['individual.id_number'] },
    };
    expect(deriveOnboardingState(account)).toBe('enabled');
  });

  it('is restricted when requirements are past due', () => {
    const account = {
      ...enabledAccount,
      payouts_enabled: false,
      capabilities: { transfers: 'inactive' },
      requirements: {
        ...enabledAccount.requirements,
        past_due: ['external_account'],
        disabled_reason: 'requirements.past_due',
      },
    };
    expect(deriveOnboardingState(account)).toBe('restricted');
  });

  it('is pending_verification while Stripe verifies submitted details', () => {
    const account = {
      ...enabledAccount,
      payouts_enabled: false,
      capabilities: { transfers: 'pending' },
      requirements: {
        ...enabledAccount.requirements,
        pending_verification: ['individual.verification.document'],
        disabled_reason: 'requirements.pending_verification',
      },
    };
    expect(deriveOnboardingState(account)).toBe('pending_verification');
  });

  it('is rejected for a rejected account whatever else it says', () => {
    const account = {
      ...enabledAccount,
      requirements: { ...enabledAccount.requirements, disabled_reason: 'rejected.fraud' },
    };
    expect(deriveOnboardingState(account)).toBe('rejected');
  });
});

describe('severity helpers', () => {
  it('finds the most severe signal', () => {
    expect(highestSeverity(['info', 'critical', 'warning'])).toBe('critical');
    expect(highestSeverity([])).toBeNull();
  });

  it('sorts critical before warning before info', () => {
    expect(
      ['info', 'critical', 'warning'].sort((a, b) => compareSeverity(a as never, b as never)),
    ).toEqual(['critical', 'warning', 'info']);
  });
});
