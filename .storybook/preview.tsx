// The stand-ins first: `window.Stripe` and `window.StripeConnect` must exist before `@stripe/*` loads.
import '../packages/react/src/stories-support/install-sandbox-stripe';
import type { Preview } from '@storybook/react-vite';
import { configure } from 'storybook/test';
import { createMarketkitHandlers } from '../packages/react/src/test/handlers';
import { checkoutFiveSellersFixture, checkoutFixture } from '../packages/react/src/test/fixtures';
import { createConnectSandboxHandlers } from '../packages/react/src/stories-support/connect-sandbox-handlers';
import { STORYBOOK_API_BASE } from '../packages/react/src/stories-support/constants';
import { createStripeSandboxHandlers } from '../packages/react/src/stories-support/stripe-sandbox-handlers';
import { storyMocksLoader } from '../packages/react/src/stories-support/story-mocks';
import { withMarketkit } from '../packages/react/src/stories-support/with-marketkit';
import '../packages/react/src/stories-support/story-canvas.css';

// The kit's one public stylesheet, from source.
import '../packages/react/src/styles.css';

// Play functions wait up to 5 s for the UI: `pnpm test` runs them next to every other project on 2 cores.
configure({ asyncUtilTimeout: 5000 });

const preview: Preview = {
  tags: ['autodocs'],
  loaders: [storyMocksLoader],
  decorators: [withMarketkit],
  globalTypes: {
    theme: {
      description: 'MarketKit theme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Locale for strings, amounts and dates',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'fr', title: 'Français' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en' },
  parameters: {
    layout: 'padded',
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
    // A violation fails the story's test, not just a warning in the panel.
    a11y: { test: 'error' },
    // Each key can be replaced per story (`msw: { handlers: { marketkit: [...] } }`).
    msw: {
      handlers: {
        marketkit: createMarketkitHandlers({ apiBase: STORYBOOK_API_BASE }),
        stripe: createStripeSandboxHandlers({
          checkouts: [checkoutFixture, checkoutFiveSellersFixture],
        }),
        connect: createConnectSandboxHandlers(),
      },
    },
  },
};

export default preview;
