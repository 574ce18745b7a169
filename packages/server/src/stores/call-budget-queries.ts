import type { Store } from './store';

/**
 * Takes one call from the named budget shared by every instance on this database (a token bucket
 * refilled at `ratePerSecond`, holding at most `capacity`). Resolves 0 when taken, otherwise how many
 * milliseconds until a token will be there. The row lock serialises instances.
 */
export async function takeCall(
  store: Store,
  name: string,
  ratePerSecond: number,
  capacity: number,
): Promise<number> {
  return store.transaction(async (client) => {
    await client.query(
      `insert into mk_call_budget (name, tokens, refilled_at) values ($1, $2, clock_timestamp())
       on conflict (name) do nothing`,
      [name, capacity],
    );
    const { rows } = await client.query<{ available: number; at: string }>(
      `select tokens + extract(epoch from clock_timestamp() - refilled_at)::float8 * $2 as available,
         clock_timestamp()::text as at
       from mk_call_budget where name = $1 for update`,
      [name, ratePerSecond],
    );
    const available = Math.min(capacity, Number(rows[0]!.available));
    if (available < 1) return Math.ceil(((1 - available) / ratePerSecond) * 1000);
    await client.query(
      'update mk_call_budget set tokens = $2, refilled_at = $3::timestamptz where name = $1',
      [name, available - 1, rows[0]!.at],
    );
    return 0;
  });
}
