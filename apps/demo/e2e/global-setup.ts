// Creating a PGlite database (initdb inside WebAssembly) costs ~10 s on two cores; opening an existing one
// costs ~1.5 s. Build one migrated database per run and let every test file start from a copy of it.
// The web app is built once too, every file's demo serving the bundle instead of compiling the sources.
// The build is not awaited here (a global setup holds up every project's tests): it lands in its
// folder by an atomic rename, and the harness waits for that folder (`waitForWebBuild`).
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createPgliteStore } from '@marketkit/server';
import { buildWebApp } from '../server/web-app';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    /** Where the web app's production build appears once it is complete (`waitForWebBuild`). */
    demoWebBuild: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const folder = mkdtempSync(join(tmpdir(), 'marketkit-demo-e2e-setup-'));
  const dataDir = join(folder, 'pglite');
  const webBuild = join(folder, 'web');
  const building = buildWebApp(join(folder, 'web-partial')).then(
    () => renameSync(join(folder, 'web-partial'), webBuild),
    (error: unknown) => writeFileSync(`${webBuild}.failed`, String(error)),
  );
  const store = createPgliteStore({ dataDir });
  await store.migrate();
  await store.close();
  project.provide('pgliteTemplate', dataDir);
  project.provide('demoWebBuild', webBuild);
  return async () => {
    await building;
    rmSync(folder, { recursive: true, force: true });
  };
}
