import { defineLibraryConfig } from '../../.config/rollup.shared.mjs';

export default defineLibraryConfig({
  root: import.meta.dirname,
  entries: { index: 'src/index.ts', fetch: 'src/fetch.ts' },
  platform: 'node',
});
