import { createContext, useContext, useEffect, useMemo, useRef } from 'react';
import type { CSSProperties, ReactNode } from 'react';
import { rootCssVariables } from '../theme/css-variables';
import type { Appearance } from '../theme/appearance';
import { createTranslator } from '../i18n/format';
import type { Translator } from '../i18n/format';
import type { Messages } from '../i18n/messages';
import { createApiClient } from './api-client';
import type { ApiClient } from './api-client';

export interface MarketkitProviderProps {
  /** Where the app mounted `createMarketkitRouter`, e.g. `/api/marketkit` or `https://api.example.com/marketkit`. */
  apiBase: string;
  /** Stripe publishable key (`pk_test_…` / `pk_live_…`) for Elements and Connect embedded components. */
  publishableKey: string;
  /** Stripe Appearance API names; one theme for the kit, Elements and Connect. */
  appearance?: Appearance;
  /** BCP 47 locale for every string, amount and date. Default `'en-US'`. */
  locale?: string;
  /** Overrides for any message of the catalogue. */
  messages?: Partial<Messages>;
  /** A fetch implementation (tests, custom transports). Default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Extra headers per request, e.g. a bearer token when the app does not use cookies. */
  getHeaders?: () => Record<string, string>;
  /** How to leave the page for Stripe (account links). Default `window.location.assign`. */
  navigate?: (url: string) => void;
  /** How to open a link in a new tab (Express Dashboard). Default: a tab opened during the click, detached (`opener = null`). */
  openWindow?: (url: string) => void;
  children?: ReactNode;
}

export interface MarketkitContextValue {
  api: ApiClient;
  publishableKey: string;
  appearance: Appearance;
  locale: string;
  /** The app's message overrides (or a whole catalogue such as `fr`). */
  messages: Partial<Messages> | undefined;
  /** Formats with the app's messages only; components layer their English defaults on top. */
  translator: Translator;
  navigate: (url: string) => void;
  /** The app's way to open a link in a new tab, if it gave one (`openLinkInNewTab` falls back to a tab opened during the click). */
  openWindow: ((url: string) => void) | undefined;
}

const MarketkitContext = createContext<MarketkitContextValue | null>(null);

function defaultNavigate(url: string) {
  window.location.assign(url);
}

/** Gives every MarketKit component its server, Stripe key, theme and language. */
export function MarketkitProvider({
  apiBase,
  publishableKey,
  appearance,
  locale = 'en-US',
  messages,
  fetch,
  getHeaders,
  navigate = defaultNavigate,
  openWindow,
  children,
}: MarketkitProviderProps) {
  // Inline `fetch` / `getHeaders` functions change identity every render; read the latest through a ref
  // so the client (and every hook's data) stays stable instead of refetching on each parent render.
  const transport = useRef({ fetch, getHeaders });
  useEffect(() => {
    transport.current = { fetch, getHeaders };
  });
  const api = useMemo(
    () =>
      createApiClient({
        apiBase,
        fetch: (input, init) => (transport.current.fetch ?? globalThis.fetch)(input, init),
        getHeaders: () => transport.current.getHeaders?.() ?? {},
      }),
    [apiBase],
  );
  const translator = useMemo(() => createTranslator(locale, messages), [locale, messages]);
  const resolvedAppearance = useMemo(() => appearance ?? {}, [appearance]);
  const value = useMemo<MarketkitContextValue>(
    () => ({
      api,
      publishableKey,
      appearance: resolvedAppearance,
      locale,
      messages,
      translator,
      navigate,
      openWindow,
    }),
    [api, publishableKey, resolvedAppearance, locale, messages, translator, navigate, openWindow],
  );
  const style = useMemo(
    () => rootCssVariables(resolvedAppearance) as CSSProperties,
    [resolvedAppearance],
  );
  return (
    <MarketkitContext.Provider value={value}>
      <div
        className="mk-Root"
        data-theme={resolvedAppearance.theme ?? 'light'}
        style={style}
        lang={locale}
      >
        {children}
      </div>
    </MarketkitContext.Provider>
  );
}

/**
 * The provider's context. `name` is the component or hook asking, so a missing provider names the
 * culprit and the fix; `defaults` are that component's English messages, under the app's overrides.
 */
export function useMarketkit(
  name = 'useMarketkit',
  defaults?: Partial<Messages>,
): MarketkitContextValue {
  const context = useContext(MarketkitContext);
  const locale = context?.locale;
  const messages = context?.messages;
  const translator = useMemo(
    () => (defaults && locale ? createTranslator(locale, messages, defaults) : undefined),
    [defaults, locale, messages],
  );
  if (!context) {
    throw new Error(
      `\`${name}\` must be inside <MarketkitProvider>. Wrap your app (or this part of it) in ` +
        `<MarketkitProvider apiBase="/api/marketkit" publishableKey="pk_test_…">…</MarketkitProvider> ` +
        `from @marketkit/react.`,
    );
  }
  return translator ? { ...context, translator } : context;
}
