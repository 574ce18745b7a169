import { defineMarketkitProject } from '../../.config/vitest.shared';

export default defineMarketkitProject({
  test: {
    name: 'server',
    environment: 'node',
    // The suites share no global state: a worker keeps its module cache instead of importing the server,
    // the SDK and PGlite again for every file.
    isolate: false,
    include: ['src/**/*.test.ts'],
    // Starts a throwaway PostgreSQL server on loopback for the store contract tests.
    globalSetup: ['./src/testing/postgres-global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
