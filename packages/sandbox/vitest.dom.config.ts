import { defineMarketkitProject } from '../../.config/vitest.shared';

// The browser stand-ins (Stripe.js, Elements, Connect.js) in jsdom against a running sandbox. Each file
// gets a fresh module graph and document: the stand-ins install globals on `window` and a test resets
// modules, which a shared module cache would carry into the next file.
export default defineMarketkitProject({
  test: {
    name: 'sandbox-dom',
    environment: 'jsdom',
    include: ['src/browser/**/*.test.tsx'],
    testTimeout: 15_000,
  },
});
