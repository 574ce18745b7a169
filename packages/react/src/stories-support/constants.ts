/** Where the provider in every story sends its requests; MSW answers there from the typed fixtures. */
export const STORYBOOK_API_BASE = '/api/marketkit';

/** Where the stories install the Stripe.js / Connect.js stand-ins; MSW answers in place of a sandbox. */
export const STRIPE_SANDBOX_PATH = '/__stripe-sandbox';

/** The publishable key every story hands to `MarketkitProvider` (a test key: the stand-ins refuse live ones). */
export const STORYBOOK_PUBLISHABLE_KEY = 'pk_test_marketkit_storybook';
