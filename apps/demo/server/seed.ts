// Seeding on start: connected accounts for the sellers in the onboarding state their plan names.
// Idempotent by looking at what exists (accounts are get-or-create, onboarding only runs for accounts
// without submitted details), so it also does the right thing for a fresh DATABASE_URL database.
import type Stripe from 'stripe';
import { DEMO_USERS, type SellerPlan } from './demo-data';

// Stripe (and the sandbox) give a failed verification a deadline about a week out; a day more makes it past due.
const VERIFICATION_GRACE_SECONDS = 8 * 24 * 60 * 60;

export interface SeedOptions {
  stripe: Stripe;
  /** Maps a seller to a connected account through MarketKit, creating it when missing. */
  ensureAccount(user: { userId: string; displayName: string; email: string }): Promise<string>;
  /** The sandbox's base URL; null against real Stripe, where onboarding can only be done by the seller. */
  sandboxUrl: string | null;
  /** Moves the sandbox clock (seeding only; null against real Stripe). */
  advanceClock: ((seconds: number) => Promise<void>) | null;
}

export interface SeedResult {
  /** Whether any seller was onboarded on this start. */
  seeded: boolean;
  accounts: Record<string, string>;
}

interface OnboardingAnswers {
  first_name: string;
  last_name: string;
  dob: { day: number; month: number; year: number };
  address: { line1: string; city: string; postal_code: string; state: string };
  id_number: string;
  phone: string;
  email: string;
  routing_number: string;
  account_number: string;
}

// Stripe's test values: these verify (address_full_match, 1901-01-01, 000000000, 000123456789).
function answersFor(plan: SellerPlan, name: string, email: string): OnboardingAnswers {
  const [first = name, ...rest] = name.split(' ');
  return {
    first_name: first,
    last_name: rest.join(' ') || 'Seller',
    dob: { day: 1, month: 1, year: 1901 },
    address: {
      line1: 'address_full_match',
      city: 'San Francisco',
      postal_code: '94103',
      state: 'CA',
    },
    // 111111111 is Stripe's failing id number: verification fails and the account is restricted.
    id_number: plan === 'restricted' ? '111111111' : '000000000',
    phone: '0000000000',
    email,
    routing_number: '110000000',
    // 000111111116 is Stripe's "no such account" bank number: payouts to it fail.
    account_number: plan === 'enabled_failing_bank' ? '000111111116' : '000123456789',
  };
}

async function completeOnboardingInSandbox(
  stripe: Stripe,
  sandboxUrl: string,
  accountId: string,
  answers: OnboardingAnswers,
): Promise<void> {
  // The same API the sandbox's embedded onboarding form posts to, authorised by an account session.
  const session = await stripe.accountSessions.create({
    account: accountId,
    components: { account_onboarding: { enabled: true } },
  });
  const response = await fetch(`${sandboxUrl}/_sandbox/connect/onboarding`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${session.client_secret}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(answers),
  });
  if (!response.ok) {
    throw new Error(
      `Seeding could not complete onboarding for ${accountId}: HTTP ${response.status}`,
    );
  }
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
    if (plan === 'in_progress' || !options.sandboxUrl) continue;
    const account = await retrieveSeededAccount(options.stripe, accountId);
    // Submitted details mean this seller was seeded on an earlier start (or onboarded by hand): leave them.
    if (account.details_submitted) continue;
    seeded = true;
    await completeOnboardingInSandbox(
      options.stripe,
      options.sandboxUrl,
      accountId,
      answersFor(plan, user.displayName, user.email),
    );
    // Manual payouts, so "Pay out now" is what moves a seller's money in the demo.
    await options.stripe.accounts.update(accountId, {
      settings: { payouts: { schedule: { interval: 'manual' } } },
    });
    if (plan === 'restricted' && options.advanceClock) {
      await options.advanceClock(VERIFICATION_GRACE_SECONDS);
    }
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
