import type { Preview } from '@storybook/react-vite';
import { initialize, mswLoader } from 'msw-storybook-addon';

// Requests nobody mocked (the live-sandbox stories) go to the network untouched.
initialize({ onUnhandledRequest: 'bypass', quiet: true });

const preview: Preview = {
  tags: ['autodocs'],
  loaders: [mswLoader],
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
  },
};

export default preview;
