import type { TestProject } from 'vitest/node';
import { startPostgres } from './start-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startPostgres();
  project.provide('postgresUrl', server.connectionString);
  return async () => {
    await server.stop();
  };
}
