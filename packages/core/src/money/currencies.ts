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

/** Stripe's largest amount: eight digits of minor units. */
export const MAX_AMOUNT = 99_999_999;

// Kept as space-separated strings: browsers download this table, and strings compress far better than
// arrays of literals. Every code Stripe supports, sorted (https://docs.stripe.com/currencies).
const CODES =
  'aed afn all amd ang aoa ars aud awg azn bam bbd bdt bgn bhd bif bmd bnd bob brl bsd bwp byn bzd ' +
  'cad cdf chf clp cny cop crc cve czk djf dkk dop dzd egp etb eur fjd fkp gbp gel gip gmd gnf gtq ' +
  'gyd hkd hnl htg huf idr ils inr isk jmd jod jpy kes kgs khr kmf krw kwd kyd kzt lak lbp lkr lrd ' +
  'lsl mad mdl mga mkd mmk mnt mop mur mvr mwk mxn myr mzn nad ngn nio nok npr nzd omr pab pen pgk ' +
  'php pkr pln pyg qar ron rsd rub rwf sar sbd scr sek sgd shp sle sos srd szl thb tjs tnd top try ' +
  'ttd twd tzs uah ugx usd uyu uzs vnd vuv wst xaf xcd xof xpf yer zar zmw';
// https://docs.stripe.com/currencies#zero-decimal
const ZERO_DECIMAL = 'bif clp djf gnf jpy kmf krw mga pyg rwf ugx vnd vuv xaf xof xpf';
// https://docs.stripe.com/currencies#three-decimal
const THREE_DECIMAL = 'bhd jod kwd omr tnd';
// https://docs.stripe.com/currencies#special-cases (see `CurrencyInfo.step`)
const WHOLE_UNITS_ONLY = 'huf isk twd';
// https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts (for the settlement currency),
// as `code:amount` pairs in minor units.
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

const CURRENCIES: ReadonlyMap<CurrencyCode, CurrencyInfo> = new Map(
  CODES.split(' ').map((code) => {
    const [exponent, step]: [0 | 2 | 3, number] = ZERO_DECIMAL.includes(code)
      ? [0, 1]
      : THREE_DECIMAL.includes(code)
        ? [3, 10]
        : [2, WHOLE_UNITS_ONLY.includes(code) ? 100 : 1];
    const minimumCharge = MINIMUM_CHARGE[code];
    const currency: CurrencyInfo =
      minimumCharge === undefined
        ? { code, exponent, step }
        : { code, exponent, step, minimumCharge };
    return [code, Object.freeze(currency)];
  }),
);

/** Every currency MarketKit knows, sorted. */
export const SUPPORTED_CURRENCIES: readonly CurrencyCode[] = Object.freeze([...CURRENCIES.keys()]);

export function isSupportedCurrency(code: unknown): code is CurrencyCode {
  return typeof code === 'string' && CURRENCIES.has(code);
}

/** Exponent, step and minimum charge of a currency; throws `unsupported_currency` for unknown codes. */
export function getCurrency(code: CurrencyCode): CurrencyInfo {
  const currency = typeof code === 'string' ? CURRENCIES.get(code) : undefined;
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
