import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { defineLibraryConfig } from '../../.config/rollup.shared.mjs';

const root = import.meta.dirname;
const [javascript, declarations] = defineLibraryConfig({
  root,
  entries: {
    index: 'src/index.ts',
    'locales/fr': 'src/locales-fr.ts',
    embedded: 'src/embedded/embedded-components.tsx',
    'error-messages': 'src/i18n/error-messages.ts',
    'onboarding-button': 'src/onboarding-button/index.ts',
    'api-routes': 'src/provider/api-routes.ts',
    'risk-signals': 'src/risk-banner/risk-signals.tsx',
    'payout-schedule-form': 'src/payouts-panel/schedule-editor.tsx',
    'seller-debts': 'src/platform-risk-table/seller-debts.tsx',
  },
  banner: "'use client';",
  platform: 'browser',
});

// What loads on demand, each when first needed:
// - the embedded variants (`import('./embedded-components')`), with the onboarding dialog;
// - the English error and decline catalogues, on the first failure (`import('./error-messages')`);
// - the onboarding button PayoutsPanel shows a seller without an account (`import('../onboarding-button')`);
// - the table of every route, for `api.request(name)` (`import('./api-routes')`);
// - RiskBanner's signals, once a seller has some (`import('./risk-signals')`);
// - PayoutsPanel's schedule form, once a seller opens it (`import('./schedule-editor')`);
// - PlatformRiskTable's seller debts, once there are some (`import('./seller-debts')`).
// Published, each import names the package's own entry, so bundlers split it off and pages that never need
// it never download it (a relative chunk would be inlined by bundlers that do not split, such as
// size-limit's).
const LAZY_ENTRIES = [
  ['./embedded-components', join('embedded', 'lazy.tsx'), '@marketkit/react/embedded'],
  ['./error-messages', join('i18n', 'load-error-messages.ts'), '@marketkit/react/error-messages'],
  [
    '../onboarding-button',
    join('payouts-panel', 'payouts-panel.tsx'),
    '@marketkit/react/onboarding-button',
  ],
  ['./api-routes', join('provider', 'api-client.ts'), '@marketkit/react/api-routes'],
  ['./risk-signals', join('risk-banner', 'risk-banner.tsx'), '@marketkit/react/risk-signals'],
  [
    './schedule-editor',
    join('payouts-panel', 'payouts-panel.tsx'),
    '@marketkit/react/payout-schedule-form',
  ],
  [
    './seller-debts',
    join('platform-risk-table', 'platform-risk-table.tsx'),
    '@marketkit/react/seller-debts',
  ],
];
function lazyEntries() {
  return {
    name: 'marketkit-lazy-entries',
    resolveId(source, importer) {
      for (const [request, from, entry] of LAZY_ENTRIES) {
        if (source === request && importer?.endsWith(from)) return { id: entry, external: true };
      }
      return null;
    },
  };
}

// Components do not import their CSS (that would need a bundler in every app). `src/styles.css` lists
// them with `@import`; the build inlines those into the one public stylesheet, `@marketkit/react/styles.css`.
function bundleStyles() {
  const entry = join(root, 'src', 'styles.css');
  const imported = () =>
    [...readFileSync(entry, 'utf8').matchAll(/^@import '(.+)';$/gm)].map((match) =>
      join(root, 'src', match[1]),
    );
  return {
    name: 'marketkit-styles',
    buildStart() {
      this.addWatchFile(entry);
      for (const file of imported()) this.addWatchFile(file);
    },
    generateBundle(outputOptions) {
      // Both outputs share dist/; emit the stylesheet once.
      if (outputOptions.format !== 'es') return;
      const source = imported()
        .map((file) => `/* ${relative(root, file)} */\n${readFileSync(file, 'utf8')}`)
        .join('\n');
      this.emitFile({ type: 'asset', fileName: 'styles.css', source });
    },
  };
}

export default [
  {
    ...javascript,
    plugins: [lazyEntries(), ...javascript.plugins, bundleStyles()],
    // Without bare `import './chunk.js'` lines hoisted into every entry: each entry imports only what it uses.
    output: javascript.output.map((output) => ({ ...output, hoistTransitiveImports: false })),
  },
  declarations,
];
