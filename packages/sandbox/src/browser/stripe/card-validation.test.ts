import { describe, expect, it } from 'vitest';
import { formatCardNumber, formatExpiry, passesLuhn, validateCard } from './card-validation';

const now = new Date('2026-06-15T00:00:00Z');
const valid = { number: '4242 4242 4242 4242', expiry: '12 / 34', cvc: '123' };

describe('validateCard', () => {
  it('accepts every Stripe test card the sandbox knows', () => {
    const cards = [
      '4242424242424242',
      '4000000000000077',
      '4000000000000002',
      '4000000000009995',
      '4000000000009987',
      '4000000000009979',
      '4000000000000069',
      '4000000000000127',
      '4000000000000259',
      '4000002500003155',
      '4000002760003184',
    ];
    for (const number of cards) {
      const result = validateCard({ ...valid, number }, now);
      expect(result.error, number).toBeUndefined();
      expect(result.card).toEqual({ number, exp_month: 12, exp_year: 2034, cvc: '123' });
    }
  });

  it('reports an incomplete number first, with Stripe’s code and message', () => {
    const result = validateCard({ number: '4242 4242', expiry: '', cvc: '' }, now);
    expect(result.complete).toBe(false);
    expect(result.error).toEqual({
      type: 'validation_error',
      code: 'incomplete_number',
      message: 'Your card number is incomplete.',
      param: 'number',
    });
    expect(Object.keys(result.fieldErrors)).toEqual(['number', 'expiry', 'cvc']);
  });

  it('rejects a number that fails the Luhn check', () => {
    expect(validateCard({ ...valid, number: '4242424242424241' }, now).error?.code).toBe(
      'invalid_number',
    );
  });

  it('rejects expiry dates in the past and impossible months', () => {
    expect(validateCard({ ...valid, expiry: '12/25' }, now).error?.code).toBe(
      'invalid_expiry_year_past',
    );
    expect(validateCard({ ...valid, expiry: '05/26' }, now).error?.code).toBe(
      'invalid_expiry_month_past',
    );
    expect(validateCard({ ...valid, expiry: '06/26' }, now).error).toBeUndefined();
    expect(validateCard({ ...valid, expiry: '13/30' }, now).error?.code).toBe(
      'invalid_expiry_month',
    );
    expect(validateCard({ ...valid, expiry: '1' }, now).error?.code).toBe('incomplete_expiry');
  });

  it('needs four CVC digits for American Express and three otherwise', () => {
    const amex = { number: '378282246310005', expiry: '12/34' };
    expect(validateCard({ ...amex, cvc: '123' }, now).error?.code).toBe('incomplete_cvc');
    expect(validateCard({ ...amex, cvc: '1234' }, now).error).toBeUndefined();
    expect(validateCard({ ...valid, cvc: '12' }, now).error?.code).toBe('incomplete_cvc');
  });

  it('tells an empty form from a partly filled one', () => {
    expect(validateCard({ number: '', expiry: '', cvc: '' }, now).empty).toBe(true);
    expect(validateCard({ number: '4', expiry: '', cvc: '' }, now).empty).toBe(false);
  });
});

describe('formatting', () => {
  it('groups card numbers and expiry dates as the user types', () => {
    expect(formatCardNumber('4242424242424242')).toBe('4242 4242 4242 4242');
    expect(formatCardNumber('378282246310005')).toBe('3782 822463 10005');
    expect(formatExpiry('1234')).toBe('12 / 34');
    expect(formatExpiry('1')).toBe('1');
  });

  it('computes the Luhn checksum', () => {
    expect(passesLuhn('79927398713')).toBe(true);
    expect(passesLuhn('79927398710')).toBe(false);
  });
});
