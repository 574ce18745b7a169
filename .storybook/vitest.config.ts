import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineProject } from 'vitest/config';

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

// Every story is a test: rendered once in headless Debian Chromium, its play function run, then axe and
// its committed screenshot in each theme, light and dark (vitest.setup.ts; baselines in `__screenshots__/`
// next to the stories, regenerated on purpose with `pnpm test:screenshots:update`). Playwright's own
// browser download does not work here, so the provider launches the system chromium.
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
      // Tall enough that no story is cut off: element screenshots cannot see past the test iframe.
      viewport: { width: 720, height: 1600 },
      provider: playwright({
        contextOptions: { viewport: { width: 1280, height: 1800 }, deviceScaleFactor: 1 },
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
            // Same pixels on every run: no GPU rasteriser differences, no font hinting surprises.
            '--force-color-profile=srgb',
            '--font-render-hinting=none',
          ],
        },
      }),
      instances: [{ browser: 'chromium' }],
      expect: {
        toMatchScreenshot: {
          comparatorName: 'pixelmatch',
          // Anti-aliasing noise passes; a moved border, a new colour or a changed word does not.
          comparatorOptions: { threshold: 0.1, allowedMismatchedPixelRatio: 0.001 },
          resolveScreenshotPath: ({ root, testFileDirectory, testFileName, arg, ext }) =>
            `${root}/${testFileDirectory}/__screenshots__/${testFileName}/${arg}${ext}`,
          resolveDiffPath: ({ root, testFileDirectory, testFileName, arg, ext }) =>
            `${root}/.tmp/screenshot-diffs/${testFileDirectory}/${testFileName}/${arg}${ext}`,
        },
      },
    },
  },
});
