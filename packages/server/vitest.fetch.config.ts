import { defineMarketkitProject } from '../../.config/vitest.shared';

// The black-box HTTP suites again, over the fetch adapter (`createMarketkitHandler` behind Node's own
// Request/Response): both adapters must pass the same suite. The harness picks the adapter from the env.
export default defineMarketkitProject({
  test: {
    name: 'server-fetch',
    environment: 'node',
    env: { MARKETKIT_ADAPTER: 'fetch' },
    include: [
      'src/http/security.test.ts',
      'src/http/csrf.test.ts',
      'src/http/bad-input.test.ts',
      'src/http/fuzz.test.ts',
      'src/checkout/flows.test.ts',
      'src/checkout/pricing.test.ts',
      'src/refunds/refund-retries.test.ts',
      'src/payouts/payouts.test.ts',
      'src/webhooks/webhooks.test.ts',
      'src/accounts/account-links.test.ts',
      'src/orders/order-list.test.ts',
      'src/orders/seller-view.test.ts',
      'src/outbox/chaos.test.ts',
    ],
    globalSetup: ['./src/testing/postgres-global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
