// Which sellers can sell right now, read from Stripe rather than MarketKit's tables: MarketKit tags every
// connected account it creates with `metadata.marketkit_user_id`, so one account list maps users to accounts
// and carries live state (a seller who finishes onboarding shows up as available at once).
import type Stripe from 'stripe';
import { deriveOnboardingState } from '@marketkit/core';
import { DEMO_USERS } from './demo-data';

export interface SellerAccounts {
  /** userId → whether the seller can receive transfers right now. */
  availability(): Promise<Map<string, boolean>>;
  /** The connected account MarketKit created for a user, if any. */
  accountIdFor(userId: string): Promise<string | null>;
}

const DEMO_SELLER_IDS = new Set(
  DEMO_USERS.filter((user) => user.role === 'seller').map((user) => user.userId),
);

export function createSellerAccounts(stripe: Stripe): SellerAccounts {
  // A platform in Stripe test mode may hold accounts that are not the demo's; only its sellers count.
  const demoSellerAccounts = async (): Promise<Stripe.Account[]> => {
    const accounts: Stripe.Account[] = [];
    for await (const account of stripe.accounts.list({ limit: 100 })) {
      const userId = account.metadata?.marketkit_user_id;
      if (userId && DEMO_SELLER_IDS.has(userId)) accounts.push(account);
    }
    return accounts;
  };
  return {
    async availability() {
      const accounts = await demoSellerAccounts();
      return new Map(
        accounts.map((account) => [
          account.metadata?.marketkit_user_id as string,
          deriveOnboardingState(account) === 'enabled',
        ]),
      );
    },
    async accountIdFor(userId) {
      const accounts = await demoSellerAccounts();
      return accounts.find((account) => account.metadata?.marketkit_user_id === userId)?.id ?? null;
    },
  };
}
