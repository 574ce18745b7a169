// JSON calls to the demo's own routes and MarketKit's router (same origin, session cookie).
import { API_ROUTES, type OrderSummary, type OrdersPage } from '@marketkit/core';

export class DemoApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function demoFetch<T>(
  path: string,
  init: { method?: string; body?: unknown; idempotencyKey?: string } = {},
): Promise<T> {
  const method = init.method ?? 'GET';
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    // MarketKit refuses state-changing requests that are not JSON (its CSRF defence), bodies or not.
    headers: {
      ...(method === 'GET' ? {} : { 'Content-Type': 'application/json' }),
      ...(init.idempotencyKey ? { 'Idempotency-Key': init.idempotencyKey } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (response.status === 204) return undefined as T;
  const payload = (await response.json().catch(() => null)) as
    (T & { error?: { code?: string; message?: string } }) | null;
  if (!response.ok) {
    throw new DemoApiError(
      response.status,
      payload?.error?.code ?? 'request_failed',
      payload?.error?.message ?? `Request failed (HTTP ${response.status}).`,
    );
  }
  return payload as T;
}

export type Role = 'seller' | 'buyer' | 'admin';

export interface SessionUser {
  userId: string;
  role: Role;
  displayName: string;
  email: string;
}

export interface DemoConfig {
  mode: 'sandbox' | 'stripe';
  publishableKey: string;
  sandboxUrl: string | null;
}

export interface Product {
  id: string;
  sellerId: string;
  sellerName: string;
  name: string;
  description: string;
  amount: number;
  currency: string;
  hue: number;
  available: boolean;
}

const ORDERS_PAGE_SIZE = 50;
/** Enough history for a demo; the list says when older orders are left out. */
const MAX_ORDER_PAGES = 4;

export interface OrderList {
  orders: OrderSummary[];
  /** True when older orders exist beyond the pages fetched. */
  truncated: boolean;
}

/** MarketKit's GET /orders as the signed-in user sees it (an admin every order, a buyer their own). */
export async function listOrders(): Promise<OrderList> {
  const orders: OrderSummary[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_ORDER_PAGES; page += 1) {
    const query = new URLSearchParams({ limit: String(ORDERS_PAGE_SIZE) });
    if (cursor) query.set('startingAfter', cursor);
    const result: OrdersPage = await demoFetch<OrdersPage>(
      `/api/marketkit${API_ROUTES.listOrders.path}?${query.toString()}`,
    );
    // Buyers and admins get whole orders; a seller's rows (their own part only) are not listed here.
    orders.push(...result.data.filter((row): row is OrderSummary => !('view' in row)));
    if (!result.hasMore || !result.nextCursor) return { orders, truncated: false };
    cursor = result.nextCursor;
  }
  return { orders, truncated: true };
}
