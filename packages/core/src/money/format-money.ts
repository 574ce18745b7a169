import { assertAmount, assertMinorUnits } from './assert-amount';
import { getCurrency, type CurrencyCode } from './currencies';
import { digitsOf, isListedCurrency, MAX_AMOUNT, type CurrencyDigits } from './currency-digits';
import { MoneyError } from './money-error';

/**
 * Decimal places shown to people. Currencies whose step is a whole unit (isk, huf, twd) are shown
 * without decimals, so "kr 1,234" parses back to 123400 and nobody types fractions Stripe rejects.
 */
// What formatting needs of a currency: `tryFormatMoney` builds it from the lean table in
// `currency-digits.ts`, so pages that only show amounts skip the full `CurrencyInfo` table.
interface CurrencyInfo extends CurrencyDigits {
  code: CurrencyCode;
}

function displayDigits({ exponent, step }: CurrencyInfo): number {
  return step === 10 ** exponent ? 0 : exponent;
}

/** An amount off the step (fractional ISK Stripe reported before 2023) keeps its decimals. */
function shownDigits(amount: number, currency: CurrencyInfo): number {
  return amount % currency.step === 0 ? displayDigits(currency) : currency.exponent;
}

// Intl.NumberFormat construction is slow; cache per locale and currency (no globals touched at import).
const formatters = new Map<string, Intl.NumberFormat>();

type CurrencyDisplay = 'symbol' | 'narrowSymbol' | 'code';

/** A cached `Intl.NumberFormat`; an invalid locale throws Intl's own `RangeError`. */
function cachedFormatter(
  locale: string,
  currency: CurrencyInfo,
  currencyDisplay: CurrencyDisplay = 'symbol',
  digits = displayDigits(currency),
): Intl.NumberFormat {
  const key = `${locale}|${currency.code}|${currencyDisplay}|${digits}`;
  let cached = formatters.get(key);
  if (cached === undefined) {
    cached = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: currency.code.toUpperCase(),
      currencyDisplay,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    // Locales come from users; keep the cache bounded.
    if (formatters.size >= 500) formatters.clear();
    formatters.set(key, cached);
  }
  return cached;
}

function formatter(
  locale: string,
  currency: CurrencyInfo,
  currencyDisplay?: CurrencyDisplay,
  digits?: number,
): Intl.NumberFormat {
  try {
    return cachedFormatter(locale, currency, currencyDisplay, digits);
  } catch (error) {
    throw new MoneyError(
      'invalid_request',
      `${JSON.stringify(locale)} is not a valid locale; use a BCP 47 tag such as 'en-US'.`,
      { param: 'locale', cause: error },
    );
  }
}

function toDecimalString(amount: number, exponent: number): `${number}` {
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.abs(amount)).padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  return `${sign}${whole}${exponent > 0 ? `.${fraction}` : ''}` as `${number}`;
}

/** `formatMoney(123456, 'usd')` → `"$1,234.56"`; `formatMoney(1200, 'jpy', 'ja-JP')` → `"￥1,200"`. */
export function formatMoney(amount: number, currency: CurrencyCode, locale = 'en-US'): string {
  const info = getCurrency(currency);
  // Not `assertAmount`: amounts Stripe reports may predate a step rule (fractional ISK before 2023).
  assertMinorUnits(amount, currency, { allowZero: true, allowNegative: true });
  return formatter(locale, info, 'symbol', shownDigits(amount, info)).format(
    toDecimalString(amount, info.exponent),
  );
}

/**
 * `formatMoney` for display code that must not throw: the same text, or `undefined` wherever
 * `formatMoney` would throw. It reaches none of the error classes, so a page that only shows amounts
 * does not download them.
 */
export function tryFormatMoney(
  amount: number,
  currency: CurrencyCode,
  locale = 'en-US',
): string | undefined {
  if (!isListedCurrency(currency) || !Number.isInteger(amount) || Math.abs(amount) > MAX_AMOUNT) {
    return undefined;
  }
  const info = { code: currency, ...digitsOf(currency) };
  try {
    return cachedFormatter(locale, info, 'symbol', shownDigits(amount, info)).format(
      toDecimalString(amount, info.exponent),
    );
  } catch {
    return undefined;
  }
}

interface LocaleSymbols {
  group: string;
  decimal: string;
  /** Maps locale digits (e.g. Arabic-Indic) to ASCII. */
  digits: Map<string, string>;
  /** Currency symbols and codes to strip, longest first. */
  currencyTexts: string[];
}

const symbolsCache = new Map<string, LocaleSymbols>();

function localeSymbols(locale: string, currency: CurrencyInfo): LocaleSymbols {
  const key = `${locale}|${currency.code}`;
  const cached = symbolsCache.get(key);
  if (cached !== undefined) return cached;
  const parts = formatter(locale, currency, 'symbol', 1).formatToParts(12345.6);
  const group = parts.find((part) => part.type === 'group')?.value ?? ',';
  const decimal = parts.find((part) => part.type === 'decimal')?.value ?? '.';
  const digitFormat = new Intl.NumberFormat(locale, { useGrouping: false });
  const digits = new Map<string, string>();
  for (let digit = 0; digit <= 9; digit += 1) digits.set(digitFormat.format(digit), String(digit));
  const currencyTexts = new Set<string>([currency.code.toUpperCase(), currency.code]);
  for (const display of ['symbol', 'narrowSymbol', 'code'] as const) {
    for (const part of formatter(locale, currency, display).formatToParts(1)) {
      if (part.type === 'currency') currencyTexts.add(part.value);
    }
  }
  const symbols = {
    group,
    decimal,
    digits,
    currencyTexts: [...currencyTexts].sort((a, b) => b.length - a.length),
  };
  if (symbolsCache.size >= 500) symbolsCache.clear();
  symbolsCache.set(key, symbols);
  return symbols;
}

