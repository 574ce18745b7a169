import { MAX_AMOUNT, currencyDigits } from '@marketkit/core';
import type { MessageKey, Messages } from './messages';

export interface Translator {
  locale: string;
  /** A message with `{name}` placeholders filled in. */
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** Whether `key` has a message (an error code the catalogue knows). */
  has(key: string): boolean;
  /** An integer amount in minor units, formatted for the locale. */
  money(amount: number, currency: string): string;
  /** A unix timestamp in seconds, as a date for the locale. */
  date(timestamp: number): string;
}

/**
 * A translator for `locale`. `messages` (the app's) win over `defaults` (the component's English
 * strings), so components carry only their own defaults and apps only the languages they import.
 */
export function createTranslator(
  locale = 'en-US',
  messages: Partial<Messages> = {},
  defaults: Partial<Messages> = {},
): Translator {
  // Dates in UTC so the server render and the browser render agree (no hydration mismatch).
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  // Intl.NumberFormat construction is slow; one per currency and number of decimals.
  const moneyFormats = new Map<string, Intl.NumberFormat>();
  return {
    locale,
    t(key, values) {
      const template = messages[key] ?? defaults[key] ?? key;
      return values
        ? template.replace(/\{(\w+)\}/g, (match, name: string) =>
            name in values ? String(values[name]) : match,
          )
        : template;
    },
    has: (key) => Object.hasOwn(messages, key) || Object.hasOwn(defaults, key),
    money(amount, currency) {
      // Stripe's minor units (https://docs.stripe.com/currencies), not Intl's: Intl gives ISK, HUF and
      // TWD decimals Stripe does not take, and no decimals to some Stripe bills in hundredths. Amounts
      // come from the server, which only holds Stripe's currencies, so the browser skips the table of
      // supported codes. Whole-unit currencies show no decimals unless the amount has some (fractional
      // ISK Stripe reported before 2023); the result matches core's `formatMoney` for every listed code.
      const { exponent, step } = currencyDigits(currency);
      const digits = amount % step === 0 && step === 10 ** exponent ? 0 : exponent;
      try {
        if (!Number.isInteger(amount) || Math.abs(amount) > MAX_AMOUNT) throw amount;
        const key = currency + digits;
        let format = moneyFormats.get(key);
        if (!format) {
          format = new Intl.NumberFormat(locale, {
            style: 'currency',
            currency,
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          });
          moneyFormats.set(key, format);
        }
        // Exact: both are integers below 2^53, so the quotient is the double nearest the decimal amount.
        return format.format(amount / 10 ** exponent);
      } catch {
        // Not an amount or not a currency code: still rendered, unformatted, rather than crashing the page.
        return `${amount} ${currency.toUpperCase()}`;
      }
    },
    date: (timestamp) => dateFormat.format(new Date(timestamp * 1000)),
  };
}
