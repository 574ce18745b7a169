import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestPostgresStore } from '../testing/test-database';
import { createTestPgliteStore } from '../testing/test-pglite';
import { applyMigrations, MIGRATIONS } from './migrations';
import * as repository from './repository';
import type { Store } from './store';

const stores: [string, () => Store | Promise<Store>][] = [
  ['PGlite', () => createTestPgliteStore(inject('pgliteTemplate'))],
  ['PostgreSQL', () => createTestPostgresStore(inject('postgresUrl'))],
];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

/** Every node of the plan PostgreSQL chose for the statement, flattened. */
async function planOf(store: Store, query: { sql: string; params: unknown[] }) {
  const { rows } = await store.query<{ 'QUERY PLAN': unknown }>(
    `explain (format json) ${query.sql}`,
    query.params,
  );
  const raw = rows[0]!['QUERY PLAN'];
  const root = (typeof raw === 'string' ? JSON.parse(raw) : raw) as [{ Plan: PlanNode }];
  const nodes: PlanNode[] = [];
  const visit = (node: PlanNode) => {
    nodes.push(node);
    node.Plans?.forEach(visit);
  };
  visit(root[0].Plan);
  return nodes;
}

/** Orders the way a store written before the per-seller index holds them: `sellers` JSON only. */
const insertOldOrder = (store: Store, id: string, sellerIds: string[]) =>
  store.query(
    `insert into mk_orders (id, buyer_user_id, currency, total, platform_fee, status, sellers)
     values ($1, 'buyer_old', 'usd', 1000, 100, 'paid', $2::jsonb)`,
    [
      id,
      JSON.stringify(
        sellerIds.map((sellerId) => ({
          sellerId,
          accountId: `acct_${sellerId}`,
          displayName: sellerId,
          subtotal: 1000,
          fee: 100,
          transfer: 900,
          lines: [{ description: 'Mug', amount: 1000, quantity: 1 }],
        })),
      ),
    ],
  );

describe.each(stores)('per-seller order index on %s', (_name, create) => {
  let store: Store;
  beforeAll(async () => {
    store = await create();
    // Everything before the index, so orders can exist before it as they do in a store being upgraded.
    await store.transaction((client) =>
      applyMigrations(
        client,
        MIGRATIONS.filter((migration) => migration.id < 8),
      ),
    );
    await insertOldOrder(store, 'ord_old_1', ['seller_old_a']);
    await insertOldOrder(store, 'ord_old_2', ['seller_old_a', 'seller_old_b']);
    await store.migrate();
  });
  afterAll(async () => {
    await store?.close();
  });

  it('finds orders placed before the upgrade in their sellers’ lists', async () => {
    const ids = async (sellerId: string) =>
      (await repository.listOrders(store, { kind: 'seller', userId: sellerId }, { limit: 10 })).map(
        (order) => order.id,
      );
    expect((await ids('seller_old_a')).sort()).toEqual(['ord_old_1', 'ord_old_2']);
    expect(await ids('seller_old_b')).toEqual(['ord_old_2']);
  });

  it('pages a seller’s orders by a range scan of their own index rows, at any depth', async () => {
    // 6,000 orders over 60 sellers (one or two each), as a busy store would have them.
    await store.query(`
      insert into mk_orders (id, buyer_user_id, currency, total, platform_fee, status, sellers, created_at)
      select 'ord_plan_' || n, 'buyer_' || (n % 50), 'usd', 1000, 100, 'paid',
             jsonb_build_array(jsonb_build_object('sellerId', 'seller_plan_' || (n % 60))),
             now() - n * interval '1 second'
      from generate_series(1, 6000) n`);
    await store.query(`
      insert into mk_order_sellers (seller_id, created_at, order_id)
      select 'seller_plan_' || (n % 60), now() - n * interval '1 second', 'ord_plan_' || n
      from generate_series(1, 6000) n`);
    await store.query('analyze');

    const scope = { kind: 'seller', userId: 'seller_plan_7' } as const;
    const firstPage = await repository.listOrders(store, scope, { limit: 10 });
    expect(firstPage).toHaveLength(11);
    const cursor = firstPage[9]!.id;
    const nextPage = await repository.listOrders(store, scope, {
      limit: 10,
      startingAfter: cursor,
    });
    // Newest first, continuing exactly after the cursor: seller 7 has orders 7, 67, 127, …
    expect(firstPage.map((order) => order.id).slice(0, 3)).toEqual([
      'ord_plan_7',
      'ord_plan_67',
      'ord_plan_127',
    ]);
    expect(nextPage[0]!.id).toBe(`ord_plan_${7 + 60 * 10}`);

    for (const query of [
      repository.orderListQuery(scope, { limit: 10 }),
      repository.orderListQuery(scope, { limit: 10, startingAfter: cursor }),
    ]) {
      const nodes = await planOf(store, query);
      const scans = nodes.filter((node) => node['Node Type'].includes('Scan'));
      expect(scans.find((node) => node['Relation Name'] === 'mk_order_sellers')).toMatchObject({
        'Node Type': expect.stringMatching(/^Index (Only )?Scan$/),
        'Index Name': 'mk_order_sellers_pkey',
      });
      // No order is read but the page's own: no sequential scan anywhere, mk_orders by primary key.
      expect(scans.filter((node) => node['Node Type'] === 'Seq Scan')).toEqual([]);
      expect(
        scans
          .filter((node) => node['Relation Name'] === 'mk_orders')
          .map((node) => node['Index Name']),
      ).toEqual(expect.arrayContaining(['mk_orders_pkey']));
    }

    const adminNodes = await planOf(
      store,
      repository.orderListQuery({ kind: 'all' }, { limit: 10 }),
    );
    expect(adminNodes.some((node) => node['Index Name'] === 'mk_orders_newest')).toBe(true);
  });

  it('applies a migration merged later under a lower id than one already applied', async () => {
    const newest = Math.max(...MIGRATIONS.map((migration) => migration.id));
    const later = {
      id: newest + 2,
      name: 'applied first',
      sql: 'create table mk_gap_b (id integer)',
    };
    const earlier = {
      id: newest + 1,
      name: 'merged late',
      sql: 'create table mk_gap_a (id integer)',
    };
    await store.transaction((client) => applyMigrations(client, [...MIGRATIONS, later]));
    await store.transaction((client) => applyMigrations(client, [...MIGRATIONS, earlier, later]));
    const { rows } = await store.query<{ id: number }>('select id from mk_migrations order by id');
    expect(rows.map((row) => Number(row.id)).slice(-2)).toEqual([newest + 1, newest + 2]);
    await store.query('select id from mk_gap_a');
  });
});
