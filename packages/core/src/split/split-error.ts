import { MoneyError } from '../money/money-error';

/** Thrown by `allocateSplit` for an invalid order or fee policy; also a `MoneyError`. */
export class SplitError extends MoneyError {
  constructor(...args: ConstructorParameters<typeof MoneyError>) {
    super(...args);
    this.name = 'SplitError';
  }
}

export function isSplitError(error: unknown): error is SplitError {
  return error instanceof SplitError;
}
