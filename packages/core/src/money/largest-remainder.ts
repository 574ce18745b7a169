// Internal: exact rounding helpers shared by split and refund math. BigInt because products of two
// 8-digit amounts exceed Number.MAX_SAFE_INTEGER.

export interface RoundingShare {
  /** Deterministic tie-breaker: equal remainders go to the smaller key first. */
  key: string;
  /** The share's exact value is `numerator / denominator`. */
  numerator: bigint;
}

function compareKeys(a: string, b: string): number {
  // Code-unit order, not localeCompare, so results never depend on the runtime's locale.
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Rounds exact shares `numerator / denominator` to integers whose sum is `total` (default: the exact
 * sum rounded half up): everyone gets the floor, then the largest remainders get one more each.
 */
export function roundByLargestRemainder(
  shares: readonly RoundingShare[],
  denominator: bigint,
  total?: bigint,
): bigint[] {
  const floors = shares.map((share) => share.numerator / denominator);
  const remainders = shares.map((share) => share.numerator % denominator);
  const exactSum = shares.reduce((sum, share) => sum + share.numerator, 0n);
  const target = total ?? (exactSum * 2n + denominator) / (denominator * 2n);
  let missing = target - floors.reduce((sum, floor) => sum + floor, 0n);
  if (missing < 0n || missing > BigInt(shares.length)) {
    throw new RangeError(`Cannot round ${shares.length} shares to a total of ${target}.`);
  }
  const order = shares
    .map((_, index) => index)
    .sort((a, b) => {
      const byRemainder = remainders[b]! - remainders[a]!;
      if (byRemainder !== 0n) return byRemainder > 0n ? 1 : -1;
      return compareKeys(shares[a]!.key, shares[b]!.key);
    });
  const result = [...floors];
  for (const index of order) {
    if (missing === 0n) break;
    result[index]! += 1n;
    missing -= 1n;
  }
  return result;
}

/**
 * Splits `total` in proportion to `weights` by largest remainder; zero weights get zero. With no
 * weight at all there is nobody to split over and everyone gets zero (the caller keeps `total`).
 */
export function apportion(
  total: bigint,
  weights: ReadonlyArray<{ key: string; weight: bigint }>,
): bigint[] {
  const weightSum = weights.reduce((sum, { weight }) => sum + weight, 0n);
  if (weightSum === 0n) return weights.map(() => 0n);
  return roundByLargestRemainder(
    weights.map(({ key, weight }) => ({ key, numerator: total * weight })),
    weightSum,
    total,
  );
}

export { compareKeys };
