// `pnpm --filter @marketkit/react run size:why [entry]`: where each size-limit entry's bytes go, offline.
// Bundles the entry's imports from source (so each file is its own module) the way size-limit bundles dist/,
// then prints each file's marginal gzip cost: the bundle's gzip size minus its size without that file.
// Totals differ from size-limit's by a few percent (source vs built output); the ranking is what matters.
import { createRequire } from 'node:module';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { lazyEntryFor } from './lazy-entries.mjs';

const root = import.meta.dirname;
// esbuild arrives with size-limit's preset; reach it through the plugin rather than a second copy.
const fromPreset = createRequire(
  createRequire(join(root, 'package.json')).resolve('@size-limit/preset-small-lib'),
);
const esbuild = createRequire(fromPreset.resolve('@size-limit/esbuild'))('esbuild');

// Entries that load on demand stay out of the first load, as in the published build (lazy-entries.mjs).
const lazyEntries = (ignored) => ({
  name: 'lazy-entries',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, ({ path, importer }) => {
      const lazy = lazyEntryFor(path, importer);
      const entry = lazy && `@marketkit/react/${lazy.entry}`;
      return entry && ignored.includes(entry) ? { path: entry, external: true } : undefined;
    });
  },
});

const gzip = (code) => gzipSync(code, { level: 9 }).length;
const checks = JSON.parse(readFileSync(join(root, '.size-limit.json'), 'utf8')).filter(
  (check) =>
    check.path === 'dist/index.js' && (!process.argv[2] || check.name.includes(process.argv[2])),
);
const entry = join(root, 'src', '.size-why-entry.ts');
try {
  for (const check of checks) {
    const names = check.import.replace(/[{}]/g, '').trim();
    writeFileSync(
      entry,
      names === '*'
        ? `import * as all from './index';\nconsole.log(all);\n`
        : `import { ${names} } from './index';\nconsole.log(${names});\n`,
    );
    const external = [...check.ignore, 'react/jsx-runtime', '@stripe/*'];
    const options = {
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: 'esm',
      jsx: 'automatic',
      conditions: ['@marketkit/source'],
      external,
      plugins: [lazyEntries(check.ignore)],
      logLevel: 'silent',
    };
    // Unminified whitespace keeps esbuild's `// path` comment before each module's code.
    const readable = (
      await esbuild.build({ ...options, minifySyntax: true, minifyIdentifiers: true })
    ).outputFiles[0].text;
    const parts = readable.split(/^\/\/ (\S+)$/m);
    const modules = new Map();
    for (let index = 1; index < parts.length; index += 2) {
      modules.set(parts[index], (modules.get(parts[index]) ?? '') + parts[index + 1]);
    }
    const minified = async (code) =>
      (await esbuild.transform(code, { minifyWhitespace: true })).code;
    const total = gzip(await minified(parts[0] + [...modules.values()].join('\n')));
    const rows = [];
    for (const [file, code] of modules) {
      const others = [...modules].filter(([other]) => other !== file).map(([, text]) => text);
      rows.push([total - gzip(await minified(parts[0] + others.join('\n'))), file, code.length]);
    }
    console.log(`\n${check.name}\n  ${total} B gzip from source (size-limit measures dist/)`);
    for (const [bytes, file] of rows.sort((a, b) => b[0] - a[0])) {
      if (bytes > 0 && !file.includes('.size-why-entry'))
        console.log(`  ${String(bytes).padStart(6)} B  ${file}`);
    }
  }
} finally {
  rmSync(entry, { force: true });
}
