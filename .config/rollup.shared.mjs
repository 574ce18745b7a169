// Shared library build: ESM + CJS + one bundled .d.ts per entry. Dependencies stay external.
import { builtinModules } from 'node:module';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import esbuild from 'rollup-plugin-esbuild';
import dts from 'rollup-plugin-dts';

/**
 * @param {{ root: string, entries: Record<string, string>, banner?: string, platform?: 'node' | 'neutral' | 'browser', copy?: string[] }} options
 * `entries` maps an output name (e.g. "index") to a source file (e.g. "src/index.ts").
 */
export function defineLibraryConfig({ root, entries, banner, platform = 'neutral' }) {
  const browser = platform !== 'node';
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const externalNames = [
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.peerDependencies ?? {}),
    ...Object.keys(pkg.optionalDependencies ?? {}),
  ];
  const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
  const external = (id) =>
    builtins.has(id) || externalNames.some((name) => id === name || id.startsWith(`${name}/`));
  const input = Object.fromEntries(
    Object.entries(entries).map(([name, file]) => [name, join(root, file)]),
  );
  const target = platform === 'node' ? 'node20' : 'es2022';
  // Start from an empty dist so renamed entries and old chunks never ship.
  const cleanDist = {
    name: 'clean-dist',
    buildStart: () => rmSync(join(root, 'dist'), { recursive: true, force: true }),
  };
  return [
    {
      input,
      external,
      plugins: [
        cleanDist,
        esbuild({ target, jsx: 'automatic', tsconfig: join(root, 'tsconfig.json') }),
      ],
      output: [
        {
          dir: join(root, 'dist'),
          format: 'es',
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          banner,
          // For the browser, one file per source module: an app's bundler then drops every module the page
          // does not use, with its imports. In shared chunks it could not: one component's import of a
          // package with side effects (@stripe/react-stripe-js) loaded with every other component, and a
          // module that code loaded on demand shares with the first load came whole into the first load.
          ...(browser ? { preserveModules: true, preserveModulesRoot: join(root, 'src') } : {}),
        },
        {
          dir: join(root, 'dist'),
          format: 'cjs',
          entryFileNames: '[name].cjs',
          chunkFileNames: 'chunks/[name]-[hash].cjs',
          banner,
          exports: 'named',
          // A part loaded on demand is `require`d, not `import()`ed: `import()` would resolve its ESM entry,
          // whose modules (the provider's React context among them) are not the ones this build runs.
          dynamicImportInCjs: false,
        },
      ],
      onwarn(warning, warn) {
        // 'use client' directives are kept through `banner`; rollup's notice about dropping them is noise.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
    {
      input,
      external: (id) => external(id) || id.endsWith('.css'),
      plugins: [dts({ tsconfig: join(root, 'tsconfig.json') })],
      output: [
        {
          dir: join(root, 'dist'),
          format: 'es',
          entryFileNames: '[name].d.ts',
          chunkFileNames: 'chunks/[name]-[hash].d.ts',
        },
        {
          dir: join(root, 'dist'),
          format: 'cjs',
          entryFileNames: '[name].d.cts',
          chunkFileNames: 'chunks/[name]-[hash].d.cts',
        },
      ],
    },
  ];
}
