import { MarketkitError, type ErrorCode } from '../errors';

/** Thrown for invalid amounts, currencies and money strings; `message` says what to fix. */
export class MoneyError extends MarketkitError {
  constructor(code: ErrorCode, message: string, options?: { param?: string; cause?: unknown }) {
    super(code, message, options);
    this.name = 'MoneyError';
  }
}

export function isMoneyError(error: unknown): error is MoneyError {
  return error instanceof MoneyError;
}
