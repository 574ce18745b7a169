import * as repository from '../stores/repository';
import type { WebhookEventRow } from '../stores/repository';
import type { SqlClient, Store } from '../stores/store';

type Apply = (client: SqlClient) => Promise<void>;

/**
 * An effect that overwrites one object whole (an account's cached status) and records the event ids
 * with it in one statement, so a batch costs one round trip and no transaction.
 */
export interface Overwrite {
  /** The object written: of one batch's overwrites with the same key only the newest is written. */
  key: string;
  /** Records `events` and, when any of them is new, writes the object, atomically; the new ids. */
  write(client: SqlClient, events: readonly WebhookEventRow[]): Promise<Set<string>>;
}

export type Effect = Apply | Overwrite | undefined;

interface Pending<T> {
  eventId: string;
  resolve(value: T): void;
  reject(error: unknown): void;
}

interface PendingRecord extends Pending<'processed' | 'duplicate'> {
  type: string;
  effect: Effect;
}

export interface EventBatcher {
  /** Whether the event was already processed; concurrent questions share one query. */
  seen(eventId: string): Promise<boolean>;
  /**
   * Records the event id and applies its effect atomically, exactly once: 'duplicate' when the id is
   * already recorded. Events recorded while a batch is being written go in the next batch.
   */
  record(eventId: string, type: string, effect: Effect): Promise<'processed' | 'duplicate'>;
}

const isOverwrite = (effect: Effect): effect is Overwrite =>
  effect !== undefined && typeof effect !== 'function';

/** Each entry's outcome from the ids that were new: a second delivery in one batch is a duplicate. */
const resolveAll = (entries: readonly PendingRecord[], fresh: Set<string>) => {
  for (const entry of entries)
    entry.resolve(fresh.delete(entry.eventId) ? 'processed' : 'duplicate');
};

/**
 * Group commit for webhook events: whatever arrives while the store is busy with one batch is written
 * as the next. Overwrites of one object are one statement (every event id, the newest snapshot);
 * the other events share one transaction — one `insert … on conflict do nothing` for every event
 * id, then each new event's effects — or, with no effects, that insert alone. A failing statement
 * or transaction writes nothing, and each of its events is retried on its own, so one bad event
 * fails only its own delivery.
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
    const overwrites = new Map<string, PendingRecord[]>();
    const others: PendingRecord[] = [];
    for (const entry of batch) {
      if (!isOverwrite(entry.effect)) others.push(entry);
      else if (overwrites.has(entry.effect.key)) overwrites.get(entry.effect.key)!.push(entry);
      else overwrites.set(entry.effect.key, [entry]);
    }
    // One after another: no two of a batch's writes wait on each other's locks.
    for (const group of overwrites.values()) await inGroup(group, overwrite);
    if (others.length > 0) await inGroup(others, applyEach);
  });

  /** Writes the entries together; if that fails, each alone, so only the failing ones are rejected. */
  async function inGroup(
    entries: PendingRecord[],
    write: (entries: readonly PendingRecord[]) => Promise<Set<string>>,
  ): Promise<void> {
    try {
      return resolveAll(entries, await write(entries));
    } catch (error) {
      if (entries.length === 1) return entries[0]!.reject(error);
    }
    for (const entry of entries) {
      try {
        resolveAll([entry], await write([entry]));
      } catch (error) {
        entry.reject(error);
      }
    }
  }

  // Later entries carry a later read of the same object (see account-refresher.ts): the newest
  // one's write records them all and leaves the object as Stripe last had it.
  const overwrite = (entries: readonly PendingRecord[]) =>
    (entries.at(-1)!.effect as Overwrite).write(store, entries);

  function applyEach(entries: readonly PendingRecord[]): Promise<Set<string>> {
    const run = async (client: SqlClient) => {
      const fresh = await repository.recordWebhookEvents(client, entries);
      const applied = new Set<string>();
      for (const entry of entries) {
        if (!fresh.has(entry.eventId) || applied.has(entry.eventId)) continue;
        applied.add(entry.eventId);
        await (entry.effect as Apply | undefined)?.(client);
      }
      return fresh;
    };
    // Without effects the insert alone is atomic: no transaction needed.
    return entries.some((entry) => entry.effect) ? store.transaction(run) : run(store);
  }

  return {
    seen: (eventId) =>
      new Promise((resolve, reject) => questions.add({ eventId, resolve, reject })),
    record: (eventId, type, effect) =>
      new Promise((resolve, reject) => records.add({ eventId, type, effect, resolve, reject })),
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
      if (!running) {
        // On the next turn of the event loop: the events one Stripe read answered resume one after
        // another, and all of them should make one batch, not the first alone and then the rest.
        running = true;
        setImmediate(() => void next());
      }
    },
  };
}
