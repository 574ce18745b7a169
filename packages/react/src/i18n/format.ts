import type { MessageKey, Messages } from './messages';

export interface Translator {
  locale: string;
  /** A message with `{name}` placeholders filled in. */
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** Whether `key` has a message (an error code the catalogue knows). */
  has(key: string): boolean;
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
    date: (timestamp) => dateFormat.format(new Date(timestamp * 1000)),
  };
}
