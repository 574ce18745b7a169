import { defineConfig } from 'vitest/config';

// One Vitest workspace; each package and app owns its project config (vitest.config.ts in its folder).
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      // The server's HTTP suites over its fetch adapter.
      'packages/server/vitest.fetch.config.ts',
      'apps/*/vitest.config.ts',
      '.storybook/vitest.config.ts',
    ],
  },
});
