import { defineMarketkitProject } from '../../.config/vitest.shared';

export default defineMarketkitProject({
  test: {
    name: 'core',
    environment: 'node',
    // Pure functions: the files can share one module cache instead of importing everything again.
    isolate: false,
    include: ['src/**/*.test.ts'],
  },
});
