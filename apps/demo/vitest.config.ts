import { defineMarketkitProject } from '../../.config/vitest.shared';

export default defineMarketkitProject({
  test: {
    name: 'demo-e2e',
    environment: 'node',
    include: ['e2e/**/*.e2e.test.ts'],
    // One demo server and one Chromium per file; files run one after another so two browsers never fight
    // over the two cores.
    fileParallelism: false,
    globalSetup: ['./e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
