import { defineMarketkitProject } from '../../.config/vitest.shared';

// The black-box HTTP suites again, over the fetch adapter (`createMarketkitHandler` behind Node's own
// Request/Response): both adapters pass the same suite. Suites about the outbox's timing under faults
// (chaos, fencing, kill, call budget), the store and the money-conservation property (whose requests are
// the same ones the flows make) run once, over Express.
// The harness picks the adapter from the env.
export default defineMarketkitProject({
  test: {
    name: 'server-fetch',
    environment: 'node',
    // The suites share no global state: a worker keeps its module cache instead of importing the server,
    // the SDK and PGlite again for every file.
    isolate: false,
    env: { MARKETKIT_ADAPTER: 'fetch' },
    include: [
      'src/http/security.test.ts',
      'src/http/csrf.test.ts',
      'src/http/bad-input.test.ts',
      'src/http/fuzz.test.ts',
      'src/checkout/flows.test.ts',
      'src/checkout/pricing.test.ts',
      'src/refunds/refund-retries.test.ts',
      'src/refunds/seller-debt.test.ts',
      'src/payouts/payouts.test.ts',
      'src/risk/risk.test.ts',
      'src/webhooks/webhooks.test.ts',
      'src/webhooks/connect-events.test.ts',
      'src/webhooks/account-events.test.ts',
      'src/accounts/account-links.test.ts',
      'src/orders/order-list.test.ts',
      'src/orders/seller-view.test.ts',
    ],
    globalSetup: ['./src/testing/postgres-global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
