// The demo runs MarketKit from source (the `@marketkit/source` condition), but `@marketkit/react/styles.css`
// only exists after a build. This Vite plugin serves the same stylesheet from source: every
// `packages/react/src/**/*.css`, theme first, the way the package's rollup build concatenates them.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const PUBLIC_ID = '@marketkit/react/styles.css';
const RESOLVED_ID = '\0marketkit-react-styles.css';

function reactSourceRoot(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@marketkit/react/package.json')), 'src');
}

function stylesheetFiles(sourceRoot: string): string[] {
  return (
    readdirSync(sourceRoot, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.css'))
      // Storybook's canvas styles are not part of the package's look.
      .filter((file) => !file.startsWith('stories-support'))
      .sort((a, b) => (a.startsWith('theme') ? -1 : b.startsWith('theme') ? 1 : a.localeCompare(b)))
  );
}

export function marketkitSourceStyles(): Plugin {
  const sourceRoot = reactSourceRoot();
  return {
    name: 'marketkit-react-source-styles',
    enforce: 'pre',
    resolveId(id) {
      return id === PUBLIC_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      return stylesheetFiles(sourceRoot)
        .map((file) => {
          this.addWatchFile(join(sourceRoot, file));
          return `/* ${file} */\n${readFileSync(join(sourceRoot, file), 'utf8')}`;
        })
        .join('\n');
    },
  };
}
