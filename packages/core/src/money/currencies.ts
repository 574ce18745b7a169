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

// https://docs.stripe.com/currencies#zero-decimal
const ZERO_DECIMAL = [
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
];
// https://docs.stripe.com/currencies#three-decimal
const THREE_DECIMAL = ['bhd', 'jod', 'kwd', 'omr', 'tnd'];
// https://docs.stripe.com/currencies#special-cases (see `CurrencyInfo.step`)
const WHOLE_UNITS_ONLY = ['huf', 'isk', 'twd'];
const TWO_DECIMAL = [
  'aed',
  'afn',
  'all',
  'amd',
  'ang',
  'aoa',
  'ars',
  'aud',
  'awg',
  'azn',
  'bam',
  'bbd',
  'bdt',
  'bgn',
  'bmd',
  'bnd',
  'bob',
  'brl',
  'bsd',
  'bwp',
  'byn',
  'bzd',
  'cad',
  'cdf',
  'chf',
  'cny',
  'cop',
  'crc',
  'cve',
  'czk',
  'dkk',
  'dop',
  'dzd',
  'egp',
  'etb',
  'eur',
  'fjd',
  'fkp',
  'gbp',
  'gel',
  'gip',
  'gmd',
  'gtq',
  'gyd',
  'hkd',
  'hnl',
  'htg',
  'idr',
  'ils',
  'inr',
  'jmd',
  'kes',
  'kgs',
  'khr',
  'kyd',
  'kzt',
  'lak',
  'lbp',
  'lkr',
  'lrd',
  'lsl',
  'mad',
  'mdl',
  'mkd',
  'mmk',
  'mnt',
  'mop',
  'mur',
  'mvr',
  'mwk',
  'mxn',
  'myr',
  'mzn',
  'nad',
  'ngn',
  'nio',
  'nok',
  'npr',
  'nzd',
  'pab',
  'pen',
  'pgk',
  'php',
  'pkr',
  'pln',
  'qar',
  'ron',
  'rsd',
  'rub',
  'sar',
  'sbd',
  'scr',
  'sek',
  'sgd',
  'shp',
  'sle',
  'sos',
  'srd',
  'szl',
  'thb',
  'tjs',
  'top',
  'try',
  'ttd',
  'tzs',
  'uah',
  'usd',
  'uyu',
  'uzs',
  'wst',
  'xcd',
  'yer',
  'zar',
  'zmw',
];

// https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts (for the settlement currency)
const MINIMUM_CHARGE: Record<CurrencyCode, number> = {
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

function info(code: CurrencyCode, exponent: 0 | 2 | 3, step: number): CurrencyInfo {
  const minimumCharge = MINIMUM_CHARGE[code];
  return Object.freeze(
    minimumCharge === undefined
      ? { code, exponent, step }
      : { code, exponent, step, minimumCharge },
  );
}

const CURRENCIES: ReadonlyMap<CurrencyCode, CurrencyInfo> = new Map(
  [
    ...ZERO_DECIMAL.map((code) => info(code, 0, 1)),
    ...THREE_DECIMAL.map((code) => info(code, 3, 10)),
    ...WHOLE_UNITS_ONLY.map((code) => info(code, 2, 100)),
    ...TWO_DECIMAL.map((code) => info(code, 2, 1)),
  ]
    .sort((a, b) => (a.code < b.code ? -1 : 1))
    .map((currency) => [currency.code, currency]),
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
