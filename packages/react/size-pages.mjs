// `node size-pages.mjs` (run by `pnpm check`, after `pnpm build`): builds, from dist/, one page per component
// the way an app's bundler does (Vite, so Rollup), and writes what each page loads first to .size-pages/ for
// size-limit to weigh (`"esbuild": false` checks in .size-limit.json). The esbuild checks drop unused code
// statement by statement; an app's bundler keeps whole modules, so a module that a part loaded on demand
// shares with the first load comes whole into the first load, and a package without `sideEffects: false`
// (every @stripe/* package) stays once imported. Fails when a page's first load carries any of Stripe's code:
// no page needs it before there is something to pay (SplitCheckout's payment step brings it, with Stripe.js).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, transformWithEsbuild } from 'vite';

const root = import.meta.dirname;
const output = join(root, '.size-pages');
const workspace = join(output, 'source');

/** Each page: its file under .size-pages/ and what it imports. */
const PAGES = [
  { file: 'risk-banner', imports: 'MarketkitProvider, RiskBanner' },
  { file: 'onboarding-button', imports: 'MarketkitProvider, OnboardingButton' },
  { file: 'platform-risk-table', imports: 'MarketkitProvider, PlatformRiskTable' },
  { file: 'payouts-panel', imports: 'MarketkitProvider, PayoutsPanel' },
  { file: 'split-checkout', imports: 'MarketkitProvider, SplitCheckout' },
];

/** The chunks of a Vite build of `source`, React external (and Stripe's packages, when `external` says so). */
async function bundle(name, source, external) {
  const directory = join(workspace, name);
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, 'page.js'), source);
  const result = await build({
    root: directory,
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      // Minified below as an app build minifies (a library build keeps ES output's whitespace).
      minify: false,
      // As a library build, so without Vite's own preload helper: the bytes counted are the kit's.
      lib: { entry: join(directory, 'page.js'), formats: ['es'], fileName: 'page' },
      rollupOptions: {
        external: ['react', 'react-dom', 'react/jsx-runtime', ...external],
      },
    },
  });
  const chunks = [result]
    .flat()
    .flatMap((each) => each.output)
    .filter((chunk) => chunk.type === 'chunk');
  for (const chunk of chunks)
    chunk.code = (
      await transformWithEsbuild(chunk.code, chunk.fileName, { minify: true, format: 'esm' })
    ).code;
  return chunks;
}

/** The entry chunk and every chunk it imports statically: what the page loads before anything on demand. */
function staticallyLoaded(chunks) {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const loaded = new Set();
  const visit = (chunk) => {
    if (loaded.has(chunk)) return;
    loaded.add(chunk);
    for (const name of chunk.imports) if (byName.has(name)) visit(byName.get(name));
  };
  visit(chunks.find((chunk) => chunk.isEntry));
  return [...loaded];
}

rmSync(output, { recursive: true, force: true });
const problems = [];
try {
  for (const page of PAGES) {
    const chunks = await bundle(
      page.file,
      `import { ${page.imports} } from '@marketkit/react';\nconsole.log(${page.imports});\n`,
      // Stripe's packages are bundled, so that a first load carrying them shows and fails.
      [],
    );
    const firstLoad = staticallyLoaded(chunks);
    writeFileSync(join(output, `${page.file}.js`), firstLoad.map((chunk) => chunk.code).join('\n'));
    const stripe = firstLoad
      .flatMap((chunk) => Object.keys(chunk.modules))
      .filter((id) => id.includes('/node_modules/@stripe/'));
    if (stripe.length > 0)
      problems.push(
        `${page.imports} loads Stripe's code before it is needed: ${stripe.join(', ')}`,
      );
  }
  // The whole kit: every export, and every part loaded on demand.
  mkdirSync(join(output, 'whole-kit'));
  const kit = await bundle(
    'whole-kit',
    "import * as kit from '@marketkit/react';\nconsole.log(kit);\n",
    [/^@stripe\//],
  );
  for (const chunk of kit)
    writeFileSync(join(output, 'whole-kit', chunk.fileName.replace(/.*\//, '')), chunk.code);
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
