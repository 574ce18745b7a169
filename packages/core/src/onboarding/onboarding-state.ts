import type { OnboardingState, Severity } from '../contract/types';

/** The fields of a Stripe `Account` the onboarding state depends on (core does not depend on `stripe`). */
export interface AccountLike {
  details_submitted?: boolean | null;
  charges_enabled?: boolean | null;
  payouts_enabled?: boolean | null;
  capabilities?: { transfers?: string | null } | null;
  requirements?: {
    currently_due?: string[] | null;
    past_due?: string[] | null;
    pending_verification?: string[] | null;
    disabled_reason?: string | null;
  } | null;
}

/**
 * Where a seller stands in onboarding, from their Stripe account (or `null` when they have none yet).
 * Order matters: a rejection beats everything, then anything blocking transfers, then verification.
 */
export function deriveOnboardingState(account: AccountLike | null | undefined): OnboardingState {
  if (!account) return 'not_started';
  const requirements = account.requirements ?? {};
  const disabledReason = requirements.disabled_reason ?? null;
  const pastDue = requirements.past_due ?? [];
  const currentlyDue = requirements.currently_due ?? [];
  const pendingVerification = requirements.pending_verification ?? [];
  const transfers = account.capabilities?.transfers ?? 'inactive';

  if (disabledReason?.startsWith('rejected.')) return 'rejected';
  if (!account.details_submitted) return 'in_progress';
  if (pastDue.length > 0) return 'restricted';
  if (disabledReason === 'requirements.pending_verification') return 'pending_verification';
  if (disabledReason) return 'restricted';
  if (transfers === 'active' && account.payouts_enabled) return 'enabled';
  if (pendingVerification.length > 0 || transfers === 'pending') return 'pending_verification';
  if (currentlyDue.length > 0) return 'restricted';
  return 'pending_verification';
}

/** Whether a seller in this state can be paid by transfer now. */
export function canReceiveTransfers(state: OnboardingState): boolean {
  return state === 'enabled';
}

const SEVERITY_RANK: Record<Severity, number> = { critical: 3, warning: 2, info: 1 };

/** Sorts most severe first; stable for equal severities. */
export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITY_RANK[b] - SEVERITY_RANK[a];
}

export function highestSeverity(severities: Iterable<Severity>): Severity | null {
  let highest: Severity | null = null;
  for (const severity of severities) {
    if (highest === null || SEVERITY_RANK[severity] > SEVERITY_RANK[highest]) highest = severity;
  }
  return highest;
}
