/** Something that runs SQL: the store itself, or the client inside a transaction. */
export interface SqlClient {
  query<Row = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<{ rows: Row[] }>;
}

/**
 * Where MarketKit keeps accounts, orders, the transfer outbox, refunds and processed webhook events.
 * One SQL dialect (PostgreSQL) for both implementations, so every query is written once.
 */
export interface Store extends SqlClient {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction; it commits when `fn` resolves and rolls back when it throws. */
  transaction<T>(fn: (client: SqlClient) => Promise<T>): Promise<T>;
  /** Applies pending migrations; safe to call many times and from several instances. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}
