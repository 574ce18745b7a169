// The cart lives in localStorage so it survives reloads and Stripe redirects; components read it through
// useSyncExternalStore so every badge and page stays in step.
import { useSyncExternalStore } from 'react';

export interface CartItem {
  productId: string;
  sellerId: string;
  sellerName: string;
  name: string;
  amount: number;
  currency: string;
  quantity: number;
}

const STORAGE_KEY = 'marketkit-demo-cart';
const listeners = new Set<() => void>();
let cached: CartItem[] | null = null;

/** What the checkout sends: item ids and quantities. Prices in the cart are for display only. */
export interface CheckoutSnapshot {
  items: Array<{ itemId: string; quantity: number }>;
  currency: string;
}

// Set by "Continue to payment" on the cart. Kept in memory only: a reload, a bookmark or a direct visit to
// the checkout page shows the cart again instead of creating an order nobody asked to pay.
let confirmed: CheckoutSnapshot | null = null;

function read(): CartItem[] {
  if (cached) return cached;
  try {
    const parsed = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '[]') as unknown;
    cached = Array.isArray(parsed) ? (parsed as CartItem[]) : [];
  } catch {
    cached = [];
  }
  return cached;
}

function write(items: CartItem[]): void {
  cached = items;
  // A changed cart is no longer what the buyer confirmed for payment.
  confirmed = null;
  window.localStorage.setItem(STORAGE_KEY, JSON.stringify(items));
  for (const listener of listeners) listener();
}

const EMPTY: CartItem[] = [];

export function useCart(): CartItem[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    read,
    () => EMPTY,
  );
}

export function addToCart(item: Omit<CartItem, 'quantity'>): void {
  const items = read();
  const existing = items.find((entry) => entry.productId === item.productId);
  write(
    existing
      ? items.map((entry) =>
          entry.productId === item.productId ? { ...entry, quantity: entry.quantity + 1 } : entry,
        )
      : [...items, { ...item, quantity: 1 }],
  );
}

export function setQuantity(productId: string, quantity: number): void {
  const items = read();
  write(
    quantity <= 0
      ? items.filter((entry) => entry.productId !== productId)
      : items.map((entry) => (entry.productId === productId ? { ...entry, quantity } : entry)),
  );
}

export function clearCart(): void {
  write([]);
}

/**
 * Freezes the cart as the items to pay for; the checkout page creates the order from exactly these and
 * the server prices them from its own catalogue.
 */
export function confirmCheckout(): CheckoutSnapshot | null {
  const items = read();
  const first = items[0];
  if (!first) return null;
  confirmed = {
    items: items.map((item) => ({ itemId: item.productId, quantity: item.quantity })),
    currency: first.currency,
  };
  return confirmed;
}

/** What the buyer confirmed on the cart, if they did and the cart has not changed since. */
export function confirmedCheckout(): CheckoutSnapshot | null {
  return confirmed;
}

/** Exact integer arithmetic: amounts are minor units. */
export function cartTotal(items: readonly CartItem[]): number {
  return items.reduce((sum, item) => sum + item.amount * item.quantity, 0);
}

export function groupBySeller(
  items: readonly CartItem[],
): Array<{ sellerId: string; sellerName: string; items: CartItem[] }> {
  const groups = new Map<string, { sellerId: string; sellerName: string; items: CartItem[] }>();
  for (const item of items) {
    const group = groups.get(item.sellerId) ?? {
      sellerId: item.sellerId,
      sellerName: item.sellerName,
      items: [],
    };
    group.items.push(item);
    groups.set(item.sellerId, group);
  }
  return [...groups.values()];
}
