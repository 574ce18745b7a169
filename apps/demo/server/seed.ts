// Seeding on start: connected accounts for the sellers in the onboarding state their plan names.
// Idempotent by looking at what exists (accounts are get-or-create, onboarding only runs for accounts
// without submitted details), so it also does the right thing for a fresh DATABASE_URL database.
import type { Sandbox } from '@marketkit/sandbox';
import type Stripe from 'stripe';
import { DEMO_USERS, type SellerPlan } from './demo-data';

// Stripe (and the sandbox) give a failed verification a deadline about a week out; a day more makes it past due.
const VERIFICATION_GRACE_SECONDS = 8 * 24 * 60 * 60;

export interface SeedOptions {
  stripe: Stripe;
  /** Maps a seller to a connected account through MarketKit, creating it when missing. */
  ensureAccount(user: { userId: string; displayName: string; email: string }): Promise<string>;
  /** The sandbox; null against real Stripe, where onboarding can only be done by the seller. */
  sandbox: Pick<Sandbox, 'completeOnboarding' | 'advanceClock'> | null;
}

export interface SeedResult {
  /** Whether any seller was onboarded on this start. */
  seeded: boolean;
  accounts: Record<string, string>;
}

/** What a seller in this plan types into Stripe's onboarding form (the sandbox's hosted form). */
function onboardingFor(plan: SellerPlan, name: string, email: string) {
  const [first = name, ...rest] = name.split(' ');
  return {
    // 111111111 is Stripe's failing id number: verification fails and the account is restricted.
    scenario: plan === 'restricted' ? ('fail_id_number' as const) : ('pass' as const),
    values: {
      first_name: first,
      last_name: rest.join(' ') || 'Seller',
      email,
      // 000111111116 is Stripe's "no such account" bank number: payouts to it fail.
      ...(plan === 'enabled_failing_bank' ? { account_number: '000111111116' } : {}),
    },
  };
}

export async function seedDemo(options: SeedOptions): Promise<SeedResult> {
  const accounts: Record<string, string> = {};
  let seeded = false;
  // The restricted seller goes first: their failed verification gets Stripe's grace period, and the clock
  // is moved past it before anyone else has money in flight, so no other seller's funds are affected.
  const sellers = DEMO_USERS.filter(
    (user) => user.role === 'seller' && user.plan && user.plan !== 'not_started',
  ).sort((left, right) => Number(right.plan === 'restricted') - Number(left.plan === 'restricted'));
  for (const user of sellers) {
    const plan = user.plan as SellerPlan;
    const accountId = await options.ensureAccount(user);
    accounts[user.userId] = accountId;
    if (plan === 'in_progress' || !options.sandbox) continue;
    const account = await retrieveSeededAccount(options.stripe, accountId);
    // Submitted details mean this seller was seeded on an earlier start (or onboarded by hand): leave them.
    if (account.details_submitted) continue;
    seeded = true;
    await options.sandbox.completeOnboarding(
      accountId,
      onboardingFor(plan, user.displayName, user.email),
    );
    // Manual payouts, so "Pay out now" is what moves a seller's money in the demo.
    await options.stripe.accounts.update(accountId, {
      settings: { payouts: { schedule: { interval: 'manual' } } },
    });
    if (plan === 'restricted') await options.sandbox.advanceClock(VERIFICATION_GRACE_SECONDS);
  }
  return { seeded, accounts };
}

async function retrieveSeededAccount(stripe: Stripe, accountId: string): Promise<Stripe.Account> {
  try {
    return await stripe.accounts.retrieve(accountId);
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) {
      throw new Error(
        `The database knows account ${accountId} but the sandbox does not: the data folder is out of step. Delete apps/demo/.data (or the DATABASE_URL database) to start over.`,
      );
    }
    throw error;
  }
}
