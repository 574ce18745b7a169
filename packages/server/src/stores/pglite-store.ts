import { PGlite } from '@electric-sql/pglite';
import { applyMigrations } from './migrations';
import type { SqlClient, Store } from './store';

export interface PgliteStoreOptions {
  /** A directory to keep the database in; omit for an in-memory database (lost on exit). */
  dataDir?: string;
  /** An existing PGlite instance to use instead. */
  database?: PGlite;
}

/** The embedded default: PostgreSQL compiled to WebAssembly, no server to run. */
export function createPgliteStore(options: PgliteStoreOptions = {}): Store {
  const database = options.database ?? new PGlite(options.dataDir);
  // PGlite has a single connection: run one query or transaction at a time, in arrival order.
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const result = tail.then(fn, fn);
    tail = result.catch(() => undefined);
    return result;
  };
  const store: Store = {
    kind: 'pglite',
    query<Row>(sql: string, params: readonly unknown[] = []) {
      return exclusive(async () => {
        const result = await database.query<Row>(sql, [...params]);
        return { rows: result.rows };
      });
    },
    transaction<T>(fn: (client: SqlClient) => Promise<T>) {
      return exclusive(() =>
        database.transaction(async (transaction) => {
          const client: SqlClient = {
            async query<Row>(sql: string, params: readonly unknown[] = []) {
              const result = await transaction.query<Row>(sql, [...params]);
              return { rows: result.rows };
            },
          };
          return fn(client);
        }),
      );
    },
    migrate() {
      return store.transaction((client) => applyMigrations(client));
    },
    async close() {
      await exclusive(async () => {
        if (!database.closed) await database.close();
      });
    },
  };
  return store;
}
