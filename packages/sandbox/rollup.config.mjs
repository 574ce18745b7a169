import { defineLibraryConfig } from '../../.config/rollup.shared.mjs';

const root = import.meta.dirname;

export default [
  ...defineLibraryConfig({
    root,
    platform: 'node',
    entries: {
      index: 'src/index.ts',
      browser: 'src/browser/index.ts',
      'browser-install': 'src/browser/install.ts',
    },
  }),
  // The CLI gets its own build so only it carries the shebang.
  ...defineLibraryConfig({
    root,
    platform: 'node',
    entries: { cli: 'src/cli.ts' },
    banner: '#!/usr/bin/env node',
  }),
];
