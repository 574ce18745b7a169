import type { OrderSummary, OrdersPage, SellerOrderSummary } from '@marketkit/core';
import { OrdersPageSchema } from '@marketkit/core/contract';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createHarness, type Harness } from '../testing/harness';
import { createTestPgliteStore } from '../testing/test-pglite';

type Row = OrdersPage['data'][number];
const fullRow = (row: Row): OrderSummary => {
  if ('view' in row) throw new Error(`expected a whole-order row, got a seller row for ${row.id}`);
  return row;
};
const sellerRow = (row: Row): SellerOrderSummary => {
  if (!('view' in row)) throw new Error(`expected a seller row, got a whole order ${row.id}`);
  return row;
};

describe('GET /orders', () => {
  let harness: Harness;
  // Creation order (oldest first); the list answers newest first.
  const orders: { id: string; buyer: string; sellers: string[] }[] = [];

  const list = (user: string, role: 'buyer' | 'seller' | 'admin', query: string = '') =>
    harness.http.get(`/api/orders${query}`).set(harness.as(user, role));

  const newestFirst = (filter: (order: (typeof orders)[number]) => boolean) =>
    orders
      .filter(filter)
      .map((order) => order.id)
      .reverse();

  /** Follows `nextCursor` until the last page; returns every page's ids. */
  async function walk(user: string, role: 'buyer' | 'seller' | 'admin', limit: number) {
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const response = await list(
        user,
        role,
        `?limit=${limit}${cursor ? `&startingAfter=${cursor}` : ''}`,
      );
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      const page = OrdersPageSchema.parse(response.body);
      expect(page.data.length).toBeLessThanOrEqual(limit);
      pages.push(page.data.map((order) => order.id));
      expect(page.nextCursor).toBe(page.hasMore ? page.data.at(-1)!.id : null);
      cursor = page.nextCursor;
    } while (cursor && pages.length < 20);
    return pages;
  }

  beforeAll(async () => {
    harness = await createHarness({
      store: createTestPgliteStore(inject('pgliteTemplate')),
      webhooks: false,
    });
    await harness.onboardSeller('seller_a');
    await harness.onboardSeller('seller_b');
    const plan: { buyer: string; sellers: string[] }[] = [
      { buyer: 'buyer_x', sellers: ['seller_a'] },
      { buyer: 'buyer_x', sellers: ['seller_a', 'seller_b'] },
      { buyer: 'buyer_y', sellers: ['seller_b'] },
      { buyer: 'buyer_y', sellers: ['seller_a', 'seller_b'] },
      { buyer: 'buyer_x', sellers: ['seller_b'] },
    ];
    // One at a time so creation times are ordered the way the plan reads.
    for (const { buyer, sellers } of plan) {
      const response = await harness.http
        .post('/api/checkout')
        .set(harness.as(buyer))
        .send(
          harness.cart(
            sellers.map((sellerId, index) => ({
              sellerId,
              description: `Item from ${sellerId}`,
              amount: 1000 * (index + 1),
              quantity: 1,
            })),
          ),
        );
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      orders.push({ id: response.body.orderId, buyer, sellers });
    }
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('shows an admin every order, newest first, with the platform fee', async () => {
    const response = await list('ops', 'admin');
    expect(response.status).toBe(200);
    const page = OrdersPageSchema.parse(response.body);
    expect(page.data.map((order) => order.id)).toEqual(newestFirst(() => true));
    expect(page.hasMore).toBe(false);
    expect(page.nextCursor).toBeNull();
    const both = fullRow(page.data.find((order) => order.id === orders[1]!.id)!);
    expect(both).toMatchObject({ status: 'awaiting_payment', currency: 'usd', total: 3000 });
    expect(both.platformFee).toBe(300);
    expect(both.sellers.map((seller) => seller.sellerId)).toEqual(['seller_a', 'seller_b']);
  });

  it('shows a buyer only their own orders, with every seller on them', async () => {
    const response = await list('buyer_y', 'buyer');
    const page = OrdersPageSchema.parse(response.body);
    expect(page.data.map((order) => order.id)).toEqual(
      newestFirst((order) => order.buyer === 'buyer_y'),
    );
    expect(fullRow(page.data[0]!).sellers.map((seller) => seller.sellerId)).toEqual([
      'seller_a',
      'seller_b',
    ]);
  });

  it('gives a buyer without orders an empty page', async () => {
    const page = OrdersPageSchema.parse((await list('buyer_z', 'buyer')).body);
    expect(page).toEqual({ data: [], hasMore: false, nextCursor: null });
  });

  it('shows a seller the orders they sold into with only their own numbers', async () => {
    const response = await list('seller_a', 'seller');
    const page = OrdersPageSchema.parse(response.body);
    expect(page.data.map((order) => order.id)).toEqual(
      newestFirst((order) => order.sellers.includes('seller_a')),
    );
    for (const row of page.data) {
      const order = sellerRow(row);
      expect(order.seller).toEqual({
        sellerId: 'seller_a',
        displayName: 'Shop of seller_a',
        subtotal: 1000,
        fee: 100,
        transferAmount: 900,
      });
      expect(order.reversed).toBe(0);
      // No whole-order figure from which other sellers' takings could be worked out.
      expect(Object.keys(order).sort()).toEqual(
        ['createdAt', 'currency', 'id', 'reversed', 'seller', 'status', 'view'].sort(),
      );
    }
    // Seller B's part never reaches seller A.
    expect(JSON.stringify(response.body)).not.toContain('seller_b');
  });

  it('matches each seller row to what GET /orders/:orderId shows that seller', async () => {
    const page = OrdersPageSchema.parse((await list('seller_b', 'seller')).body);
    for (const row of page.data) {
      const detail = await harness.http
        .get(`/api/orders/${row.id}`)
        .set(harness.as('seller_b', 'seller'));
      expect(detail.status).toBe(200);
      const { transfer: _transfer, lines: _lines, ...summary } = detail.body.seller;
      expect(sellerRow(row).seller).toEqual(summary);
      expect(detail.body.total).toBeUndefined();
    }
  });

  it('pages through every order exactly once with limit and startingAfter', async () => {
    const pages = await walk('ops', 'admin', 2);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(pages.flat()).toEqual(newestFirst(() => true));
  });

  it('pages a seller’s orders without ever reaching another seller’s', async () => {
    const pages = await walk('seller_b', 'seller', 1);
    expect(pages.flat()).toEqual(newestFirst((order) => order.sellers.includes('seller_b')));
    expect(pages.flat()).not.toContain(orders[0]!.id);
  });

  it('answers a full last page with hasMore false', async () => {
    const page = OrdersPageSchema.parse((await list('buyer_y', 'buyer', '?limit=2')).body);
    expect(page.data).toHaveLength(2);
    expect(page).toMatchObject({ hasMore: false, nextCursor: null });
  });

  it('refuses a cursor from outside the caller’s list like an unknown one', async () => {
    const otherBuyers = await list('buyer_y', 'buyer', `?startingAfter=${orders[0]!.id}`);
    const otherSellers = await list('seller_b', 'seller', `?startingAfter=${orders[0]!.id}`);
    const unknown = await list('buyer_y', 'buyer', '?startingAfter=ord_doesnotexist');
    for (const response of [otherBuyers, otherSellers, unknown]) {
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({
        code: 'invalid_request',
        param: 'startingAfter',
      });
    }
    expect(otherBuyers.body.error.message).toBe(unknown.body.error.message);
  });

  it.each([
    ['?limit=0', 'limit'],
    ['?limit=101', 'limit'],
    ['?limit=two', 'limit'],
    ['?limit=1.5', 'limit'],
    ['?status=paid', 'status'],
  ])('refuses the query %s naming %s', async (query, param) => {
    const response = await list('ops', 'admin', query);
    expect(response.status).toBe(400);
    expect(response.body.error.param).toBe(param);
  });

  it('asks anonymous callers to sign in', async () => {
    const response = await harness.http.get('/api/orders');
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('unauthenticated');
  });
});
