import { defineMarketkitProject } from '../../.config/vitest.shared';

export default defineMarketkitProject({
  test: {
    name: 'next-example-e2e',
    environment: 'node',
    include: ['e2e/**/*.e2e.test.ts'],
    // `next start` on the build from `pnpm build`, then one Chromium.
    testTimeout: 90_000,
    // A browser on 2 busy cores can take seconds to show what a poll waits for; 1 s (the default) flaked.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 120_000,
  },
});
