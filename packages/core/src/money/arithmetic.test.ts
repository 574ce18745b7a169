import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMoney, sumAmounts } from './arithmetic';

describe('money arithmetic', () => {
  it('adds amounts of the same currency', () => {
    expect(addMoney({ amount: 150, currency: 'usd' }, { amount: 275, currency: 'usd' })).toEqual({
      amount: 425,
      currency: 'usd',
    });
  });

  it('refuses to add different currencies', () => {
    expect(() => addMoney({ amount: 1, currency: 'usd' }, { amount: 1, currency: 'eur' })).toThrow(
      expect.objectContaining({ code: 'currency_mismatch' }),
    );
  });

  it('sums exactly and throws instead of losing precision', () => {
    expect(sumAmounts([])).toBe(0);
    expect(sumAmounts([10, 20, -5])).toBe(25);
    expect(() => sumAmounts([Number.MAX_SAFE_INTEGER, 1])).toThrow(
      expect.objectContaining({ code: 'amount_too_large', param: 'amounts[1]' }),
    );
    expect(() => sumAmounts([1, 0.5])).toThrow(expect.objectContaining({ code: 'not_an_integer' }));
  });

  it('matches BigInt addition for any safe integers', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e12, max: 1e12 }), { maxLength: 50 }), (amounts) => {
        const exact = amounts.reduce((sum, amount) => sum + BigInt(amount), 0n);
        expect(BigInt(sumAmounts(amounts))).toBe(exact);
      }),
      { numRuns: 200 },
    );
  });
});
