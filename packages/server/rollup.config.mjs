import { defineLibraryConfig } from '../../.config/rollup.shared.mjs';

export default defineLibraryConfig({
  root: import.meta.dirname,
  entries: { index: 'src/index.ts' },
  platform: 'node',
});
