import { defineMarketkitProject } from '../../.config/vitest.shared';

export default defineMarketkitProject({
  test: {
    name: 'next-example-e2e',
    environment: 'node',
    include: ['e2e/**/*.e2e.test.ts'],
    // `next start` on the build from `pnpm build`, then one Chromium.
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
