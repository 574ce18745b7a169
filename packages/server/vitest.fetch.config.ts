import { defineMarketkitProject } from '../../.config/vitest.shared';

// The HTTP-level black-box suites again, over the fetch adapter (`createMarketkitHandler` behind Node's
// own Request/Response). The adapters differ only in how a request becomes the core's call and its answer
// a response (body reading and limits, encodings, content types, headers, redirects, raw webhook bodies), so
// these suites are the ones that exercise that, on both. Suites about what happens after a request reaches
// the core (checkout flows, pricing, orders, refunds, payouts, the outbox) run once, over Express; the
// fetch adapter's whole checkout flow is also the Next.js example's browser test. The harness picks the
// adapter from the env.
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
      'src/webhooks/webhooks.test.ts',
      'src/accounts/account-links.test.ts',
    ],
    globalSetup: ['./src/testing/postgres-global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
