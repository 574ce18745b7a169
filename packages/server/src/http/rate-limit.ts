import { HttpError } from './errors';

export interface RateLimitOptions {
  /** Requests allowed per user in each window. */
  limit: number;
  windowMs: number;
}

/**
 * A fixed-window limiter per key, in memory (one instance's view; enough to stop a user minting
 * links in a loop).
 */
export interface RateLimiter {
  /** Throws `rate_limited` (429 with Retry-After) when `key` is over its limit. */
  consume(key: string): void;
}

export function createRateLimiter(
  options: RateLimitOptions,
  now: () => number = Date.now,
): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    consume(key) {
      const time = now();
      let window = windows.get(key);
      if (!window || time - window.start >= options.windowMs) {
        // Drop stale windows now and then so the map cannot grow without bound.
        if (windows.size > 10_000) {
          for (const [candidate, value] of windows)
            if (time - value.start >= options.windowMs) windows.delete(candidate);
        }
        window = { start: time, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count > options.limit) {
        const retryAfter = Math.max(1, Math.ceil((window.start + options.windowMs - time) / 1000));
        throw new HttpError('rate_limited', `Too many requests; try again in ${retryAfter} s.`, {
          headers: { 'Retry-After': String(retryAfter) },
        });
      }
    },
  };
}
