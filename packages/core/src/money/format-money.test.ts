import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatMoney, parseMoney, tryFormatMoney } from './format-money';
import { getCurrency, MAX_AMOUNT, SUPPORTED_CURRENCIES } from './currencies';
import { isMoneyError } from './money-error';

const LOCALES = ['en-US', 'de-DE', 'fr-FR', 'ja-JP', 'en-IN', 'de-CH', 'ar-EG', 'pt-BR'];

describe('formatMoney', () => {
  it('formats minor units with the currency exponent', () => {
    expect(formatMoney(123456, 'usd')).toBe('$1,234.56');
    expect(formatMoney(5, 'usd')).toBe('$0.05');
    expect(formatMoney(-250, 'usd')).toBe('-$2.50');
    expect(formatMoney(1200, 'jpy')).toBe('¥1,200');
    expect(formatMoney(1230, 'kwd')).toBe('KWD\u00a01.230');
    expect(formatMoney(123400, 'isk')).toBe('ISK\u00a01,234');
    expect(formatMoney(1234, 'eur', 'de-DE')).toBe('12,34\u00a0€');
  });

  it('formats the largest amount without float error', () => {
    expect(formatMoney(MAX_AMOUNT, 'usd')).toBe('$999,999.99');
    expect(formatMoney(MAX_AMOUNT - 9, 'kwd')).toBe('KWD\u00a099,999.990');
  });

  it('shows the decimals of amounts that predate a currency step instead of rounding them', () => {
    expect(formatMoney(12_350, 'isk')).toBe('ISK\u00a0123.50');
    expect(formatMoney(1_234, 'kwd')).toBe('KWD\u00a01.234');
  });

  it('rejects an invalid locale with a MoneyError naming the locale', () => {
    expect(() => formatMoney(100, 'usd', 'not a locale')).toThrow(
      expect.objectContaining({ code: 'invalid_request', param: 'locale' }),
    );
    expect(() => parseMoney('1', 'usd', 'not a locale')).toThrow(
      expect.objectContaining({ param: 'locale' }),
    );
  });

  it('refuses invalid amounts', () => {
    expect(() => formatMoney(1.5, 'usd')).toThrow(
      expect.objectContaining({ code: 'not_an_integer' }),
    );
    expect(() => formatMoney(100, 'nope')).toThrow(
      expect.objectContaining({ code: 'unsupported_currency' }),
    );
  });
});

