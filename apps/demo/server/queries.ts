// Reads the demo needs beyond MarketKit's routes: which sellers can sell, and order lists for the buyer's
// and the admin's pages. Order rows come from MarketKit's store (its `mk_orders` table); live account
// state comes from Stripe, so a seller who finishes onboarding shows up as available at once.
import type Stripe from 'stripe';
import { deriveOnboardingState } from '@marketkit/core';
import type { Store } from '@marketkit/server';

export interface DemoOrderSummary {
  id: string;
  buyerUserId: string;
  currency: string;
  total: number;
  status: string;
  createdAt: number;
  /** The order's dispute, so the admin can close it from the sandbox controls. */
  dispute: { id: string; status: string } | null;
}

export interface DemoQueries {
  /** userId → whether the seller can receive transfers right now. */
  sellerAvailability(): Promise<Map<string, boolean>>;
  /** Most recent first; all buyers' orders when `buyerUserId` is null. */
  listOrders(buyerUserId: string | null): Promise<DemoOrderSummary[]>;
  /** The connected account MarketKit mapped to a user, if any. */
  accountIdFor(userId: string): Promise<string | null>;
}

export function createDemoQueries(store: Store, stripe: Stripe): DemoQueries {
  return {
    async sellerAvailability() {
      const { rows } = await store.query<{ user_id: string; account_id: string | null }>(
        'select user_id, account_id from mk_accounts where account_id is not null',
      );
      const entries = await Promise.all(
        rows.map(async (row): Promise<[string, boolean]> => {
          const account = await stripe.accounts.retrieve(row.account_id as string);
          return [row.user_id, deriveOnboardingState(account) === 'enabled'];
        }),
      );
      return new Map(entries);
    },
    async listOrders(buyerUserId) {
      const { rows } = await store.query<{
        id: string;
        buyer_user_id: string;
        currency: string;
        total: string | number;
        status: string;
        created_at: Date | string;
        dispute: { id?: unknown; status?: unknown } | string | null;
      }>(
        `select id, buyer_user_id, currency, total, status, created_at, dispute from mk_orders
         where ($1::text is null or buyer_user_id = $1) order by created_at desc limit 50`,
        [buyerUserId],
      );
      return rows.map((row) => ({
        id: row.id,
        buyerUserId: row.buyer_user_id,
        currency: row.currency,
        total: Number(row.total),
        status: row.status,
        createdAt: Math.floor(new Date(row.created_at).getTime() / 1000),
        dispute: readDispute(row.dispute),
      }));
    },
    async accountIdFor(userId) {
      const { rows } = await store.query<{ account_id: string | null }>(
        'select account_id from mk_accounts where user_id = $1',
        [userId],
      );
      return rows[0]?.account_id ?? null;
    },
  };
}

function readDispute(
  value: { id?: unknown; status?: unknown } | string | null,
): DemoOrderSummary['dispute'] {
  const parsed =
    typeof value === 'string' ? (JSON.parse(value) as { id?: unknown; status?: unknown }) : value;
  if (!parsed || typeof parsed.id !== 'string') return null;
  return { id: parsed.id, status: typeof parsed.status === 'string' ? parsed.status : 'unknown' };
}
