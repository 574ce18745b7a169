// GET /orders at 10k, 100k and 1M orders: the store is seeded with SQL (generate_series), not through
// HTTP, then a seller's first and tenth page and an admin's first page are timed through the router.
import { performance } from 'node:perf_hooks';
import type { Sandbox } from '@marketkit/sandbox';
import type Stripe from 'stripe';
import * as repository from '../src/stores/repository';
import type { Store } from '../src/stores/store';
import { startApp } from './app';
import { measureLatencies, percentile } from './measure';

/** The seller whose pages are timed; every size gives each seller about 133 orders (see `seed`). */
const SELLER = 'seller_1';

/**
 * `count` orders, one second apart, newest `ord_seed_1`. Sellers grow with the store (one per 100
 * orders), each order sold by one seller and every third by a second; every 50th order has a refund
 * with a reversal, so a seller's page also sums reversals as it would in a real store.
 */
export async function seed(store: Store, count: number): Promise<void> {
  const sellers = Math.max(10, Math.floor(count / 100));
  const seller = (expression: string) => `jsonb_build_object('sellerId', 'seller_' || ${expression},
    'accountId', 'acct_seed_' || ${expression}, 'displayName', 'Seller ' || ${expression},
    'subtotal', 2000, 'fee', 200, 'transfer', 1800,
    'lines', jsonb_build_array(jsonb_build_object('description', 'Mug', 'amount', 2000, 'quantity', 1)))`;
  const first = `(n * 7) % ${sellers}`;
  const second = `(n * 13 + 1) % ${sellers}`;
  const hasSecond = `n % 3 = 0 and ${second} <> ${first}`;
  await store.query('truncate mk_orders cascade');
  await store.query(`
    insert into mk_orders (id, buyer_user_id, currency, total, platform_fee, status, sellers, created_at)
    select 'ord_seed_' || n, 'buyer_' || (n % ${Math.max(10, count / 10)}), 'usd',
           case when ${hasSecond} then 4000 else 2000 end, case when ${hasSecond} then 400 else 200 end,
           'paid',
           case when ${hasSecond} then jsonb_build_array(${seller(first)}, ${seller(second)})
                else jsonb_build_array(${seller(first)}) end,
           timestamptz '2026-01-01' - n * interval '1 second'
    from generate_series(1, ${count}) n`);
  // The per-seller index, where the store has one (the bench also runs against older code).
  const { rows } = await store.query<{ exists: boolean }>(
    "select to_regclass('mk_order_sellers') is not null as exists",
  );
  if (rows[0]?.exists) {
    await store.query(`
      insert into mk_order_sellers (seller_id, created_at, order_id)
      select 'seller_' || s, timestamptz '2026-01-01' - n * interval '1 second', 'ord_seed_' || n
      from generate_series(1, ${count}) n,
           lateral (select ${first} as s union select ${second} where ${hasSecond}) sold`);
  }
  await store.query(`
    insert into mk_refunds (id, order_id, idempotency_key, amount, reason, status, stripe_refund_id, platform_share)
    select 'rf_seed_' || n, 'ord_seed_' || n, 'key_seed_' || n, 1000, 'requested_by_customer',
           'succeeded', 're_seed_' || n, 100
    from generate_series(50, ${count}, 50) n`);
  await store.query(`
    insert into mk_reversals (refund_id, seller_id, transfer_id, amount, stripe_reversal_id)
    select 'rf_seed_' || n, 'seller_' || ${first}, 'tr_seed_' || n, 900, 'trr_seed_' || n
    from generate_series(50, ${count}, 50) n`);
  // As a store in use would be: vacuumed (visibility map set) and analysed, with no autovacuum of the
  // fresh rows left to run on the same cores while pages are timed, and the bulk load's dirty pages
  // written out (a checkpoint) rather than flushed while pages are timed.
  await store.query('vacuum analyze');
  await store.query('checkpoint');
}

export interface PageLatency {
  p50: number;
  p99: number;
  samples: number;
}

export interface OrderListResult {
  orders: number;
  seedSeconds: number;
  sellerFirst: PageLatency;
  sellerTenth: PageLatency;
  adminFirst: PageLatency;
  /** How PostgreSQL reads mk_order_sellers for the seller's page, from EXPLAIN; null without the index. */
  sellerPlan: string | null;
}

/** Times `run` `samples` times, or for `budgetMs` (at least 5 times) when each run is slow. */
async function latency(samples: number, budgetMs: number, run: () => Promise<unknown>) {
  await measureLatencies(10, run); // warm-up: JIT, connections, caches
  const started = performance.now();
  const values: number[] = [];
  while (values.length < samples && (values.length < 5 || performance.now() - started < budgetMs))
    values.push(...(await measureLatencies(1, run)));
  return { p50: percentile(values, 0.5), p99: percentile(values, 0.99), samples: values.length };
}

async function planOf(store: Store): Promise<string | null> {
  // Absent in code older than the per-seller index, which this bench also measures.
  const build = (repository as Partial<typeof repository>).orderListQuery;
  if (!build) return null;
  const query = build({ kind: 'seller', userId: SELLER }, { limit: 10 });
  const { rows } = await store.query<Record<string, string>>(`explain ${query.sql}`, query.params);
  const scan = rows
    .map((row) => Object.values(row)[0]!)
    .find((line) => /mk_order_sellers/.test(line));
  return scan?.replace(/^[\s>-]+/, '').replace(/\s+\(cost.*$/, '') ?? null;
}

export async function orderListLatencies(
  sandbox: Sandbox,
  stripe: Stripe,
  store: Store,
  sizes: readonly number[],
  samples: number,
): Promise<OrderListResult[]> {
  const app = await startApp(sandbox, stripe, store, { worker: { autoStart: false } });
  const results: OrderListResult[] = [];
  try {
    for (const orders of sizes) {
      const seeding = performance.now();
      await seed(store, orders);
      const seedSeconds = (performance.now() - seeding) / 1000;
      const get = async (user: string, role: string, query = '') => {
        const response = await fetch(`${app.url}/orders${query}`, {
          headers: { 'x-user': user, 'x-role': role },
        });
        if (response.status !== 200)
          throw new Error(`GET /orders failed: ${response.status} ${await response.text()}`);
        return (await response.json()) as { data: unknown[]; nextCursor: string | null };
      };
      // The cursor after page nine, found by walking the pages once.
      let cursor: string | null = null;
      for (let page = 1; page < 10; page += 1) {
        cursor = (await get(SELLER, 'seller', cursor ? `?startingAfter=${cursor}` : '')).nextCursor;
        if (!cursor) throw new Error(`${SELLER} has fewer than ten pages at ${orders} orders`);
      }
      const budgetMs = 8_000;
      results.push({
        orders,
        seedSeconds,
        sellerFirst: await latency(samples, budgetMs, () => get(SELLER, 'seller')),
        sellerTenth: await latency(samples, budgetMs, () =>
          get(SELLER, 'seller', `?startingAfter=${cursor}`),
        ),
        adminFirst: await latency(samples, budgetMs, () => get('admin', 'admin')),
        sellerPlan: await planOf(store),
      });
    }
  } finally {
    await app.stop();
  }
  return results;
}
