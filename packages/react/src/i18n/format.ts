import { formatMoney } from '@marketkit/core';
import { catalogues, en } from './messages';
import type { MessageKey, Messages } from './messages';

export interface Translator {
  locale: string;
  /** A message with `{name}` placeholders filled in. */
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** An integer amount in minor units, formatted for the locale. */
  money(amount: number, currency: string): string;
  /** A unix timestamp in seconds, as a date for the locale. */
  date(timestamp: number): string;
}

/** The catalogue for a locale: exact language match, else English; `overrides` win. */
export function resolveMessages(locale: string, overrides?: Partial<Messages>): Messages {
  const language = locale.toLowerCase().split('-')[0] ?? 'en';
  return { ...(catalogues[language] ?? en), ...overrides };
}

export function createTranslator(locale = 'en-US', overrides?: Partial<Messages>): Translator {
  const messages = resolveMessages(locale, overrides);
  // Dates in UTC so the server render and the browser render agree (no hydration mismatch).
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return {
    locale,
    t(key, values) {
      const template = messages[key] ?? en[key];
      if (!values) return template;
      return template.replace(/\{(\w+)\}/g, (match, name: string) =>
        name in values ? String(values[name]) : match,
      );
    },
    money(amount, currency) {
      try {
        return formatMoney(amount, currency, locale);
      } catch {
        // A currency core does not know yet still renders, unformatted, rather than crashing the page.
        return `${amount} ${currency.toUpperCase()}`;
      }
    },
    date: (timestamp) => dateFormat.format(new Date(timestamp * 1000)),
  };
}
