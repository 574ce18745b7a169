import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { startPostgres } from './start-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    /** A freshly initialised PGlite data directory (tar); loading it skips initdb in each test file. */
    pgliteTemplate: string;
  }
}

interface TestDatabases {
  postgresUrl: string;
  pgliteTemplate: string;
  stop(): Promise<void>;
}

async function createPgliteTemplate(directory: string): Promise<string> {
  const database = await PGlite.create();
  const dump = await database.dumpDataDir('none');
  await database.close();
  const file = join(directory, 'pglite-template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  return file;
}

async function startTestDatabases(): Promise<TestDatabases> {
  const directory = mkdtempSync(join(tmpdir(), 'marketkit-pglite-'));
  const [server, template] = await Promise.all([startPostgres(), createPgliteTemplate(directory)]);
  return {
    postgresUrl: server.connectionString,
    pgliteTemplate: template,
    async stop() {
      await server.stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

// The `server` and `server-fetch` projects both name this setup, and Vitest runs global setups one after
// another in its main process: the second one reuses the first one's databases (each test file makes its
// own database or PGlite copy), and the last teardown stops them.
const shared = Symbol.for('marketkit.server-test-databases');
type SharedState = { databases: Promise<TestDatabases>; users: number };
const registry = globalThis as { [shared]?: SharedState };

export default async function setup(project: TestProject) {
  const state = (registry[shared] ??= { databases: startTestDatabases(), users: 0 });
  state.users += 1;
  const databases = await state.databases;
  project.provide('postgresUrl', databases.postgresUrl);
  project.provide('pgliteTemplate', databases.pgliteTemplate);
  return async () => {
    state.users -= 1;
    if (state.users > 0) return;
    delete registry[shared];
    await databases.stop();
  };
}
