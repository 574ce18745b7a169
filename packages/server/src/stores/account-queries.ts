import type { SqlClient } from './store';
import { json, text, type AccountRecord, type Row, type StoredAccountSnapshot } from './records';

function toAccount(row: Row): AccountRecord {
  return {
    userId: String(row.user_id),
    accountId: text(row.account_id),
    displayName: String(row.display_name),
    email: text(row.email),
    country: text(row.country),
    status: row.status ? json<StoredAccountSnapshot>(row.status) : null,
  };
}

export async function findAccountByUser(
  client: SqlClient,
  userId: string,
): Promise<AccountRecord | null> {
  const { rows } = await client.query('select * from mk_accounts where user_id = $1', [userId]);
  return rows[0] ? toAccount(rows[0]) : null;
}

export async function findAccountById(
  client: SqlClient,
  accountId: string,
): Promise<AccountRecord | null> {
  const { rows } = await client.query('select * from mk_accounts where account_id = $1', [
    accountId,
  ]);
  return rows[0] ? toAccount(rows[0]) : null;
}

export async function findAccountsByUsers(
  client: SqlClient,
  userIds: readonly string[],
): Promise<AccountRecord[]> {
  const { rows } = await client.query('select * from mk_accounts where user_id = any($1::text[])', [
    [...userIds],
  ]);
  return rows.map(toAccount);
}

export async function listAccounts(client: SqlClient): Promise<AccountRecord[]> {
  const { rows } = await client.query(
    'select * from mk_accounts where account_id is not null order by created_at, user_id',
  );
  return rows.map(toAccount);
}

/** Creates the user's row once; later calls keep the first display name unless one is given. */
export async function upsertAccountUser(
  client: SqlClient,
  input: { userId: string; displayName: string; email?: string | null; country?: string | null },
): Promise<AccountRecord> {
  const { rows } = await client.query(
    `insert into mk_accounts (user_id, display_name, email, country) values ($1, $2, $3, $4)
     on conflict (user_id) do update set
       display_name = excluded.display_name,
       email = coalesce(excluded.email, mk_accounts.email),
       country = coalesce(mk_accounts.country, excluded.country),
       updated_at = now()
     returning *`,
    [input.userId, input.displayName, input.email ?? null, input.country ?? null],
  );
  return toAccount(rows[0]!);
}

/** Links the Stripe account to the user; the first writer wins so concurrent creations agree. */
export async function linkAccount(
  client: SqlClient,
  userId: string,
  accountId: string,
  status: StoredAccountSnapshot,
): Promise<AccountRecord> {
  const { rows } = await client.query(
    `update mk_accounts set
       account_id = coalesce(account_id, $2),
       status = case when account_id is null or account_id = $2 then $3::jsonb else status end,
       country = coalesce(country, $4),
       updated_at = now()
     where user_id = $1 returning *`,
    [userId, accountId, JSON.stringify(status), status.country],
  );
  return toAccount(rows[0]!);
}

export async function saveAccountStatus(
  client: SqlClient,
  accountId: string,
  status: StoredAccountSnapshot,
): Promise<boolean> {
  const { rows } = await client.query(
    'update mk_accounts set status = $2::jsonb, country = coalesce($3, country), updated_at = now() where account_id = $1 returning user_id',
    [accountId, JSON.stringify(status), status.country],
  );
  return rows.length > 0;
}
