import type { SqlClient } from './store';

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
  events: readonly { eventId: string; type: string }[],
): Promise<Set<string>> {
  const { rows } = await client.query(
    `insert into mk_webhook_events (id, type)
     select * from unnest($1::text[], $2::text[]) on conflict do nothing returning id`,
    [events.map((event) => event.eventId), events.map((event) => event.type)],
  );
  return new Set(rows.map((row) => String(row.id)));
}
