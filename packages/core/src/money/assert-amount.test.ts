import { describe, expect, it } from 'vitest';
import { assertAmount } from './assert-amount';
import { MoneyError } from './money-error';

function codeOf(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(MoneyError);
    return (error as MoneyError).code;
  }
}

describe('assertAmount', () => {
  it('accepts positive integer minor units', () => {
    expect(codeOf(() => assertAmount(1234, 'usd'))).toBeUndefined();
    expect(codeOf(() => assertAmount(99_999_999, 'usd'))).toBeUndefined();
    expect(codeOf(() => assertAmount(1, 'jpy'))).toBeUndefined();
  });

  it.each([
    ['12.5', 'invalid_amount'],
    [null, 'invalid_amount'],
    [Number.NaN, 'invalid_amount'],
    [Number.POSITIVE_INFINITY, 'invalid_amount'],
    [12.5, 'not_an_integer'],
    [0.1 + 0.2, 'not_an_integer'],
    [-1, 'amount_negative'],
    [0, 'amount_zero'],
    [100_000_000, 'amount_too_large'],
  ])('rejects %s with %s', (amount, code) => {
    expect(codeOf(() => assertAmount(amount, 'usd'))).toBe(code);
  });

  it('allows zero and negatives only when asked', () => {
    expect(codeOf(() => assertAmount(0, 'usd', { allowZero: true }))).toBeUndefined();
    expect(codeOf(() => assertAmount(-500, 'usd', { allowNegative: true }))).toBeUndefined();
    expect(codeOf(() => assertAmount(-100_000_000, 'usd', { allowNegative: true }))).toBe(
      'amount_too_large',
    );
  });

  it('rejects three-decimal amounts whose last digit is not zero, suggesting the rounded amount', () => {
    expect(codeOf(() => assertAmount(1230, 'kwd'))).toBeUndefined();
    expect(() => assertAmount(1234, 'kwd')).toThrow(/multiple of 10.*1230/);
    expect(codeOf(() => assertAmount(1234, 'kwd'))).toBe('amount_precision');
  });

  it('rejects fractional króna', () => {
    expect(codeOf(() => assertAmount(12_300, 'isk'))).toBeUndefined();
    expect(codeOf(() => assertAmount(12_350, 'isk'))).toBe('amount_precision');
  });

  it('names the offending field in param and message', () => {
    try {
      assertAmount(1.5, 'usd', { param: 'lines[3].amount' });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'not_an_integer', param: 'lines[3].amount' });
      expect((error as Error).message).toContain('lines[3].amount');
    }
  });

  it('rejects unknown currencies before looking at the amount', () => {
    expect(codeOf(() => assertAmount(100, 'zzz'))).toBe('unsupported_currency');
  });
});
