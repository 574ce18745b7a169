import type { SandboxStripeError } from '../http';

export type CardField = 'number' | 'expiry' | 'cvc';

export interface CardInput {
  number: string;
  expiry: string;
  cvc: string;
}

export interface CardDetails {
  number: string;
  exp_month: number;
  exp_year: number;
  cvc: string;
}

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'unknown';

export interface CardValidation {
  complete: boolean;
  empty: boolean;
  brand: CardBrand;
  /** The first problem in field order, shaped like Stripe.js's `validation_error`. */
  error: SandboxStripeError | undefined;
  fieldErrors: Partial<Record<CardField, SandboxStripeError>>;
  card: CardDetails | undefined;
}

const digitsOf = (value: string) => value.replace(/\D/g, '');

export function cardBrand(number: string): CardBrand {
  const digits = digitsOf(number);
  if (/^3[47]/.test(digits)) return 'amex';
  if (/^4/.test(digits)) return 'visa';
  if (/^(5[1-5]|2[2-7])/.test(digits)) return 'mastercard';
  if (/^6(011|5)/.test(digits)) return 'discover';
  return 'unknown';
}

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** Groups digits the way Stripe's card input displays them ("4242 4242 4242 4242"). */
export function formatCardNumber(value: string): string {
  const digits = digitsOf(value).slice(0, 19);
  if (cardBrand(digits) === 'amex') {
    return [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10, 15)]
      .filter(Boolean)
      .join(' ');
  }
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** "1234" or "12/34" → "12 / 34", as Stripe's expiry input shows it. */
export function formatExpiry(value: string): string {
  const digits = digitsOf(value).slice(0, 4);
  return digits.length > 2 ? `${digits.slice(0, 2)} / ${digits.slice(2)}` : digits;
}

const validationError = (code: string, message: string, param: string): SandboxStripeError => ({
  type: 'validation_error',
  code,
  message,
  param,
});

/** Validates a card the way Stripe's card input does, with the same error codes and messages. */
export function validateCard(input: CardInput, now: Date = new Date()): CardValidation {
  const number = digitsOf(input.number);
  const expiry = digitsOf(input.expiry);
  const cvc = digitsOf(input.cvc);
  const brand = cardBrand(number);
  const fieldErrors: Partial<Record<CardField, SandboxStripeError>> = {};

  const numberLength = brand === 'amex' ? 15 : 16;
  if (number.length < numberLength) {
    fieldErrors.number = validationError(
      'incomplete_number',
      'Your card number is incomplete.',
      'number',
    );
  } else if (number.length > 19 || !passesLuhn(number)) {
    fieldErrors.number = validationError(
      'invalid_number',
      'Your card number is invalid.',
      'number',
    );
  }

  let expMonth = 0;
  let expYear = 0;
  if (expiry.length < 4) {
    fieldErrors.expiry = validationError(
      'incomplete_expiry',
      "Your card's expiration date is incomplete.",
      'expiry',
    );
  } else {
    expMonth = Number(expiry.slice(0, 2));
    expYear = 2000 + Number(expiry.slice(2, 4));
    const currentYear = now.getUTCFullYear();
    const currentMonth = now.getUTCMonth() + 1;
    if (expMonth < 1 || expMonth > 12) {
      fieldErrors.expiry = validationError(
        'invalid_expiry_month',
        "Your card's expiration month is invalid.",
        'expiry',
      );
    } else if (expYear < currentYear) {
      fieldErrors.expiry = validationError(
        'invalid_expiry_year_past',
        "Your card's expiration year is in the past.",
        'expiry',
      );
    } else if (expYear === currentYear && expMonth < currentMonth) {
      fieldErrors.expiry = validationError(
        'invalid_expiry_month_past',
        "Your card's expiration date is in the past.",
        'expiry',
      );
    }
  }

  const cvcLength = brand === 'amex' ? 4 : 3;
  if (cvc.length < cvcLength) {
    fieldErrors.cvc = validationError(
      'incomplete_cvc',
      "Your card's security code is incomplete.",
      'cvc',
    );
  }

  const error = fieldErrors.number ?? fieldErrors.expiry ?? fieldErrors.cvc;
  return {
    complete: error === undefined,
    empty: number.length === 0 && expiry.length === 0 && cvc.length === 0,
    brand,
    error,
    fieldErrors,
    card: error === undefined ? { number, exp_month: expMonth, exp_year: expYear, cvc } : undefined,
  };
}
