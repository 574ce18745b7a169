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
