import type { StorybookConfig } from '@storybook/react-vite';

// The "Live sandbox" stories reach a running `pnpm demo` through the dev server: `/api` goes to the demo
// and `/__stripe-sandbox` (where the preview installs the Stripe.js/Connect.js stand-ins) to its sandbox.
const liveDemoUrl = process.env.MARKETKIT_DEMO_URL ?? 'http://127.0.0.1:5173';
const liveSandboxUrl = process.env.MARKETKIT_SANDBOX_URL ?? 'http://127.0.0.1:12111';

// Stories live next to the components; workspace packages load from TypeScript source like in tests.
const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: {} },
  stories: ['../packages/react/src/**/*.stories.tsx'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs', '@storybook/addon-vitest'],
  // MSW's service worker (generated with `msw init`) is served from the Storybook root.
  staticDirs: ['./public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: { reactDocgen: 'react-docgen-typescript' },
  viteFinal(viteConfig, { configType }) {
    return {
      ...viteConfig,
      resolve: {
        ...viteConfig.resolve,
        conditions: ['@marketkit/source', 'module', 'browser', 'development|production'],
      },
      server:
        configType === 'DEVELOPMENT'
          ? {
              ...viteConfig.server,
              proxy: {
                '/api': { target: liveDemoUrl, changeOrigin: true },
                '/__stripe-sandbox': {
                  target: liveSandboxUrl,
                  changeOrigin: true,
                  rewrite: (path) => path.replace(/^\/__stripe-sandbox/, ''),
                },
              },
            }
          : viteConfig.server,
    };
  },
};

export default config;
