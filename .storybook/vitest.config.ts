import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineProject } from 'vitest/config';

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

// Every story is a test: rendered in headless Debian Chromium, its play function run, then axe.
// Playwright's own browser download does not work here, so the provider launches the system chromium.
export default defineProject({
  root: repositoryRoot,
  plugins: [storybookTest({ configDir: fileURLToPath(new URL('.', import.meta.url)) })],
  // Pre-bundled up front: a dependency discovered mid-run makes Vite reload the page under a running test.
  optimizeDeps: {
    include: [
      'react/jsx-dev-runtime',
      'react/jsx-runtime',
      'react',
      'react-dom',
      'react-dom/client',
    ],
  },
  test: {
    name: 'storybook',
    root: repositoryRoot,
    setupFiles: ['.storybook/vitest.setup.ts'],
    testTimeout: 20_000,
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
