import { getCurrency, MAX_AMOUNT, type CurrencyCode } from './currencies';
import { MoneyError } from './money-error';
import type { ErrorCode } from '../errors';

export interface AssertAmountOptions {
  allowZero?: boolean;
  allowNegative?: boolean;
  /** Field name reported in the error (`param`), e.g. `'lines[2].amount'`. */
  param?: string;
}

/**
 * Throws a `MoneyError` unless `amount` is a valid integer amount of minor units in `currency`:
 * a finite integer, positive (or zero / negative when allowed), at most `MAX_AMOUNT` in size and a
 * multiple of the currency's step.
 */
export function assertAmount(
  amount: unknown,
  currency: CurrencyCode,
  options: AssertAmountOptions = {},
): asserts amount is number {
  const param = options.param ?? 'amount';
  const { step } = getCurrency(currency);
  assertMinorUnits(amount, currency, options);
  if (amount % step !== 0) {
    throw new MoneyError(
      'amount_precision',
      `\`${param}\` in ${currency} must be a multiple of ${step} minor units, got ${amount}; round it to ${
        Math.round(amount / step) * step
      }.`,
      { param },
    );
  }
}

/** Internal: every check of `assertAmount` except the currency's step (for displaying Stripe data). */
export function assertMinorUnits(
  amount: unknown,
  currency: CurrencyCode,
  options: AssertAmountOptions = {},
): asserts amount is number {
  const { allowZero = false, allowNegative = false, param = 'amount' } = options;
  const { exponent } = getCurrency(currency);
  // One builder for every message: browsers format money through here, so repeated code costs bytes.
  const invalid = (code: ErrorCode, rule: string) =>
    new MoneyError(code, `\`${param}\` must ${rule}`, { param });
  if (typeof amount !== 'number' || Number.isNaN(amount)) {
    throw invalid('invalid_amount', `be a number of minor units, got ${describe(amount)}.`);
  }
  if (!Number.isFinite(amount)) {
    throw invalid('invalid_amount', `be a finite number of minor units, got ${amount}.`);
  }
  if (!Number.isInteger(amount)) {
    const unit =
      exponent === 0 ? `whole ${currency}` : `minor units (${10 ** exponent} = 1 ${currency})`;
    throw invalid('not_an_integer', `be an integer in ${unit}, got ${amount}.`);
  }
  if (amount < 0 && !allowNegative) {
    throw invalid('amount_negative', `not be negative, got ${amount}.`);
  }
  if (amount === 0 && !allowZero) throw invalid('amount_zero', 'be greater than zero.');
  if (Math.abs(amount) > MAX_AMOUNT) {
    throw invalid(
      'amount_too_large',
      `be at most ${MAX_AMOUNT} minor units (Stripe's maximum), got ${amount}.`,
    );
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value)} (convert it with parseMoney)`;
  if (typeof value === 'number') return String(value);
  return value === null ? 'null' : typeof value;
}
