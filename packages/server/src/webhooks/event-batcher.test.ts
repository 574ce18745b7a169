import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SqlClient, Store } from '../stores/store';
import { createTestPostgresStore } from '../testing/test-database';
import { createEventBatcher } from './event-batcher';

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

  it('applies only the last new effect for one key in a batch, never a duplicate’s', async () => {
    const events = createEventBatcher(store);
    await events.record('evt_key_old', 'test', effect('evt_key_old'));
    // Recorded while the blocker's batch is being written, the four below make up one batch.
    const blocker = events.record('evt_key_blocker', 'test', effect('evt_key_blocker'));
    const outcomes = await Promise.all([
      events.record('evt_key_1', 'test', effect('evt_key_1'), 'account:1'),
      events.record('evt_key_2', 'test', effect('evt_key_2'), 'account:1'),
      events.record('evt_key_old', 'test', effect('evt_key_old'), 'account:1'),
      events.record('evt_key_other', 'test', effect('evt_key_other'), 'account:2'),
    ]);
    await blocker;
    expect(outcomes).toEqual(['processed', 'processed', 'duplicate', 'processed']);
    // The later snapshot stands for the earlier one; the duplicate's is not applied again.
    expect(await effectsOf('evt_key_1')).toBe(0);
    expect(await effectsOf('evt_key_2')).toBe(1);
    expect(await effectsOf('evt_key_old')).toBe(1);
    expect(await effectsOf('evt_key_other')).toBe(1);
  });
});
