import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPostgresStore } from '../stores/postgres-store';
import type { Store } from '../stores/store';

/** A fresh database on the test PostgreSQL server, so test files running in parallel never share rows. */
export async function createTestPostgresStore(serverUrl: string): Promise<Store> {
  return createPostgresStore({ connectionString: await createTestDatabase(serverUrl), max: 5 });
}

/** Creates a fresh database on the test server and returns its URL (for stores in other processes). */
export async function createTestDatabase(serverUrl: string): Promise<string> {
  const name = `mk_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
