// Creating a PGlite database (initdb inside WebAssembly) costs ~10 s on two cores; opening an existing one
// costs ~1.5 s. Build one migrated database per run and let every test file start from a copy of it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createPgliteStore } from '@marketkit/server';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const folder = mkdtempSync(join(tmpdir(), 'marketkit-demo-pglite-template-'));
  const dataDir = join(folder, 'pglite');
  const store = createPgliteStore({ dataDir });
  await store.migrate();
  await store.close();
  project.provide('pgliteTemplate', dataDir);
  return () => rmSync(folder, { recursive: true, force: true });
}
