import type { StorybookConfig } from '@storybook/react-vite';

// Stories live next to the components; workspace packages load from TypeScript source like in tests.
const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: {} },
  stories: ['../packages/react/src/**/*.stories.tsx'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs', '@storybook/addon-vitest'],
  // MSW's service worker (generated with `msw init`) is served from the Storybook root.
  staticDirs: ['./public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: { reactDocgen: 'react-docgen-typescript' },
  viteFinal(viteConfig) {
    return {
      ...viteConfig,
      resolve: {
        ...viteConfig.resolve,
        conditions: ['@marketkit/source', 'module', 'browser', 'development|production'],
      },
    };
  },
};

export default config;
