import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SqlClient, Store } from '../stores/store';
import { createTestPostgresStore } from '../testing/test-database';
import { createEventBatcher, type Overwrite } from './event-batcher';

// Effects are rows in a table of their own, written through the transaction the batcher hands over.
describe('webhook events recorded in batches', () => {
  let store: Store;
  beforeAll(async () => {
    store = await createTestPostgresStore(inject('postgresUrl'));
    await store.migrate();
    await store.query('create table effects (event_id text not null)');
  });
  afterAll(async () => {
    await store?.close();
  });

  const effect = (eventId: string) => async (client: SqlClient) => {
    await client.query('insert into effects (event_id) values ($1)', [eventId]);
  };
  const effectsOf = async (eventId: string) =>
    (await store.query('select 1 from effects where event_id = $1', [eventId])).rows.length;

  it('applies an event delivered many times at once exactly once', async () => {
    const events = createEventBatcher(store);
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () => events.record('evt_many', 'test', effect('evt_many'))),
    );
    expect(outcomes.filter((outcome) => outcome === 'processed')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'duplicate')).toHaveLength(5);
    expect(await effectsOf('evt_many')).toBe(1);
    expect(await events.seen('evt_many')).toBe(true);
    expect(await events.seen('evt_never')).toBe(false);
    expect(await events.record('evt_many', 'test', effect('evt_many'))).toBe('duplicate');
    expect(await effectsOf('evt_many')).toBe(1);
  });

  it('fails only the event whose effects throw, leaving it unrecorded for Stripe’s retry', async () => {
    const events = createEventBatcher(store);
    const ids = ['evt_ok_1', 'evt_bad', 'evt_ok_2', 'evt_ok_3'];
    const outcomes = await Promise.allSettled(
      ids.map((id) =>
        events.record(
          id,
          'test',
          id === 'evt_bad'
            ? async (client) => {
                await effect(id)(client);
                throw new Error('effects failed');
              }
            : effect(id),
        ),
      ),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    for (const id of ['evt_ok_1', 'evt_ok_2', 'evt_ok_3']) expect(await effectsOf(id)).toBe(1);
    expect(await effectsOf('evt_bad')).toBe(0);
    expect(await events.seen('evt_bad')).toBe(false);
    // Stripe's retry of the failed event goes through once its effects can be applied.
    expect(await events.record('evt_bad', 'test', effect('evt_bad'))).toBe('processed');
    expect(await effectsOf('evt_bad')).toBe(1);
  });

  // A test overwrite: records the events and, when any is new, notes which event's snapshot it wrote,
  // in one statement as the account's does.
  const overwrite = (key: string, eventId: string): Overwrite => ({
    key,
    async write(client, events) {
      const { rows } = await client.query<{ id: string }>(
        `with fresh as (
           insert into mk_webhook_events (id, type) select * from unnest($1::text[], $2::text[])
           on conflict do nothing returning id
         ), written as (insert into effects (event_id) select $3 where exists (select 1 from fresh))
         select id from fresh`,
        [events.map((event) => event.eventId), events.map((event) => event.type), eventId],
      );
      return new Set(rows.map((row) => row.id));
    },
  });

  it('writes the newest overwrite of one key once per batch, recording every event with it', async () => {
    const events = createEventBatcher(store);
    await events.record('evt_key_old', 'test', effect('evt_key_old'));
    // Recorded in one turn of the event loop, these make up one batch, beside an ordinary effect.
    const ordinary = events.record('evt_key_ordinary', 'test', effect('evt_key_ordinary'));
    const outcomes = await Promise.all([
      events.record('evt_key_1', 'test', overwrite('account:1', 'evt_key_1')),
      events.record('evt_key_2', 'test', overwrite('account:1', 'evt_key_2')),
      events.record('evt_key_2', 'test', overwrite('account:1', 'evt_key_2_again')),
      events.record('evt_key_old', 'test', overwrite('account:1', 'evt_key_old_again')),
      events.record('evt_key_other', 'test', overwrite('account:2', 'evt_key_other')),
    ]);
    expect(await ordinary).toBe('processed');
    expect(await effectsOf('evt_key_ordinary')).toBe(1);
    expect(outcomes).toEqual(['processed', 'processed', 'duplicate', 'duplicate', 'processed']);
    // The newest read stands for the earlier ones, whichever delivery brought it.
    expect(await effectsOf('evt_key_1')).toBe(0);
    expect(await effectsOf('evt_key_2')).toBe(0);
    expect(await effectsOf('evt_key_old_again')).toBe(1);
    expect(await effectsOf('evt_key_other')).toBe(1);
    expect(await events.seen('evt_key_1')).toBe(true);
  });

  it('writes nothing for a batch of duplicates only', async () => {
    const events = createEventBatcher(store);
    await events.record('evt_dup_only', 'test', overwrite('account:3', 'evt_dup_only'));
    expect(
      await events.record('evt_dup_only', 'test', overwrite('account:3', 'evt_dup_late')),
    ).toBe('duplicate');
    expect(await effectsOf('evt_dup_only')).toBe(1);
    expect(await effectsOf('evt_dup_late')).toBe(0);
  });
});
