import { defineMarketkitProject } from '../../.config/vitest.shared';

export default defineMarketkitProject({
  test: {
    name: 'demo-e2e',
    environment: 'node',
    include: ['e2e/**/*.e2e.test.ts'],
    // One demo server and one Chromium per file. Files may run beside other projects' files: a project
    // without file parallelism would run alone after everything else.
    globalSetup: ['./e2e/global-setup.ts'],
    testTimeout: 60_000,
    // A browser on 2 busy cores can take seconds to show what a poll waits for; 1 s (the default) flaked.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 90_000,
  },
});
