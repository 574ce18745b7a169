import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { createPgliteStore } from '../stores/pglite-store';
import type { Store } from '../stores/store';

/** An in-memory PGlite store started from the set-up's template (same as `createPgliteStore()`, faster). */
export function createTestPgliteStore(templateFile: string): Store {
  return createPgliteStore({
    database: new PGlite({ loadDataDir: new Blob([readFileSync(templateFile)]) }),
  });
}
