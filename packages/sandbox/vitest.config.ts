import { defineMarketkitProject } from '../../.config/vitest.shared';

// Node by default; browser stand-in tests opt into jsdom per file with a `// @vitest-environment jsdom` comment.
export default defineMarketkitProject({
  test: {
    name: 'sandbox',
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/browser/**/*.test.tsx', 'conformance/**/*.test.ts'],
    testTimeout: 15_000,
  },
});
