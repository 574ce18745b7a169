import type { SqlClient } from './store';

// Append-only: never edit an applied migration, add a new one.
export const MIGRATIONS: readonly { id: number; name: string; sql: string }[] = [
  {
    id: 1,
    name: 'initial schema',
    sql: `
      create table mk_accounts (
        user_id text primary key,
        account_id text unique,
        display_name text not null,
        email text,
        country text,
        status jsonb,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create table mk_orders (
        id text primary key,
        buyer_user_id text not null,
        currency text not null,
        total integer not null,
        platform_fee integer not null,
        status text not null,
        payment_intent_id text unique,
        charge_id text,
        refunded integer not null default 0,
        dispute jsonb,
        sellers jsonb not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create table mk_transfers (
        id text primary key,
        order_id text not null references mk_orders(id),
        seller_id text not null,
        account_id text not null,
        amount integer not null,
        currency text not null,
        status text not null default 'planned',
        source_transaction text not null,
        stripe_transfer_id text,
        reversed integer not null default 0,
        attempts integer not null default 0,
        next_attempt_at timestamptz not null default now(),
        locked_until timestamptz,
        last_error text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (order_id, seller_id)
      );
      create index mk_transfers_due on mk_transfers (next_attempt_at) where status in ('planned', 'in_flight');
      create table mk_refunds (
        id text primary key,
        order_id text not null references mk_orders(id),
        idempotency_key text not null unique,
        amount integer not null,
        reason text not null,
        status text not null,
        stripe_refund_id text unique,
        platform_share integer not null default 0,
        created_at timestamptz not null default now()
      );
      create table mk_reversals (
        refund_id text not null references mk_refunds(id),
        seller_id text not null,
        transfer_id text not null,
        amount integer not null,
        stripe_reversal_id text,
        primary key (refund_id, seller_id)
      );
      create table mk_webhook_events (
        id text primary key,
        type text not null,
        processed_at timestamptz not null default now()
      );
      create table mk_payouts (
        id text primary key,
        account_id text not null,
        amount integer not null,
        currency text not null,
        status text not null,
        failure_code text,
        failure_message text,
        updated_at timestamptz not null default now()
      );
    `,
  },
  {
    id: 2,
    name: 'order list indexes',
    // GET /orders pages newest first, over all orders or one buyer's.
    sql: `
      create index if not exists mk_orders_newest on mk_orders (created_at desc, id desc);
      create index if not exists mk_orders_buyer_newest on mk_orders (buyer_user_id, created_at desc, id desc);
    `,
  },
  {
    id: 3,
    name: 'money requests fixed before Stripe is called',
    // A refund or payout request is stored with its idempotency key before any side effect; at most one
    // unfinished request per order (refunds) or account (payouts), so a retry without a key finds it.
    // mk_payouts was written by webhooks and never read.
    sql: `
      create table mk_refund_requests (
        idempotency_key text primary key,
        order_id text not null references mk_orders(id),
        amount integer not null,
        reason text not null,
        status text not null,
        refund_id text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create unique index mk_refund_requests_one_pending on mk_refund_requests (order_id) where status = 'pending';
      create table mk_payout_requests (
        idempotency_key text primary key,
        account_id text not null,
        amount integer not null,
        currency text not null,
        method text not null,
        status text not null,
        payout_id text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create unique index mk_payout_requests_one_pending on mk_payout_requests (account_id) where status = 'pending';
      drop table if exists mk_payouts;
    `,
  },
  {
    id: 4,
    name: 'outbox fencing tokens and idempotency key generations',
    sql: `
      alter table mk_transfers add column if not exists fence bigint not null default 0;
      alter table mk_transfers add column if not exists key_generation integer not null default 0;
    `,
  },
  {
    id: 5,
    name: 'one Stripe call budget shared by every instance',
    sql: `
      create table if not exists mk_call_budget (
        name text primary key,
        tokens float8 not null,
        refilled_at timestamptz not null
      );
    `,
  },
  {
    id: 6,
    name: 'seller debt from refused reversals, repaid from later transfers',
    sql: `
      create table if not exists mk_debts (
        id text primary key,
        seller_id text not null,
        account_id text not null,
        currency text not null,
        amount integer not null check (amount > 0),
        recovered integer not null default 0 check (recovered >= 0 and recovered <= amount),
        order_id text not null,
        refund_id text not null,
        created_at timestamptz not null default now()
      );
      create index if not exists mk_debts_open on mk_debts (seller_id, currency, created_at) where recovered < amount;
      create table if not exists mk_debt_repayments (
        debt_id text not null references mk_debts (id),
        order_id text not null,
        amount integer not null check (amount > 0),
        created_at timestamptz not null default now(),
        primary key (debt_id, order_id)
      );
    `,
  },
  {
    id: 7,
    name: 'reversals and debt recoveries through the outbox',
    // A reversal row is an outbox row like a transfer (claimed with a lease and fencing token, retried,
    // re-keyed after a replayed 5xx). `uncovered` is the part of a seller's share no transfer can give
    // back (it was netted against debt), owed at once. A debt keeps the capacity its refused reversal
    // left on its transfer (`reversible`) so it can be retried there; `reversing` is the amount a
    // recovery reversal has in flight, which netting must not take too.
    sql: `
      alter table mk_reversals add column if not exists uncovered integer not null default 0;
      alter table mk_reversals add column if not exists attempts integer not null default 0;
      alter table mk_reversals add column if not exists fence bigint not null default 0;
      alter table mk_reversals add column if not exists key_generation integer not null default 0;
      alter table mk_reversals add column if not exists locked_until timestamptz;
      alter table mk_reversals add column if not exists next_attempt_at timestamptz not null default now();
      alter table mk_reversals add column if not exists last_error text;
      create index if not exists mk_reversals_pending on mk_reversals (next_attempt_at) where stripe_reversal_id is null;
      alter table mk_debts add column if not exists transfer_id text;
      alter table mk_debts add column if not exists reversible integer not null default 0;
      alter table mk_debts add column if not exists reversing integer not null default 0;
      alter table mk_debts add column if not exists recovery_attempts integer not null default 0;
      alter table mk_debts add column if not exists recovery_fence bigint not null default 0;
      alter table mk_debts add column if not exists recovery_key_generation integer not null default 0;
      alter table mk_debts add column if not exists recovery_locked_until timestamptz;
      alter table mk_debts add column if not exists recovery_next_at timestamptz;
      update mk_debts d set transfer_id = v.transfer_id, reversible = d.amount - d.recovered from mk_reversals v where v.refund_id = d.refund_id and v.seller_id = d.seller_id and v.stripe_reversal_id = 'refused';
      alter table mk_debts add constraint mk_debts_reserved check (reversing >= 0 and recovered + reversing <= amount);
      create index if not exists mk_debts_recovery on mk_debts (recovery_next_at) where recovery_next_at is not null;
      alter table mk_debt_repayments add column if not exists method text not null default 'netting';
      alter table mk_debt_repayments add column if not exists stripe_reversal_id text;
      alter table mk_refund_requests add column if not exists key_generation integer not null default 0;
    `,
  },
  {
    id: 8,
    name: 'per-seller order index',
    // A seller's GET /orders becomes a range scan of their own rows, newest first, instead of a walk of
    // every order with a JSON containment test; written with the order and backfilled here. A seller's
    // page also sums reversals by order, which needs refunds indexed by order.
    sql: `
      create table if not exists mk_order_sellers (
        seller_id text not null,
        created_at timestamptz not null,
        order_id text not null references mk_orders (id),
        primary key (seller_id, created_at, order_id)
      );
      insert into mk_order_sellers (seller_id, created_at, order_id)
        select distinct seller->>'sellerId', orders.created_at, orders.id
        from mk_orders orders, jsonb_array_elements(orders.sellers) seller
        on conflict do nothing;
      create index if not exists mk_refunds_order on mk_refunds (order_id);
    `,
  },
  {
    id: 9,
    name: 'order insert as a function',
    // Checkout's one write (the order and its per-seller rows) as a PL/pgSQL function: PostgreSQL plans
    // its two inserts once per connection and reuses the plans, where the same statement sent as SQL
    // is parsed and planned on every checkout (about half the database's CPU per order). Unlike named
    // prepared statements this needs nothing from the client and works behind PgBouncer.
    sql: `
      create or replace function mk_insert_order(
        new_id text, new_buyer_user_id text, new_currency text, new_total integer,
        new_platform_fee integer, new_sellers jsonb, new_payment_intent_id text, new_seller_ids text[]
      ) returns void language plpgsql as $$
      declare
        inserted_at timestamptz;
      begin
        insert into mk_orders (id, buyer_user_id, currency, total, platform_fee, status, sellers, payment_intent_id)
          values (new_id, new_buyer_user_id, new_currency, new_total, new_platform_fee, 'awaiting_payment', new_sellers, new_payment_intent_id)
          returning created_at into inserted_at;
        insert into mk_order_sellers (seller_id, created_at, order_id)
          select distinct seller_id, inserted_at, new_id from unnest(new_seller_ids) seller_id;
      end
      $$;
    `,
  },
  {
    id: 10,
    name: 'account events recorded with their write as a function',
    // A batch of account.updated events in one round trip and one planned call instead of begin,
    // insert, update and commit: the event ids recorded and, when any is new, the account's status
    // replaced, returning the one it replaced, read under the row lock (so two writers each see the
    // other's result, never the same old one).
    sql: `
      create or replace function mk_record_account_events(
        event_ids text[], event_types text[], target_account_id text, new_status jsonb, new_country text
      ) returns table (fresh_ids text[], replaced boolean, previous jsonb) language plpgsql as $$
      begin
        with inserted as (
          insert into mk_webhook_events (id, type)
            select * from unnest(event_ids, event_types) on conflict do nothing returning id
        )
        select coalesce(array_agg(inserted.id), '{}') into fresh_ids from inserted;
        replaced := false;
        if cardinality(fresh_ids) > 0 then
          update mk_accounts account set status = new_status,
              country = coalesce(new_country, account.country), updated_at = now()
            from (select account_id, status from mk_accounts where account_id = target_account_id for update) old
            where account.account_id = old.account_id
            returning true, old.status into replaced, previous;
          replaced := coalesce(replaced, false);
        end if;
        return next;
      end
      $$;
    `,
  },
];

