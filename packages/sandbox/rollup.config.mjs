import { defineLibraryConfig } from '../../.config/rollup.shared.mjs';

export default defineLibraryConfig({
  root: import.meta.dirname,
  platform: 'node',
  entries: {
    index: 'src/index.ts',
    cli: 'src/cli.ts',
    browser: 'src/browser/index.ts',
    'browser-install': 'src/browser/install.ts',
  },
  // Rollup accepts a per-chunk banner: only the CLI entry gets the shebang.
  banner: (chunk) => (chunk.isEntry && chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
});
