/** The parts of a Stripe.Account the Connect stand-ins read. */
export interface SandboxAccount {
  id: string;
  object: 'account';
  details_submitted?: boolean;
  charges_enabled?: boolean;
  payouts_enabled?: boolean;
  individual?: { first_name?: string | null; last_name?: string | null } | null;
  requirements?: {
    currently_due?: string[];
    past_due?: string[];
    eventually_due?: string[];
    pending_verification?: string[];
    current_deadline?: number | null;
    disabled_reason?: string | null;
    errors?: Array<{ code: string; reason: string; requirement: string }>;
  } | null;
}

export function dueRequirements(account: SandboxAccount): string[] {
  const requirements = account.requirements ?? {};
  return [...new Set([...(requirements.past_due ?? []), ...(requirements.currently_due ?? [])])];
}
