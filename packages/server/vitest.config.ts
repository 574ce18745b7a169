import { defineMarketkitProject } from '../../.config/vitest.shared';

export default defineMarketkitProject({
  test: {
    name: 'server',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // Starts a throwaway PostgreSQL server on loopback for the store contract tests.
    globalSetup: ['./src/testing/postgres-global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
