import type { Decorator } from '@storybook/react-vite';
import { fr } from '../i18n';
import type { Messages } from '../i18n';
import { MarketkitProvider } from '../provider';
import type { MarketkitProviderProps } from '../provider';
import { STORYBOOK_PUBLISHABLE_KEY } from './constants';
import { storyApiBase } from './story-mocks';

/** Story-level provider settings: `parameters: { marketkit: { navigate: fn() } }`. */
export type MarketkitStoryParameters = Partial<
  Pick<
    MarketkitProviderProps,
    'apiBase' | 'publishableKey' | 'appearance' | 'messages' | 'navigate' | 'openWindow' | 'locale'
  >
>;

/** The toolbar's locales: a BCP 47 tag for `Intl` and the catalogue the app would pass as `messages`. */
const LOCALES: Record<string, { tag: string; messages?: Messages }> = {
  en: { tag: 'en-US' },
  fr: { tag: 'fr-FR', messages: fr },
};

const noop = () => undefined;

/**
 * Wraps every story in `MarketkitProvider` with the toolbar's theme and locale. Navigation and new tabs
 * are no-ops unless a story passes spies, so clicking through a story never leaves Storybook.
 */
export const withMarketkit: Decorator = (Story, context) => {
  const settings = (context.parameters.marketkit ?? {}) as MarketkitStoryParameters;
  const theme = context.globals.theme === 'dark' ? 'dark' : 'light';
  const language = LOCALES[String(context.globals.locale)] ?? LOCALES.en!;
  const locale = settings.locale ?? language.tag;
  const appearance = { ...settings.appearance, theme: settings.appearance?.theme ?? theme };
  return (
    <MarketkitProvider
      apiBase={settings.apiBase ?? storyApiBase(context.id)}
      publishableKey={settings.publishableKey ?? STORYBOOK_PUBLISHABLE_KEY}
      appearance={appearance}
      locale={locale}
      messages={settings.messages ?? language.messages}
      navigate={settings.navigate ?? noop}
      openWindow={settings.openWindow ?? noop}
    >
      <div className="mk-StoryCanvas">
        <Story />
      </div>
    </MarketkitProvider>
  );
};
