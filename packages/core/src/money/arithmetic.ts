import type { Money } from './currencies';
import { MoneyError } from './money-error';

/** Adds two amounts of the same currency; throws `currency_mismatch` otherwise. */
export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) {
    throw new MoneyError(
      'currency_mismatch',
      `Cannot add ${a.currency} to ${b.currency}; convert one of them first.`,
      { param: 'currency' },
    );
  }
  return { amount: sumAmounts([a.amount, b.amount]), currency: a.currency };
}

/** Exact integer sum; throws instead of silently losing precision beyond `Number.MAX_SAFE_INTEGER`. */
export function sumAmounts(amounts: readonly number[]): number {
  let total = 0;
  for (const [index, amount] of amounts.entries()) {
    if (!Number.isSafeInteger(amount)) {
      throw new MoneyError(
        'not_an_integer',
        `amounts[${index}] must be a safe integer of minor units, got ${String(amount)}.`,
        { param: `amounts[${index}]` },
      );
    }
    total += amount;
    if (!Number.isSafeInteger(total)) {
      throw new MoneyError(
        'amount_too_large',
        `The sum exceeds Number.MAX_SAFE_INTEGER at amounts[${index}]; split the calculation.`,
        { param: `amounts[${index}]` },
      );
    }
  }
  return total;
}
