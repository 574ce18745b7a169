import {
  StrictMode,
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { createRoot } from 'react-dom/client';
import { MarketkitProvider, type Appearance } from '@marketkit/react';
import { fr } from '@marketkit/react/locales/fr';
import '@marketkit/react/styles.css';
import { demoFetch, type DemoConfig, type SessionUser } from './api';
import { useCart } from './cart';
import { navigateTo, useHashRoute, type Route } from './use-hash-route';
import {
  DemoTranslatorContext,
  createDemoTranslator,
  useDemoTranslator,
  type Language,
} from './i18n';
import { SandboxClock } from './sandbox-clock';
import { useFocusOnNavigation } from './use-focus-on-navigation';
import { SignInPage } from './pages/sign-in-page';
import { CataloguePage } from './pages/catalogue-page';
import { CartPage } from './pages/cart-page';
import { CheckoutPage } from './pages/checkout-page';
import { OrdersPage } from './pages/orders-page';
import { OrderPage } from './pages/order-page';
import { SellerPage } from './pages/seller-page';
import { AdminPage } from './pages/admin-page';

type ColorScheme = 'light' | 'dark';

interface DemoContextValue {
  config: DemoConfig;
  user: SessionUser | null;
  setUser(user: SessionUser | null): void;
}

const DemoContext = createContext<DemoContextValue | null>(null);

export function useDemo(): DemoContextValue {
  const context = useContext(DemoContext);
  if (!context) throw new Error('useDemo must be used inside <App>.');
  return context;
}

const COLOR_SCHEME_KEY = 'marketkit-demo-color-scheme';
const LANGUAGE_KEY = 'marketkit-demo-language';

function initialLanguage(): Language {
  const stored = window.localStorage.getItem(LANGUAGE_KEY);
  if (stored === 'en' || stored === 'fr') return stored;
  return window.navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

function initialColorScheme(): ColorScheme {
  const stored = window.localStorage.getItem(COLOR_SCHEME_KEY);
  if (stored === 'light' || stored === 'dark') return stored;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

// The demo's brand on top of the kit's presets: one appearance styles the shell, the kit, Elements and Connect.
function appearanceFor(scheme: ColorScheme): Appearance {
  return {
    theme: scheme,
    variables: {
      colorPrimary: scheme === 'dark' ? '#8f9bff' : '#4b45c6',
      fontFamily: '"Liberation Sans", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      borderRadius: '10px',
    },
  };
}

function withArticle(roles: SessionUser['role'][]): string {
  const first = roles[0] ?? '';
  return `${/^[aeiou]/.test(first) ? 'an' : 'a'} ${roles.join(' or ')}`;
}

function RequireRole({
  roles,
  children,
}: {
  roles: SessionUser['role'][];
  children: React.ReactNode;
}) {
  const { user } = useDemo();
  if (!user) {
    return (
      <section className="demo-Notice">
        <h1>Sign in to continue</h1>
        <p>
          This page needs {withArticle(roles)} account. <a href="#/sign-in">Choose a demo user</a>.
        </p>
      </section>
    );
  }
  if (!roles.includes(user.role)) {
    return (
      <section className="demo-Notice">
        <h1>Not available for {user.displayName}</h1>
        <p>
          This page is for {withArticle(roles)}. <a href="#/sign-in">Switch user</a>.
        </p>
      </section>
    );
  }
  return <>{children}</>;
}

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'sign-in':
      return <SignInPage />;
    case 'catalogue':
      return <CataloguePage />;
    case 'cart':
      return <CartPage />;
    case 'checkout':
      return (
        <RequireRole roles={['buyer']}>
          <CheckoutPage />
        </RequireRole>
      );
    case 'orders':
      return (
        <RequireRole roles={['buyer', 'admin']}>
          <OrdersPage />
        </RequireRole>
      );
    case 'order':
      return (
        <RequireRole roles={['buyer', 'admin']}>
          <OrderPage orderId={route.orderId} />
        </RequireRole>
      );
    case 'seller':
      return (
        <RequireRole roles={['seller']}>
          <SellerPage />
        </RequireRole>
      );
    case 'admin':
      return (
        <RequireRole roles={['admin']}>
          <AdminPage />
        </RequireRole>
      );
    case 'not-found':
      return (
        <section className="demo-Notice">
          <h1>Page not found</h1>
          <p>
            Nothing lives at <code>{route.path}</code>. <a href="#/">Back to the shop</a>.
          </p>
        </section>
      );
  }
}

function Header({
  scheme,
  onToggleScheme,
  onToggleLanguage,
}: {
  scheme: ColorScheme;
  onToggleScheme(): void;
  onToggleLanguage(): void;
}) {
  const { user, setUser, config } = useDemo();
  const { t, language } = useDemoTranslator();
  const cart = useCart();
  const count = cart.reduce((sum, item) => sum + item.quantity, 0);
  const signOut = useCallback(async () => {
    await demoFetch('/api/session', { method: 'DELETE' });
    setUser(null);
    navigateTo('/sign-in');
  }, [setUser]);
  return (
    <header className="demo-Header">
      <a className="demo-Brand" href="#/">
        <span aria-hidden="true" className="demo-Logo" />
        Makers Market
      </a>
      <nav aria-label={t('nav.main')} className="demo-Nav">
        <a href="#/">{t('nav.shop')}</a>
        <a href="#/cart">
          {t('nav.cart')}
          {count > 0 ? (
            <span className="demo-Badge" aria-label={t('header.items', { count })}>
              {count}
            </span>
          ) : null}
        </a>
        {user?.role === 'buyer' || user?.role === 'admin' ? (
          <a href="#/orders">{t('nav.orders')}</a>
        ) : null}
        {user?.role === 'seller' ? <a href="#/seller">{t('nav.seller')}</a> : null}
        {user?.role === 'admin' ? <a href="#/admin">{t('nav.admin')}</a> : null}
      </nav>
      <div className="demo-HeaderEnd">
        {config.mode === 'sandbox' ? (
          <SandboxClock />
        ) : (
          <span className="demo-Mode" data-mode="stripe">
            {t('mode.stripe')}
          </span>
        )}
        <button
          type="button"
          className="demo-Button demo-Button--ghost"
          lang={language === 'en' ? 'fr' : 'en'}
          aria-label={t('header.languageLabel')}
          onClick={onToggleLanguage}
        >
          {t('header.language')}
        </button>
        <button
          type="button"
          className="demo-Button demo-Button--ghost"
          aria-pressed={scheme === 'dark'}
          onClick={onToggleScheme}
        >
          {t('header.darkMode')}
        </button>
        {user ? (
          <>
            <span className="demo-User" data-testid="signed-in-user">
              {user.displayName}
            </span>
            <button
              type="button"
              className="demo-Button demo-Button--ghost"
              onClick={() => void signOut()}
            >
              {t('header.signOut')}
            </button>
          </>
        ) : (
          <a className="demo-Button" href="#/sign-in">
            {t('header.signIn')}
          </a>
        )}
      </div>
    </header>
  );
}

function App({ config, initialUser }: { config: DemoConfig; initialUser: SessionUser | null }) {
  const [user, setUser] = useState<SessionUser | null>(initialUser);
  const [scheme, setScheme] = useState<ColorScheme>(initialColorScheme);
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const translator = useMemo(() => createDemoTranslator(language), [language]);
  const route = useHashRoute();
  useFocusOnNavigation(route);
  const appearance = useMemo(() => appearanceFor(scheme), [scheme]);
  const context = useMemo(() => ({ config, user, setUser }), [config, user]);

  useEffect(() => {
    document.documentElement.dataset.theme = scheme;
    window.localStorage.setItem(COLOR_SCHEME_KEY, scheme);
  }, [scheme]);

  useEffect(() => {
    document.documentElement.lang = language;
    window.localStorage.setItem(LANGUAGE_KEY, language);
  }, [language]);

  return (
    <DemoContext.Provider value={context}>
      <DemoTranslatorContext.Provider value={translator}>
        {/* Keyed by user: the kit's hooks refetch everything for whoever is signed in now. */}
        <MarketkitProvider
          key={user?.userId ?? 'anonymous'}
          apiBase="/api/marketkit"
          publishableKey={config.publishableKey}
          appearance={appearance}
          // The kit's words, amounts and dates, and Stripe's card form (Elements' `locale`), follow the switch.
          locale={translator.locale}
          messages={language === 'fr' ? fr : undefined}
        >
          <div className="demo-Shell" data-route={route.name}>
            <Header
              scheme={scheme}
              onToggleScheme={() => setScheme((current) => (current === 'dark' ? 'light' : 'dark'))}
              onToggleLanguage={() => setLanguage((current) => (current === 'fr' ? 'en' : 'fr'))}
            />
            <main className="demo-Main">
              <Page route={route} />
            </main>
            <footer className="demo-Footer">
              {translator.t(config.mode === 'sandbox' ? 'footer.sandbox' : 'footer.stripe')}
            </footer>
          </div>
        </MarketkitProvider>
      </DemoTranslatorContext.Provider>
    </DemoContext.Provider>
  );
}

export function mountApp(element: HTMLElement): void {
  const root = createRoot(element);
  void Promise.all([
    demoFetch<DemoConfig>('/api/demo/config'),
    demoFetch<{ user: SessionUser | null }>('/api/session'),
  ]).then(
    ([config, session]) => {
      // StrictMode's double mount also guards the kit: SplitCheckout must still create one order per visit
      // (the checkout e2e test counts them).
      root.render(
        <StrictMode>
          <App config={config} initialUser={session.user} />
        </StrictMode>,
      );
    },
    (error: unknown) => {
      root.render(
        <p role="alert" className="demo-Notice">
          The demo server did not answer: {error instanceof Error ? error.message : String(error)}
        </p>,
      );
    },
  );
}
