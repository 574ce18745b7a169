// JSON calls to the demo's own routes (same origin, session cookie).

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
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: init.body === undefined ? undefined : { 'Content-Type': 'application/json' },
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

export interface OrderSummary {
  id: string;
  buyerUserId: string;
  currency: string;
  total: number;
  status: string;
  createdAt: number;
  dispute: { id: string; status: string } | null;
}
