import { defineProject, type ViteUserConfig } from 'vitest/config';

/**
 * Shared project settings: every workspace package resolves `@marketkit/*` to its TypeScript source
 * through the `@marketkit/source` export condition, so tests never need a build first.
 */
export function defineMarketkitProject(config: ViteUserConfig) {
  return defineProject({
    ...config,
    resolve: {
      ...config.resolve,
      conditions: ['@marketkit/source', 'module', 'browser', 'development|production'],
    },
    ssr: {
      ...config.ssr,
      resolve: {
        conditions: ['@marketkit/source', 'module', 'node', 'development|production'],
        ...config.ssr?.resolve,
      },
    },
  });
}
