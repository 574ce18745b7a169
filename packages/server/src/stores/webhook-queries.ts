import { json, type StoredAccountSnapshot } from './records';
import type { SqlClient } from './store';

/** A delivered event as mk_webhook_events records it. */
export interface WebhookEventRow {
  eventId: string;
  type: string;
}

/** Records an event id; false when it was already processed (a duplicate delivery). */
export async function recordWebhookEvent(
  client: SqlClient,
  eventId: string,
  type: string,
): Promise<boolean> {
  const { rows } = await client.query(
    'insert into mk_webhook_events (id, type) values ($1, $2) on conflict do nothing returning id',
    [eventId, type],
  );
  return rows.length > 0;
}

export async function hasWebhookEvent(client: SqlClient, eventId: string): Promise<boolean> {
  const { rows } = await client.query('select 1 from mk_webhook_events where id = $1', [eventId]);
  return rows.length > 0;
}

/** Which of these event ids were already processed. */
export async function findWebhookEvents(
  client: SqlClient,
  eventIds: readonly string[],
): Promise<Set<string>> {
  const { rows } = await client.query(
    'select id from mk_webhook_events where id = any($1::text[])',
    [[...eventIds]],
  );
  return new Set(rows.map((row) => String(row.id)));
}

/** Records many event ids in one statement; returns the ids that were new (the rest are duplicates). */
export async function recordWebhookEvents(
  client: SqlClient,
  events: readonly WebhookEventRow[],
): Promise<Set<string>> {
  const { rows } = await client.query(
    `insert into mk_webhook_events (id, type)
     select * from unnest($1::text[], $2::text[]) on conflict do nothing returning id`,
    [events.map((event) => event.eventId), events.map((event) => event.type)],
  );
  return new Set(rows.map((row) => String(row.id)));
}

/**
 * Records account.updated events and, when any of them is new, replaces the account's status with
 * `status`, in one statement (migration 10): the new ids, and the status it replaced (null when it
 * wrote nothing: every event a duplicate, or no seller has the account).
 */
export async function recordAccountEvents(
  client: SqlClient,
  events: readonly WebhookEventRow[],
  accountId: string,
  status: StoredAccountSnapshot,
): Promise<{ fresh: Set<string>; replaced: { previous: StoredAccountSnapshot | null } | null }> {
  const { rows } = await client.query<{
    fresh_ids: string[];
    replaced: boolean;
    previous: unknown;
  }>('select * from mk_record_account_events($1::text[], $2::text[], $3, $4::jsonb, $5)', [
    events.map((event) => event.eventId),
    events.map((event) => event.type),
    accountId,
    JSON.stringify(status),
    status.country,
  ]);
  const row = rows[0]!;
  return {
    fresh: new Set(row.fresh_ids),
    replaced: row.replaced
      ? { previous: row.previous ? json<StoredAccountSnapshot>(row.previous) : null }
      : null,
  };
}
