// The parts of the package that load on demand, each when first needed. One list for the build
// (rollup.config.mjs) and the size report (size-why.mjs):
// - the embedded variants, with the onboarding dialog;
// - the English error and decline catalogues, on the first failure;
// - the onboarding button PayoutsPanel shows a seller without an account;
// - the table of every route, for `api.request(name)`;
// - RiskBanner's signals, once a seller has some;
// - PayoutsPanel's schedule form, once a seller opens it;
// - PlatformRiskTable's seller debts, once there are some;
// - SplitCheckout's payment step, with Stripe.js once the order exists.
// `request` is the relative `import()` in `from` (a file under src/); published, it names the package's
// own `entry`, built from `source`.
export const LAZY_ENTRIES = [
  {
    request: './embedded-components',
    from: 'embedded/lazy.tsx',
    entry: 'embedded',
    source: 'src/embedded/embedded-components.tsx',
  },
  {
    request: './error-messages',
    from: 'i18n/load-error-messages.ts',
    entry: 'error-messages',
    source: 'src/i18n/error-messages.ts',
  },
  {
    request: '../onboarding-button',
    from: 'payouts-panel/payouts-panel.tsx',
    entry: 'onboarding-button',
    source: 'src/onboarding-button/index.ts',
  },
  {
    request: './api-routes',
    from: 'provider/api-client.ts',
    entry: 'api-routes',
    source: 'src/provider/api-routes.ts',
  },
  {
    request: './risk-signals',
    from: 'risk-banner/risk-banner.tsx',
    entry: 'risk-signals',
    source: 'src/risk-banner/risk-signals.tsx',
  },
  {
    request: './schedule-editor',
    from: 'payouts-panel/payouts-panel.tsx',
    entry: 'payout-schedule-form',
    source: 'src/payouts-panel/schedule-editor.tsx',
  },
  {
    request: './seller-debts',
    from: 'platform-risk-table/platform-risk-table.tsx',
    entry: 'seller-debts',
    source: 'src/platform-risk-table/seller-debts.tsx',
  },
  {
    request: './payment-step',
    from: 'split-checkout/use-split-checkout.ts',
    entry: 'checkout-payment',
    source: 'src/split-checkout/payment-step.tsx',
  },
];

/** The lazy entry a dynamic `import(request)` in `importer` stands for, if any. */
export function lazyEntryFor(request, importer) {
  return LAZY_ENTRIES.find(
    (lazy) =>
      lazy.request === request && importer?.replaceAll('\\', '/').endsWith(`src/${lazy.from}`),
  );
}
