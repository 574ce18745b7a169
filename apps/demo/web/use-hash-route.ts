// A few routes do not need a router library: the hash is the route, and links are plain `#/…` hrefs.
// Hash routes also survive Stripe's redirects back to the app (`…/#/seller`).
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'catalogue' }
  | { name: 'sign-in' }
  | { name: 'cart' }
  | { name: 'checkout' }
  | { name: 'orders' }
  | { name: 'order'; orderId: string }
  | { name: 'seller' }
  | { name: 'admin' }
  | { name: 'not-found'; path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\?.*$/, '') || '/';
  if (path === '/' || path === '/catalogue') return { name: 'catalogue' };
  if (path === '/sign-in') return { name: 'sign-in' };
  if (path === '/cart') return { name: 'cart' };
  if (path === '/checkout') return { name: 'checkout' };
  if (path === '/orders') return { name: 'orders' };
  if (path === '/seller') return { name: 'seller' };
  if (path === '/admin') return { name: 'admin' };
  const order = /^\/orders\/([A-Za-z0-9_-]+)$/.exec(path);
  if (order?.[1]) return { name: 'order', orderId: order[1] };
  return { name: 'not-found', path };
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHashRoute(): Route {
  const hash = useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => '',
  );
  return parseRoute(hash);
}

export function navigateTo(path: string): void {
  window.location.hash = path;
}
