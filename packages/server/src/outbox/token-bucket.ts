/** A token bucket: `ratePerSecond` tokens per second, bursts up to `ratePerSecond`. */
export function createTokenBucket(
  ratePerSecond: number,
  now: () => number = () => performance.now(),
) {
  let tokens = ratePerSecond;
  let last = now();
  let queue: Promise<void> = Promise.resolve();
  const refill = () => {
    const time = now();
    tokens = Math.min(ratePerSecond, tokens + ((time - last) / 1000) * ratePerSecond);
    last = time;
  };
  return {
    /** Resolves when a token is available; callers are served in order. */
    take(): Promise<void> {
      const turn = queue.then(async () => {
        refill();
        if (tokens < 1) {
          await new Promise((resolve) =>
            setTimeout(resolve, Math.ceil(((1 - tokens) / ratePerSecond) * 1000)),
          );
          refill();
        }
        tokens -= 1;
      });
      queue = turn;
      return turn;
    },
  };
}
