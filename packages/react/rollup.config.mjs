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
  },
  banner: "'use client';",
  platform: 'browser',
});

// The embedded variants load through `import('./embedded-components')`. Published, that import names the
// package's own `./embedded` entry, so bundlers split it off and pages without `variant="embedded"` never
// download it (a relative chunk would be inlined by bundlers that do not split, such as size-limit's).
function embeddedEntry() {
  return {
    name: 'marketkit-embedded-entry',
    resolveId(source, importer) {
      if (source === './embedded-components' && importer?.endsWith(join('embedded', 'lazy.tsx'))) {
        return { id: '@marketkit/react/embedded', external: true };
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
  { ...javascript, plugins: [embeddedEntry(), ...javascript.plugins, bundleStyles()] },
  declarations,
];
