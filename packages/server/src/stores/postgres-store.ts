import type * as pgTypes from 'pg';
import type { Pool, PoolConfig } from 'pg';
import { applyMigrations } from './migrations';
import type { SqlClient, Store } from './store';

export type PostgresStoreOptions =
  | { connectionString: string; pool?: never; max?: number }
  | { pool: Pool; connectionString?: never };

/** A real PostgreSQL server, through `pg` (an optional peer dependency, loaded on first use). */
export function createPostgresStore(options: PostgresStoreOptions): Store {
  let poolPromise: Promise<Pool> | undefined;
  const ownsPool = options.pool === undefined;
  const getPool = () => {
    poolPromise ??= options.pool
      ? Promise.resolve(options.pool)
      : import('pg').then((module) => {
          const pg = (module as unknown as { default?: typeof pgTypes }).default ?? module;
          const config: PoolConfig = {
            connectionString: options.connectionString,
            max: options.max ?? 10,
          };
          return new pg.Pool(config);
        });
    return poolPromise;
  };
  const store: Store = {
    kind: 'postgres',
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const pool = await getPool();
      const result = await pool.query(sql, [...params]);
      return { rows: result.rows as Row[] };
    },
    async transaction<T>(fn: (client: SqlClient) => Promise<T>) {
      const pool = await getPool();
      const connection = await pool.connect();
      try {
        await connection.query('begin');
        const client: SqlClient = {
          async query<Row>(sql: string, params: readonly unknown[] = []) {
            const result = await connection.query(sql, [...params]);
            return { rows: result.rows as Row[] };
          },
        };
        const value = await fn(client);
        await connection.query('commit');
        return value;
      } catch (error) {
        await connection.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        connection.release();
      }
    },
    migrate() {
      return store.transaction((client) => applyMigrations(client));
    },
    async close() {
      if (ownsPool && poolPromise) await (await poolPromise).end();
    },
  };
  return store;
}
