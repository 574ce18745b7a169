/** Options for {@link installSandboxStripe}. */
export interface SandboxStripeOptions {
  /** Base URL of a running `@marketkit/sandbox`, e.g. `http://127.0.0.1:12111`. */
  apiBase: string;
  /**
   * Optional publishable key the page is expected to use. When given it must be a test key; keys passed to
   * `Stripe(key)` are checked again either way.
   */
  publishableKey?: string;
}

/** The configuration `@marketkit/sandbox/browser/install` reads from `globalThis.__MARKETKIT_SANDBOX__`. */
export interface SandboxGlobalConfig {
  apiBase: string;
  publishableKey?: string;
}

export interface ResolvedSandboxOptions {
  apiBase: string;
  publishableKey: string | undefined;
}

/** Throws when a key could move real money; the stand-ins only ever talk to the sandbox. */
export function assertTestPublishableKey(key: unknown, caller: string): asserts key is string {
  if (typeof key !== 'string' || key.length === 0) {
    throw new TypeError(`${caller}: expected a publishable key string such as "pk_test_…".`);
  }
  if (key.startsWith('pk_live_') || key.startsWith('sk_live_') || key.startsWith('rk_live_')) {
    throw new Error(
      `${caller}: refusing a live key. The MarketKit sandbox stand-ins only accept test keys (pk_test_…); ` +
        'remove the sandbox install import from production builds or use the sandbox publishable key.',
    );
  }
  if (key.startsWith('sk_') || key.startsWith('rk_')) {
    throw new Error(
      `${caller}: a secret key must never reach the browser; pass the publishable key (pk_test_…).`,
    );
  }
}

export function resolveSandboxOptions(
  options: SandboxStripeOptions | undefined,
): ResolvedSandboxOptions {
  if (!options || typeof options.apiBase !== 'string' || options.apiBase.length === 0) {
    throw new TypeError(
      'installSandboxStripe: `apiBase` is required, e.g. installSandboxStripe({ apiBase: "http://127.0.0.1:12111" }).',
    );
  }
  let url: URL;
  try {
    url = new URL(options.apiBase);
  } catch {
    throw new TypeError(
      `installSandboxStripe: \`apiBase\` must be an absolute URL, got "${options.apiBase}".`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(
      `installSandboxStripe: \`apiBase\` must be an http(s) URL, got "${options.apiBase}".`,
    );
  }
  if (options.publishableKey !== undefined) {
    assertTestPublishableKey(options.publishableKey, 'installSandboxStripe');
  }
  return { apiBase: options.apiBase.replace(/\/+$/, ''), publishableKey: options.publishableKey };
}
