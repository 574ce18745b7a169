// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installSandboxStripe, uninstallSandboxStripe } from './index';

type StripeFunction = ((key: string) => Record<string, unknown>) & { version: string };
const windowStripe = () => (window as unknown as { Stripe?: StripeFunction }).Stripe;

afterEach(() => {
  uninstallSandboxStripe();
  delete globalThis.__MARKETKIT_SANDBOX__;
  document.head.innerHTML = '';
  vi.restoreAllMocks();
  vi.resetModules();
});

describe('installSandboxStripe', () => {
  it('refuses a live publishable key at install time', () => {
    expect(() =>
      installSandboxStripe({ apiBase: 'http://127.0.0.1:1', publishableKey: 'pk_live_123' }),
    ).toThrow(/refusing a live key/);
    expect(windowStripe()).toBeUndefined();
  });

  it('refuses a live key and a secret key when the page calls Stripe(key)', () => {
    installSandboxStripe({ apiBase: 'http://127.0.0.1:1' });
    const Stripe = windowStripe()!;
    expect(() => Stripe('pk_live_abc')).toThrow(/refusing a live key/);
    expect(() => Stripe('sk_test_abc')).toThrow(/secret key must never reach the browser/);
    expect(typeof Stripe('pk_test_abc').confirmPayment).toBe('function');
  });

  it('rejects a missing or relative apiBase with the fix in the message', () => {
    expect(() => installSandboxStripe({ apiBase: '' })).toThrow(/`apiBase` is required/);
    expect(() => installSandboxStripe({ apiBase: '/api' })).toThrow(/must be an absolute URL/);
  });

  it('is what loadStripe resolves to, with no script tag injected and no version warning', async () => {
    installSandboxStripe({ apiBase: 'http://127.0.0.1:1' });
    const warn = vi.spyOn(console, 'warn');
    const { loadStripe } = await import('@stripe/stripe-js');
    const stripe = (await loadStripe('pk_test_123')) as unknown as {
      _sandboxRegistrations(): { wrappers: Array<{ name: string }> };
    };
    expect(stripe._sandboxRegistrations().wrappers.map((wrapper) => wrapper.name)).toEqual([
      'stripe-js',
    ]);
    expect(document.querySelector('script[src*="js.stripe.com"]')).toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });

  it('is what loadConnectAndInitialize uses, creating a custom element for every connect-js tag', async () => {
    installSandboxStripe({ apiBase: 'http://127.0.0.1:1' });
    // connect-js always notes that a Connect.js is already on the page; that is the point here.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const connectJs = await import('@stripe/connect-js');
    const instance = connectJs.loadConnectAndInitialize({
      publishableKey: 'pk_test_123',
      fetchClientSecret: async () => 'accs_secret_unused',
    });
    await (instance as unknown as { debugInstance(): Promise<unknown> }).debugInstance();
    for (const tagName of connectJs.connectElementTagNames) {
      expect(customElements.get(`stripe-connect-${tagName}`), tagName).toBeDefined();
    }
    expect(document.querySelector('script[src*="connect-js.stripe.com"]')).toBeNull();
    expect(warn.mock.calls.flat().join()).toMatch(/existing Connect.js script/);
  });

  it('refuses a live key in StripeConnect.init', () => {
    installSandboxStripe({ apiBase: 'http://127.0.0.1:1' });
    const StripeConnect = (
      window as unknown as { StripeConnect: { init(params: unknown): unknown } }
    ).StripeConnect;
    expect(() =>
      StripeConnect.init({ publishableKey: 'pk_live_1', fetchClientSecret: async () => 'x' }),
    ).toThrow(/refusing a live key/);
  });

  it('uninstalls only what it installed', () => {
    installSandboxStripe({ apiBase: 'http://127.0.0.1:1' });
    uninstallSandboxStripe();
    expect(windowStripe()).toBeUndefined();
    expect('StripeConnect' in window).toBe(false);
  });
});

describe('@marketkit/sandbox/browser/install', () => {
  it('reads the sandbox address from globalThis.__MARKETKIT_SANDBOX__', async () => {
    globalThis.__MARKETKIT_SANDBOX__ = { apiBase: 'http://127.0.0.1:2' };
    await import('./install');
    expect(windowStripe()?.version).toBe('endive');
  });

  it('reads the sandbox address from a meta tag', async () => {
    document.head.innerHTML = '<meta name="marketkit-sandbox" content="http://127.0.0.1:3">';
    await import('./install');
    expect(typeof windowStripe()).toBe('function');
  });

  it('fails loudly when no address is configured', async () => {
    await expect(import('./install')).rejects.toThrow(/no sandbox address/);
  });
});
