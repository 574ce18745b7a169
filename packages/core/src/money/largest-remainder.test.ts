import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { apportion, roundByLargestRemainder } from './largest-remainder';

describe('largest remainder rounding', () => {
  it('gives the extra units to the largest remainders, then to the smaller key on ties', () => {
    // 1/3 each of 100: 33.33… → one unit left, the tie goes to 'a'.
    const weights = ['c', 'a', 'b'].map((key) => ({ key, weight: 1n }));
    expect(apportion(100n, weights)).toEqual([33n, 34n, 33n]);
    expect(
      apportion(7n, [
        { key: 'x', weight: 1n },
        { key: 'y', weight: 2n },
      ]),
    ).toEqual([2n, 5n]);
  });

  it('returns zeros when there is no weight to split over', () => {
    expect(apportion(10n, [{ key: 'a', weight: 0n }])).toEqual([0n]);
  });

  it('keeps every share within one unit of exact and the sum exact', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 99_999_999n }),
        fc.array(fc.bigInt({ min: 0n, max: 99_999_999n }), { minLength: 1, maxLength: 20 }),
        (total, rawWeights) => {
          const weights = rawWeights.map((weight, index) => ({ key: `k${index}`, weight }));
          const weightSum = rawWeights.reduce((sum, weight) => sum + weight, 0n);
          const shares = apportion(total, weights);
          if (weightSum === 0n) return;
          expect(shares.reduce((sum, share) => sum + share, 0n)).toBe(total);
          shares.forEach((share, index) => {
            const exactTimesSum = total * rawWeights[index]!;
            expect(share * weightSum >= exactTimesSum - weightSum).toBe(true);
            expect(share * weightSum <= exactTimesSum + weightSum).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rounds the exact sum half up when no total is given', () => {
    expect(roundByLargestRemainder([{ key: 'a', numerator: 5n }], 10n)).toEqual([1n]);
    expect(roundByLargestRemainder([{ key: 'a', numerator: 4n }], 10n)).toEqual([0n]);
  });
});
