// The part of the currency table a page needs to show amounts: which codes Stripe supports and their
// minor units. Kept apart from `currencies.ts` (minimum charges, error classes) so the browser
// downloads only these strings.

/** Stripe's largest amount: eight digits of minor units. */
export const MAX_AMOUNT = 99_999_999;

// Every code Stripe supports (https://docs.stripe.com/currencies), sorted and grouped by first letter:
// each group is that letter followed by the last two letters of its codes ('aedfnll' is aed afn all).
export const CODES =
  'aedfnllmdngoarsudwgzn bambddtgnhdifmdndobrlsdwpynzd caddfhflpnyoprcvezk djfkkopzd ' +
  'egptbur fjdkp gbpelipmdnftqyd hkdnltguf idrlsnrsk jmdodpy kesgshrmfrwwdydzt lakbpkrrdsl ' +
  'maddlgakdmkntopurvrwkxnyrzn nadgniookprzd omr pabengkhpkrlnyg qar ronsdubwf ' +
  'sarbdcrekgdhpleosrdzl thbjsndoprytdwdzs uahgxsdyuzs vnduv wst xafcdofpf yer zarmw';

// Space-separated lists, so `includes(code)` can only match a whole three-letter code.
// https://docs.stripe.com/currencies#zero-decimal
const ZERO_DECIMAL = 'bif clp djf gnf jpy kmf krw mga pyg rwf ugx vnd vuv xaf xof xpf';
// https://docs.stripe.com/currencies#three-decimal
const THREE_DECIMAL = 'bhd jod kwd omr tnd';
// https://docs.stripe.com/currencies#special-cases (see `CurrencyInfo.step`)
const WHOLE_UNITS_ONLY = 'huf isk twd';

/** Decimal places of Stripe's minor unit, and the step every accepted amount is a multiple of. */
export interface CurrencyDigits {
  exponent: 0 | 2 | 3;
  step: number;
}

/** Minor units of a code (supported or not): `currencies.ts`, `tryFormatMoney` and the browser kit share it. */
export function digitsOf(code: string): CurrencyDigits {
  return ZERO_DECIMAL.includes(code)
    ? { exponent: 0, step: 1 }
    : THREE_DECIMAL.includes(code)
      ? { exponent: 3, step: 10 }
      : { exponent: 2, step: WHOLE_UNITS_ONLY.includes(code) ? 100 : 1 };
}

/** Internal: whether Stripe supports `code` (lowercase), read straight from `CODES`. */
export function isListedCurrency(code: unknown): code is string {
  if (typeof code !== 'string' || !/^[a-z]{3}$/.test(code)) return false;
  const group = CODES.split(' ').find((candidate) => candidate.charAt(0) === code.charAt(0));
  return group?.slice(1).match(/../g)?.includes(code.slice(1)) ?? false;
}
