import { defineMarketkitProject } from '../../.config/vitest.shared';

// The Node suites (the API, its rules, the conformance checker). They share no global state, so a worker
// keeps its module cache instead of importing the sandbox again for every file. The browser stand-ins'
// jsdom suites run in their own project (vitest.dom.config.ts), one fresh module graph per file.
export default defineMarketkitProject({
  test: {
    name: 'sandbox',
    environment: 'node',
    isolate: false,
    include: ['src/**/*.test.ts', 'conformance/**/*.test.ts'],
    testTimeout: 15_000,
  },
});
