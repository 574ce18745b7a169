import { fileURLToPath } from 'node:url';
import { defineMarketkitProject } from '../../.config/vitest.shared';
import { INTEGRATION_SUITES } from './vitest.config';

// The components against the real router, store and sandbox in this process. Each file gets a fresh module
// graph: `@stripe/stripe-js` keeps the Stripe.js it loaded, and the stand-ins install globals on `window`.
export default defineMarketkitProject({
  resolve: {
    alias: [
      {
        // jsdom tests resolve with the `browser` condition, which picks stripe's worker build (async-only
        // webhook verification). The integration tests run the real server in this process: use the Node build.
        find: /^stripe$/,
        replacement: fileURLToPath(
          new URL('./node_modules/stripe/esm/stripe.esm.node.js', import.meta.url),
        ),
      },
    ],
  },
  test: {
    name: 'react-integration',
    environment: 'jsdom',
    include: INTEGRATION_SUITES,
    setupFiles: ['./src/test/setup.ts'],
    testTimeout: 10_000,
    // The integration suites start the sandbox, PGlite (a WebAssembly Postgres) and the router in their
    // setup: seconds on a quiet machine, over 30 s when two cores are shared with Storybook and Chromium.
    hookTimeout: 60_000,
  },
});
