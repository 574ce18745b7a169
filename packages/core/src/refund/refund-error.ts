import { MoneyError } from '../money/money-error';

/** Thrown by `allocateRefund` / `allocateDispute` for inconsistent inputs; also a `MoneyError`. */
export class RefundError extends MoneyError {
  constructor(...args: ConstructorParameters<typeof MoneyError>) {
    super(...args);
    this.name = 'RefundError';
  }
}

export function isRefundError(error: unknown): error is RefundError {
  return error instanceof RefundError;
}
