import type { Stripe } from '@stripe/stripe-js';

const stripeByKey = new Map<string, Promise<Stripe | null>>();

/**
 * Stripe.js for a publishable key, loaded once per key and only in a browser. Uses the `pure` entry so
 * importing the kit never injects a script tag; an existing `window.Stripe` (e.g. a stand-in) is reused.
 */
export function getStripe(publishableKey: string): Promise<Stripe | null> | null {
  if (typeof window === 'undefined') return null;
  let stripe = stripeByKey.get(publishableKey);
  if (!stripe) {
    stripe = import('@stripe/stripe-js/pure').then(({ loadStripe }) => loadStripe(publishableKey));
    // A failed load (offline, blocked) should be retried next time rather than cached forever.
    stripe.catch(() => stripeByKey.delete(publishableKey));
    stripeByKey.set(publishableKey, stripe);
  }
  return stripe;
}
