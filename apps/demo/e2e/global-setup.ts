// Creating a PGlite database (initdb inside WebAssembly) costs ~10 s on two cores; opening an existing one
// costs ~1.5 s. Build one migrated database per run and let every test file start from a copy of it.
// The web app is built once too: every file's demo serves the bundle instead of compiling the sources.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createPgliteStore } from '@marketkit/server';
import { buildWebApp } from '../server/web-app';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    /** The web app's production build (`buildWebApp`). */
    demoWebBuild: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const folder = mkdtempSync(join(tmpdir(), 'marketkit-demo-e2e-setup-'));
  const dataDir = join(folder, 'pglite');
  const webBuild = join(folder, 'web');
  const store = createPgliteStore({ dataDir });
  await Promise.all([store.migrate().then(() => store.close()), buildWebApp(webBuild)]);
  project.provide('pgliteTemplate', dataDir);
  project.provide('demoWebBuild', webBuild);
  return () => rmSync(folder, { recursive: true, force: true });
}
