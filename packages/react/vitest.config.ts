import { defineMarketkitProject } from '../../.config/vitest.shared';

/** Suites that run the real server and sandbox in this process (`vitest.integration.config.ts`). */
export const INTEGRATION_SUITES = ['src/integration.test.tsx', 'src/**/*.integration.test.tsx'];

export default defineMarketkitProject({
  test: {
    name: 'react',
    environment: 'jsdom',
    // The component suites share no module state (MSW answers them, the setup file cleans the DOM after
    // each test), so a worker keeps its module cache instead of importing React and the kit for every file.
    isolate: false,
    include: ['src/**/*.test.{ts,tsx}'],
    exclude: INTEGRATION_SUITES,
    setupFiles: ['./src/test/setup.ts', './src/test/preload-lazy-parts.ts'],
    testTimeout: 10_000,
  },
});