/**
 * Applies migrations in order. The advisory lock makes concurrent start-ups of several instances wait for
 * each other instead of racing on `create table`.
 */
export async function applyMigrations(
  client: SqlClient,
  migrations: readonly { id: number; name: string; sql: string }[] = MIGRATIONS,
): Promise<void> {
  await client.query('select pg_advisory_xact_lock(727274)');
  await client.query(
    'create table if not exists mk_migrations (id integer primary key, name text not null, applied_at timestamptz not null default now())',
  );
  const { rows } = await client.query<{ id: number }>('select id from mk_migrations');
  const applied = new Set(rows.map((row) => Number(row.id)));
  // By id, not by array position, and skipping applied ids rather than counting them: a gap in the
  // numbers (a migration merged later under a lower id) is applied when it appears.
  for (const migration of [...migrations].sort((a, b) => a.id - b.id)) {
    if (applied.has(migration.id)) continue;
    for (const statement of splitStatements(migration.sql)) await client.query(statement);
    await client.query('insert into mk_migrations (id, name) values ($1, $2)', [
      migration.id,
      migration.name,
    ]);
  }
}

// Parameterised queries take one statement at a time. Migrations never contain semicolons inside
// strings; the ones inside a `$$`-quoted function body stay with their statement.
function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  sql.split('$$').forEach((part, index) => {
    if (index % 2 === 1) {
      current += `$$${part}$$`;
      return;
    }
    const [first, ...rest] = part.split(';');
    current += first;
    for (const piece of rest) {
      statements.push(current);
      current = piece;
    }
  });
  statements.push(current);
  return statements
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}
