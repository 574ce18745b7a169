import { fileURLToPath } from 'node:url';
import { defineMarketkitProject } from '../../.config/vitest.shared';

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
    name: 'react',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test/setup.ts'],
    testTimeout: 10_000,
    // The integration suites start the sandbox, PGlite (a WebAssembly Postgres) and the router in their
    // setup: seconds on a quiet machine, over 30 s when two cores are shared with Storybook and Chromium.
    hookTimeout: 60_000,
  },
});
