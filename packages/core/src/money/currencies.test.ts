import { describe, expect, it } from 'vitest';
import { getCurrency, isSupportedCurrency, MAX_AMOUNT, SUPPORTED_CURRENCIES } from './currencies';
import { isMoneyError } from './money-error';
import { isMarketkitError } from '../errors';

describe('currency table', () => {
  it('treats Stripe zero-decimal currencies as whole units', () => {
    for (const code of [
      'bif',
      'clp',
      'djf',
      'gnf',
      'jpy',
      'kmf',
      'krw',
      'mga',
      'pyg',
      'rwf',
      'ugx',
      'vnd',
      'vuv',
      'xaf',
      'xof',
      'xpf',
    ]) {
      expect(getCurrency(code)).toMatchObject({ code, exponent: 0, step: 1 });
    }
  });

  it('requires three-decimal amounts to end in zero', () => {
    for (const code of ['bhd', 'jod', 'kwd', 'omr', 'tnd']) {
      expect(getCurrency(code)).toMatchObject({ exponent: 3, step: 10 });
    }
  });

  it('keeps isk, huf and twd two-decimal in the API but whole units only', () => {
    for (const code of ['isk', 'huf', 'twd']) {
      expect(getCurrency(code)).toMatchObject({ exponent: 2, step: 100 });
    }
  });

  it("knows Stripe's minimum charge for common currencies", () => {
    expect(getCurrency('usd').minimumCharge).toBe(50);
    expect(getCurrency('eur').minimumCharge).toBe(50);
    expect(getCurrency('gbp').minimumCharge).toBe(30);
    expect(getCurrency('jpy').minimumCharge).toBe(50);
    expect(getCurrency('kwd').minimumCharge).toBeUndefined();
  });

  it('lists supported currencies once each, sorted and lowercase', () => {
    expect(SUPPORTED_CURRENCIES.length).toBeGreaterThan(130);
    expect([...SUPPORTED_CURRENCIES].sort()).toEqual(SUPPORTED_CURRENCIES);
    expect(new Set(SUPPORTED_CURRENCIES).size).toBe(SUPPORTED_CURRENCIES.length);
    expect(SUPPORTED_CURRENCIES.every((code) => /^[a-z]{3}$/.test(code))).toBe(true);
    expect(MAX_AMOUNT).toBe(99_999_999);
  });

  it("knows each of Stripe's 138 currencies, from aed to zmw, and nothing in between the codes", () => {
    expect(SUPPORTED_CURRENCIES).toHaveLength(138);
    expect(SUPPORTED_CURRENCIES.slice(0, 4)).toEqual(['aed', 'afn', 'all', 'amd']);
    expect(SUPPORTED_CURRENCIES.slice(-4)).toEqual(['xpf', 'yer', 'zar', 'zmw']);
    for (const code of ['omr', 'qar', 'wst', 'yer', 'usd', 'eur', 'gbp', 'twd', 'isk', 'kwd']) {
      expect(isSupportedCurrency(code), code).toBe(true);
    }
    // Three-letter runs inside the compact table that are not codes.
    for (const code of ['edf', 'mdn', 'ndo', 'zdc'])
      expect(isSupportedCurrency(code), code).toBe(false);
  });

  it('rejects unknown and uppercase codes with a hint', () => {
    expect(isSupportedCurrency('usd')).toBe(true);
    expect(isSupportedCurrency('USD')).toBe(false);
    expect(isSupportedCurrency('xyz')).toBe(false);
    expect(isSupportedCurrency(undefined)).toBe(false);
    try {
      getCurrency('USD');
      expect.unreachable();
    } catch (error) {
      expect(isMoneyError(error) && isMarketkitError(error)).toBe(true);
      expect(error).toMatchObject({ code: 'unsupported_currency', param: 'currency' });
      expect((error as Error).message).toContain("'usd'");
    }
    expect(() => getCurrency('xyz')).toThrow(
      expect.objectContaining({ code: 'unsupported_currency' }),
    );
  });
});
