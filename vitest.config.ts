import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// One Vitest workspace; each package and app owns its project config (vitest.config.ts in its folder).
export default defineConfig({
  test: {
    // Most suites spend their time waiting on sockets, browsers and timers, so even two cores keep two
    // workers busy (Vitest's default of cores − 1 would run one file at a time there).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      'packages/*/vitest.config.ts',
      // The server's HTTP suites over its fetch adapter.
      'packages/server/vitest.fetch.config.ts',
      // The React components against the real server and sandbox; the sandbox's browser stand-ins in jsdom.
      'packages/react/vitest.integration.config.ts',
      'packages/sandbox/vitest.dom.config.ts',
      'apps/*/vitest.config.ts',
      '.storybook/vitest.config.ts',
    ],
  },
});