describe('parseMoney', () => {
  it.each([
    ['12.34', 'usd', 'en-US', 1234],
    ['1,234.50', 'usd', 'en-US', 123450],
    ['$1,234.5', 'usd', 'en-US', 123450],
    ['  7 ', 'usd', 'en-US', 700],
    ['.5', 'usd', 'en-US', 50],
    ['0', 'usd', 'en-US', 0],
    ['€12,34', 'eur', 'de-DE', 1234],
    ['1.234,56 €', 'eur', 'de-DE', 123456],
    ['1 234,56 €', 'eur', 'fr-FR', 123456],
    ['¥1,200', 'jpy', 'en-US', 1200],
    ['￥1,200', 'jpy', 'ja-JP', 1200],
    ['1,23,456.78', 'inr', 'en-IN', 12345678],
    ['KWD 1.23', 'kwd', 'en-US', 1230],
    ['1,234', 'isk', 'en-US', 123400],
    ['USD 0.99', 'usd', 'en-US', 99],
  ])('reads %j in %s (%s) as %d minor units', (input, currency, locale, expected) => {
    expect(parseMoney(input, currency, locale)).toBe(expected);
  });

  it.each([
    ['abc', 'invalid_money_format'],
    ['', 'invalid_money_format'],
    ['$', 'invalid_money_format'],
    ['12..3', 'invalid_money_format'],
    ['1,2', 'invalid_money_format'],
    ['12 34', 'invalid_money_format'],
    ['1e5', 'invalid_money_format'],
    ['12.345', 'amount_precision'],
    ['-5', 'amount_negative'],
    ['(5.00)', 'amount_negative'],
    ['1,000,000.00', 'amount_too_large'],
    ['99999999999999999999', 'amount_too_large'],
  ])('rejects %j with %s', (input, code) => {
    expect(() => parseMoney(input, 'usd')).toThrow(expect.objectContaining({ code }));
  });

  it('rejects decimals a currency does not have', () => {
    expect(() => parseMoney('12.5', 'jpy')).toThrow(
      expect.objectContaining({ code: 'amount_precision' }),
    );
    expect(() => parseMoney('1.2345', 'kwd')).toThrow(
      expect.objectContaining({ code: 'amount_precision' }),
    );
    expect(() => parseMoney('1.234', 'kwd')).toThrow(
      expect.objectContaining({ code: 'amount_precision' }),
    );
    expect(() => parseMoney('1.234', 'kwd')).toThrow(/last decimal of a kwd amount must be 0/);
    expect(() => parseMoney('10.50', 'isk')).toThrow(
      expect.objectContaining({ code: 'amount_precision' }),
    );
    expect(() => parseMoney('10.50', 'isk')).toThrow(/isk amounts must be whole units/);
    expect(parseMoney('12.500', 'usd')).toBe(1250);
  });

  it('explains the expected format in the error', () => {
    expect(() => parseMoney('twelve', 'eur', 'de-DE')).toThrow(/1\.234,00\s€/u);
  });

  it('answers any input with a valid amount or a MoneyError, never anything else', () => {
    const characters = fc.constantFrom(...'0123456789.,-€$¥ \u00a0()abcKWD١٫'.split(''));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(characters, { maxLength: 14 }).map((list) => list.join('')),
        ),
        fc.constantFrom('usd', 'eur', 'jpy', 'kwd', 'isk'),
        fc.constantFrom(...LOCALES),
        (input, currency, locale) => {
          let amount: number;
          try {
            amount = parseMoney(input, currency, locale);
          } catch (error) {
            expect(isMoneyError(error)).toBe(true);
            return;
          }
          expect(Number.isInteger(amount) && amount >= 0 && amount <= MAX_AMOUNT).toBe(true);
          expect(amount % getCurrency(currency).step).toBe(0);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('round-trips every valid amount in every currency and several locales', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SUPPORTED_CURRENCIES),
        fc.constantFrom(...LOCALES),
        fc.integer({ min: 0, max: MAX_AMOUNT }),
        (currency, locale, raw) => {
          const { step } = getCurrency(currency);
          const amount = raw - (raw % step);
          expect(parseMoney(formatMoney(amount, currency, locale), currency, locale)).toBe(amount);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('tryFormatMoney', () => {
  function formatOrUndefined(amount: number, currency: string, locale: string) {
    try {
      return formatMoney(amount, currency, locale);
    } catch (error) {
      expect(isMoneyError(error)).toBe(true);
      return undefined;
    }
  }

  it('shows exactly what formatMoney shows, and nothing where formatMoney would throw', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...SUPPORTED_CURRENCIES), fc.constantFrom('USD', 'xyz', '')),
        fc.oneof(fc.constantFrom(...LOCALES), fc.constantFrom('not a locale', 'en_US!')),
        fc.oneof(
          fc.integer({ min: -MAX_AMOUNT - 10, max: MAX_AMOUNT + 10 }),
          fc.double(),
          fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 0.5, -0, 2 ** 53),
        ),
        (currency, locale, amount) => {
          expect(tryFormatMoney(amount, currency, locale)).toBe(
            formatOrUndefined(amount, currency, locale),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('formats fractional króna Stripe reported before 2023 with its decimals, like formatMoney', () => {
    expect(tryFormatMoney(12345, 'isk')).toBe(formatMoney(12345, 'isk'));
    expect(tryFormatMoney(12300, 'isk')).toBe(formatMoney(12300, 'isk'));
    expect(tryFormatMoney(123456, 'usd', 'de-DE')).toBe('1.234,56\u00a0$');
  });
});
