import { CODES, digitsOf } from './currency-digits';
import { MoneyError } from './money-error';

/** Lowercase ISO 4217 code, as Stripe's API expects it (`'usd'`, `'jpy'`). */
export type CurrencyCode = string;

export interface Money {
  /** Integer minor units (cents for usd, yen for jpy, fils for kwd). */
  amount: number;
  currency: CurrencyCode;
}

export interface CurrencyInfo {
  code: CurrencyCode;
  /** Decimal places of Stripe's minor unit: `amount: 100` is 1.00 usd but 100 jpy. */
  exponent: 0 | 2 | 3;
  /**
   * Every amount MarketKit accepts in this currency is a multiple of `step`:
   * - 10 for three-decimal currencies (bhd jod kwd omr tnd): Stripe requires the last digit to be 0.
   * - 100 for isk: Stripe rejects fractional króna on charges and refunds.
   * - 100 for huf and twd: Stripe charges them with two decimals but only pays out whole units, so a
   *   marketplace that moves money on to sellers keeps every amount whole to avoid stranded fractions.
   * - 1 otherwise.
   */
  step: number;
  /** Stripe's minimum charge in minor units, where Stripe documents one for the currency. */
  minimumCharge?: number;
}

export { MAX_AMOUNT } from './currency-digits';

// https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts (for the settlement currency).
const MINIMUM_CHARGE: Record<string, number | undefined> = {
  usd: 50,
  aed: 200,
  aud: 50,
  bgn: 100,
  brl: 50,
  cad: 50,
  chf: 50,
  czk: 1500,
  dkk: 250,
  eur: 50,
  gbp: 30,
  hkd: 400,
  huf: 17500,
  inr: 50,
  jpy: 50,
  mxn: 1000,
  myr: 200,
  nok: 300,
  nzd: 50,
  pln: 200,
  ron: 200,
  sek: 300,
  sgd: 50,
  thb: 1000,
};

// A pure call without arguments: bundlers drop the whole table on pages that only show amounts
// (`tryFormatMoney` reads `currency-digits.ts`).
const CURRENCIES: ReadonlyMap<CurrencyCode, CurrencyInfo> = /* @__PURE__ */ (() =>
  new Map(
    CODES.split(' ')
      .flatMap((group) => (group.slice(1).match(/../g) ?? []).map((rest) => group.charAt(0) + rest))
      .map((code) => {
        const { exponent, step } = digitsOf(code);
        const minimumCharge = MINIMUM_CHARGE[code];
        const currency: CurrencyInfo =
          minimumCharge === undefined
            ? { code, exponent, step }
            : { code, exponent, step, minimumCharge };
        return [code, Object.freeze(currency)];
      }),
  ))();

/** Every currency MarketKit knows, sorted. */
export const SUPPORTED_CURRENCIES: readonly CurrencyCode[] = /* @__PURE__ */ (() =>
  Object.freeze([...CURRENCIES.keys()]))();

export function isSupportedCurrency(code: unknown): code is CurrencyCode {
  return typeof code === 'string' && CURRENCIES.has(code);
}

/** Internal: the currency's entry, or `undefined` (no error classes, for code that must not throw). */
export function findCurrency(code: unknown): CurrencyInfo | undefined {
  return typeof code === 'string' ? CURRENCIES.get(code) : undefined;
}

/** Exponent, step and minimum charge of a currency; throws `unsupported_currency` for unknown codes. */
export function getCurrency(code: CurrencyCode): CurrencyInfo {
  const currency = findCurrency(code);
  if (currency === undefined) {
    const hint =
      typeof code === 'string' && CURRENCIES.has(code.toLowerCase())
        ? ` Use the lowercase code '${code.toLowerCase()}'.`
        : " Use a lowercase ISO 4217 code that Stripe supports, such as 'usd'.";
    throw new MoneyError(
      'unsupported_currency',
      `Unsupported currency ${JSON.stringify(code)}.${hint}`,
      {
        param: 'currency',
      },
    );
  }
  return currency;
}
