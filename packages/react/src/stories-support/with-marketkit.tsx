import type { Decorator } from '@storybook/react-vite';
import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { fr } from '../i18n';
import type { Messages } from '../i18n';
import { MarketkitProvider } from '../provider';
import type { MarketkitProviderProps } from '../provider';
import { STORYBOOK_PUBLISHABLE_KEY } from './constants';
import { storyApiBase } from './story-mocks';
import { useStoryTheme } from './story-theme';
import type { StoryTheme } from './story-theme';

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
  return (
    <StoryProvider
      settings={settings}
      // Each story its own apiBase: a Docs page renders every story of a component in one iframe.
      apiBase={settings.apiBase ?? storyApiBase(context.id)}
      toolbarTheme={context.globals.theme === 'dark' ? 'dark' : 'light'}
      toolbarLocale={String(context.globals.locale)}
    >
      <Story />
    </StoryProvider>
  );
};

interface StoryProviderProps {
  settings: MarketkitStoryParameters;
  apiBase: string;
  toolbarTheme: StoryTheme;
  toolbarLocale: string;
  children: ReactNode;
}

function StoryProvider({
  settings,
  apiBase,
  toolbarTheme,
  toolbarLocale,
  children,
}: StoryProviderProps) {
  const theme = useStoryTheme(toolbarTheme);
  const language = LOCALES[toolbarLocale] ?? LOCALES.en!;
  const appearance = useMemo(
    () => ({ ...settings.appearance, theme: settings.appearance?.theme ?? theme }),
    [settings.appearance, theme],
  );
  return (
    <MarketkitProvider
      apiBase={apiBase}
      publishableKey={settings.publishableKey ?? STORYBOOK_PUBLISHABLE_KEY}
      appearance={appearance}
      locale={settings.locale ?? language.tag}
      messages={settings.messages ?? language.messages}
      navigate={settings.navigate ?? noop}
      openWindow={settings.openWindow ?? noop}
    >
      <div className="mk-StoryCanvas">{children}</div>
    </MarketkitProvider>
  );
}
