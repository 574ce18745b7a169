import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { defineLibraryConfig } from '../../.config/rollup.shared.mjs';
import { LAZY_ENTRIES, lazyEntryFor } from './lazy-entries.mjs';

const root = import.meta.dirname;
const [javascript, declarations] = defineLibraryConfig({
  root,
  entries: {
    index: 'src/index.ts',
    'locales/fr': 'src/locales-fr.ts',
    ...Object.fromEntries(LAZY_ENTRIES.map(({ entry, source }) => [entry, source])),
  },
  banner: "'use client';",
  platform: 'browser',
});

// Published, each on-demand `import()` (lazy-entries.mjs) names the package's own entry, so bundlers split it
// off and pages that never need it never download it (a relative chunk would be inlined by bundlers that do
// not split, such as size-limit's).
function lazyEntries() {
  return {
    name: 'marketkit-lazy-entries',
    resolveId(source, importer) {
      const lazy = lazyEntryFor(source, importer);
      return lazy ? { id: `@marketkit/react/${lazy.entry}`, external: true } : null;
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
