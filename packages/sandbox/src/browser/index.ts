import { createSandboxStripeConnect } from './connect/create-sandbox-connect';
import { resolveSandboxOptions, type SandboxStripeOptions } from './options';
import { createSandboxStripeConstructor } from './stripe/create-sandbox-stripe';

export type { SandboxStripeOptions, SandboxGlobalConfig } from './options';
export type { SandboxAppearance, SandboxAppearanceVariables } from './appearance';
export type { SandboxStripeError } from './http';
export { STRIPE_JS_RELEASE_TRAIN } from './stripe/create-sandbox-stripe';

/** Options for {@link installSandboxStripe} plus hooks that tests and Storybook use. */
export interface InstallSandboxStripeOptions extends SandboxStripeOptions {
  /** Where `confirmPayment` sends the browser for `redirect: 'always'`; defaults to `location.assign`. */
  navigate?: (url: string) => void;
}

interface SandboxWindow {
  Stripe?: unknown;
  StripeConnect?: unknown;
}

const installed = new WeakMap<object, { Stripe: unknown; StripeConnect: unknown }>();

/**
 * Installs the sandbox stand-ins as `window.Stripe` and `window.StripeConnect`. Run it before any `@stripe/*`
 * module loads, so `loadStripe` and `loadConnectAndInitialize` find them instead of injecting js.stripe.com.
 */
export function installSandboxStripe(options: InstallSandboxStripeOptions): void {
  if (typeof window === 'undefined' || typeof document === 'undefined') {
    throw new Error(
      'installSandboxStripe() needs a browser `window`. Call it in client code (e.g. import "@marketkit/sandbox/browser/install" from your browser entry), not during server rendering.',
    );
  }
  const resolved = resolveSandboxOptions(options);
  const target = window as unknown as SandboxWindow;
  const previous = installed.get(window);
  if (
    !previous &&
    target.Stripe !== undefined &&
    !(target.Stripe as { _marketkitSandbox?: boolean })._marketkitSandbox
  ) {
    console.warn(
      'installSandboxStripe(): replacing an existing window.Stripe (was the real Stripe.js loaded first?).',
    );
  }
  const navigate = options.navigate ?? ((url: string) => window.location.assign(url));
  const Stripe = Object.assign(createSandboxStripeConstructor({ options: resolved, navigate }), {
    _marketkitSandbox: true,
  });
  target.Stripe = Stripe;
  target.StripeConnect = createSandboxStripeConnect(window, resolved.apiBase);
  installed.set(window, { Stripe: target.Stripe, StripeConnect: target.StripeConnect });
}

/** Removes what {@link installSandboxStripe} defined (custom elements stay registered: browsers cannot undefine them). */
export function uninstallSandboxStripe(): void {
  if (typeof window === 'undefined') return;
  const target = window as unknown as SandboxWindow;
  const current = installed.get(window);
  if (!current) return;
  if (target.Stripe === current.Stripe) delete target.Stripe;
  if (target.StripeConnect === current.StripeConnect) delete target.StripeConnect;
  installed.delete(window);
}
