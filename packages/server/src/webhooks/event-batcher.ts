import * as repository from '../stores/repository';
import type { SqlClient, Store } from '../stores/store';

type Apply = ((client: SqlClient) => Promise<void>) | undefined;

interface Pending<T> {
  eventId: string;
  resolve(value: T): void;
  reject(error: unknown): void;
}

interface PendingRecord extends Pending<'processed' | 'duplicate'> {
  type: string;
  apply: Apply;
  /** Effects with the same key overwrite one object: in one batch only the last new one is applied. */
  key: string | undefined;
}

export interface EventBatcher {
  /** Whether the event was already processed; concurrent questions share one query. */
  seen(eventId: string): Promise<boolean>;
  /**
   * Records the event id and applies its effects in one transaction, exactly once: 'duplicate' when the
   * id is already recorded. Events recorded while a batch is being written go in the next batch.
   */
  record(
    eventId: string,
    type: string,
    apply: Apply,
    key?: string,
  ): Promise<'processed' | 'duplicate'>;
}

/**
 * Group commit for webhook events: whatever arrives while the store is busy with one batch is written
 * as the next, in one transaction — one `insert … on conflict do nothing` for every event id, then each
 * new event's effects — so a burst costs a few round trips per batch instead of four per event.
 * If the batch fails (one event's effects throw, a deadlock), it rolls back whole and each event is
 * retried in a transaction of its own, so one bad event fails only its own delivery.
 */
export function createEventBatcher(store: Store): EventBatcher {
  const questions = batchQueue<Pending<boolean>>(async (batch) => {
    const seen = await repository.findWebhookEvents(
      store,
      batch.map((entry) => entry.eventId),
    );
    for (const entry of batch) entry.resolve(seen.has(entry.eventId));
  });

  const records = batchQueue<PendingRecord>(async (batch) => {
    let outcomes: ('processed' | 'duplicate')[];
    try {
      outcomes = await store.transaction(async (client) => {
        const fresh = await repository.recordWebhookEvents(
          client,
          batch.map(({ eventId, type }) => ({ eventId, type })),
        );
        // A second delivery of the same event in one batch is a duplicate of the first.
        const results = batch.map((entry) =>
          fresh.delete(entry.eventId) ? ('processed' as const) : ('duplicate' as const),
        );
        // Same key: later entries carry a later snapshot of the same object (see account-refresher.ts),
        // so writing only the last one leaves the row as writing them all would, in fewer statements.
        const last = new Map<string, number>();
        batch.forEach((entry, index) => {
          if (entry.key !== undefined && results[index] === 'processed') last.set(entry.key, index);
        });
        for (const [index, entry] of batch.entries()) {
          if (results[index] !== 'processed') continue;
          if (entry.key !== undefined && last.get(entry.key) !== index) continue;
          await entry.apply?.(client);
        }
        return results;
      });
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const entry of batch) await recordAlone(entry);
      return;
    }
    batch.forEach((entry, index) => entry.resolve(outcomes[index]!));
  });

  async function recordAlone(entry: PendingRecord): Promise<void> {
    try {
      entry.resolve(
        await store.transaction(async (client) => {
          const fresh = await repository.recordWebhookEvents(client, [entry]);
          if (fresh.size === 0) return 'duplicate' as const;
          await entry.apply?.(client);
          return 'processed' as const;
        }),
      );
    } catch (error) {
      entry.reject(error);
    }
  }

  return {
    seen: (eventId) =>
      new Promise((resolve, reject) => questions.add({ eventId, resolve, reject })),
    record: (eventId, type, apply, key) =>
      new Promise((resolve, reject) => records.add({ eventId, type, apply, key, resolve, reject })),
  };
}

/** A queue that runs `flush` on everything waiting, one flush at a time. */
function batchQueue<T extends Pending<unknown>>(flush: (batch: T[]) => Promise<void>) {
  let waiting: T[] = [];
  let running = false;
  const next = async () => {
    running = true;
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      await flush(batch).catch((error: unknown) => batch.forEach((entry) => entry.reject(error)));
    }
    running = false;
  };
  return {
    add(entry: T) {
      waiting.push(entry);
      if (!running) void next();
    },
  };
}
