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

async function createPgliteTemplate(directory: string): Promise<string> {
  const database = await PGlite.create();
  const dump = await database.dumpDataDir('none');
  await database.close();
  const file = join(directory, 'pglite-template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  return file;
}

export default async function setup(project: TestProject) {
  const directory = mkdtempSync(join(tmpdir(), 'marketkit-pglite-'));
  const [server, template] = await Promise.all([startPostgres(), createPgliteTemplate(directory)]);
  project.provide('postgresUrl', server.connectionString);
  project.provide('pgliteTemplate', template);
  return async () => {
    await server.stop();
    rmSync(directory, { recursive: true, force: true });
  };
}