/**
 * "1,2" is more likely a mistyped decimal than twelve, so groups must look like groups: the last one has
 * three digits, the ones in between two or three (Indian grouping: 1,23,456), the first one to three.
 */
function hasPlausibleGrouping(chunks: readonly string[]): boolean {
  if (chunks.length <= 1) return true;
  return chunks.every((chunk, index) => {
    if (index === 0) return chunk.length >= 1 && chunk.length <= 3;
    if (index === chunks.length - 1) return chunk.length === 3;
    return chunk.length === 2 || chunk.length === 3;
  });
}

const WHITESPACE = /[\s\u00a0\u202f]/gu;
const MINUS_SIGNS = /[-\u2212\u2012\u2013(]/u;

function invalidFormat(
  input: string,
  currency: CurrencyCode,
  locale: string,
  why: string,
): MoneyError {
  const example = formatMoney(123400, currency, locale);
  return new MoneyError(
    'invalid_money_format',
    `Cannot read ${JSON.stringify(input)} as ${currency}: ${why}. Enter an amount like "${example}".`,
    { param: 'amount' },
  );
}

/**
 * Reads what a person typed ("12.34", "1,234.50", "€12,34" in de-DE, "¥1,200") as integer minor
 * units, exactly: the digits are joined as a string, never multiplied as a float. Separators follow
 * `locale`; "0" parses to 0, so check with `assertAmount` where zero is not allowed.
 */
export function parseMoney(input: string, currency: CurrencyCode, locale = 'en-US'): number {
  const info = getCurrency(currency);
  if (typeof input !== 'string') {
    throw new MoneyError(
      'invalid_money_format',
      `parseMoney expects a string, got ${typeof input}.`,
      {
        param: 'amount',
      },
    );
  }
  const symbols = localeSymbols(locale, info);
  // Bidirectional marks come with right-to-left locales' output; they carry no meaning here.
  let text = input
    .normalize('NFKC')
    .replace(/[\u061c\u200e\u200f]/gu, '')
    .trim();
  for (const currencyText of symbols.currencyTexts) {
    const normalized = currencyText.normalize('NFKC');
    if (normalized !== '' && text.includes(normalized)) {
      text = text.replace(normalized, '');
      break;
    }
  }
  text = [...text].map((character) => symbols.digits.get(character) ?? character).join('');
  if (MINUS_SIGNS.test(text)) {
    throw new MoneyError(
      'amount_negative',
      `Enter a positive amount; ${JSON.stringify(input)} is negative.`,
      {
        param: 'amount',
      },
    );
  }
  const groupIsSpace = symbols.group.replace(WHITESPACE, '') === '';
  text = text.trim();
  // People type an ordinary space where the locale groups with a (narrow) no-break space.
  text = groupIsSpace ? text.replace(WHITESPACE, ' ') : text;
  const group = groupIsSpace ? ' ' : symbols.group.normalize('NFKC');
  const decimal = symbols.decimal.normalize('NFKC');
  const decimalIndex = text.indexOf(decimal);
  const integerText = decimalIndex === -1 ? text : text.slice(0, decimalIndex);
  const fractionText = decimalIndex === -1 ? '' : text.slice(decimalIndex + decimal.length);
  const integerDigits = integerText === '' ? [] : integerText.split(group);
  const isNumber =
    (integerDigits.length > 0 || fractionText !== '') &&
    integerDigits.every((chunk) => /^\d+$/u.test(chunk)) &&
    hasPlausibleGrouping(integerDigits) &&
    (fractionText === '' || /^\d+$/u.test(fractionText));
  if (!isNumber) throw invalidFormat(input, currency, locale, 'it is not a number');
  const exponent = info.exponent;
  const significantFraction = fractionText.replace(/0+$/u, '');
  if (significantFraction.length > exponent) {
    throw new MoneyError(
      'amount_precision',
      exponent === 0
        ? `${currency} has no decimals; enter a whole amount instead of ${JSON.stringify(input)}.`
        : `${currency} has at most ${exponent} decimals; ${JSON.stringify(input)} has more.`,
      { param: 'amount' },
    );
  }
  const minorDigits =
    `${integerDigits.join('')}${significantFraction.padEnd(exponent, '0')}`.replace(
      /^0+(?=\d)/u,
      '',
    );
  if (minorDigits.length > String(MAX_AMOUNT).length) {
    throw new MoneyError(
      'amount_too_large',
      `${JSON.stringify(input)} is above Stripe's maximum amount.`,
      {
        param: 'amount',
      },
    );
  }
  const amount = Number(minorDigits);
  if (amount % info.step !== 0) {
    throw new MoneyError(
      'amount_precision',
      info.exponent === 3
        ? `The last decimal of a ${currency} amount must be 0; ${JSON.stringify(input)} is not.`
        : `${currency} amounts must be whole units; ${JSON.stringify(input)} is not.`,
      { param: 'amount' },
    );
  }
  assertAmount(amount, currency, { allowZero: true });
  return amount;
}
