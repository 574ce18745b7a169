import { deriveOnboardingState } from '@marketkit/core';
import type { AccountStatus } from '@marketkit/core';
import type Stripe from 'stripe';
import type { StoredAccountSnapshot } from '../stores/repository';

/** The parts of a Stripe account MarketKit caches (no personal data beyond the country). */
export function snapshotAccount(account: Stripe.Account): StoredAccountSnapshot {
  const requirements = account.requirements;
  const dashboard: string | undefined = account.controller?.stripe_dashboard?.type;
  return {
    id: account.id,
    country: account.country ?? null,
    default_currency: account.default_currency ?? null,
    details_submitted: account.details_submitted ?? false,
    charges_enabled: account.charges_enabled ?? false,
    payouts_enabled: account.payouts_enabled ?? false,
    capabilities: {
      transfers: account.capabilities?.transfers ?? null,
      card_payments: account.capabilities?.card_payments ?? null,
    },
    requirements: {
      currently_due: requirements?.currently_due ?? [],
      eventually_due: requirements?.eventually_due ?? [],
      past_due: requirements?.past_due ?? [],
      pending_verification: requirements?.pending_verification ?? [],
      disabled_reason: requirements?.disabled_reason ?? null,
      current_deadline: requirements?.current_deadline ?? null,
      errors: (requirements?.errors ?? []).map((error) => ({
        requirement: error.requirement,
        code: error.code,
        reason: error.reason,
      })),
    },
    dashboard:
      dashboard === 'express' || dashboard === 'full' || dashboard === 'none'
        ? dashboard
        : account.type === 'express'
          ? 'express'
          : 'none',
  };
}

function capability(
  value: string | null | undefined,
): 'active' | 'inactive' | 'pending' | 'unrequested' {
  return value === 'active' || value === 'inactive' || value === 'pending' ? value : 'unrequested';
}

/** The contract's `AccountStatus` for a cached snapshot (or a user with no account yet). */
export function toAccountStatus(snapshot: StoredAccountSnapshot | null): AccountStatus {
  if (!snapshot) {
    return {
      accountId: null,
      state: 'not_started',
      country: null,
      defaultCurrency: null,
      detailsSubmitted: false,
      chargesEnabled: false,
      payoutsEnabled: false,
      capabilities: { transfers: 'unrequested', cardPayments: 'unrequested' },
      requirements: {
        currentlyDue: [],
        eventuallyDue: [],
        pastDue: [],
        pendingVerification: [],
        disabledReason: null,
        currentDeadline: null,
        errors: [],
      },
      dashboard: 'express',
    };
  }
  return {
    accountId: snapshot.id,
    state: deriveOnboardingState(snapshot),
    country: snapshot.country,
    defaultCurrency: snapshot.default_currency,
    detailsSubmitted: snapshot.details_submitted,
    chargesEnabled: snapshot.charges_enabled,
    payoutsEnabled: snapshot.payouts_enabled,
    capabilities: {
      transfers: capability(snapshot.capabilities.transfers),
      cardPayments: capability(snapshot.capabilities.card_payments),
    },
    requirements: {
      currentlyDue: snapshot.requirements.currently_due,
      eventuallyDue: snapshot.requirements.eventually_due,
      pastDue: snapshot.requirements.past_due,
      pendingVerification: snapshot.requirements.pending_verification,
      disabledReason: snapshot.requirements.disabled_reason,
      currentDeadline: snapshot.requirements.current_deadline,
      errors: snapshot.requirements.errors,
    },
    dashboard: snapshot.dashboard,
  };
}
