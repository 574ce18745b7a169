import { defineMarketkitProject } from '../../.config/vitest.shared';

export default defineMarketkitProject({
  test: { name: 'core', environment: 'node', include: ['src/**/*.test.ts'] },
});
