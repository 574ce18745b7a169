import { MAX_AMOUNT, currencyDigits } from '@marketkit/core';

const formats = new Map<string, Intl.NumberFormat>();

/**
 * An amount in minor units as people read it in `locale`, exactly as core's `tryFormatMoney` shows it
 * (Stripe's minor units from `currencyDigits`, whole amounts without decimals where Stripe allows), with
 * one `Intl.NumberFormat` per locale, currency and digits. Its own module, not the translator's, so pages
 * that show no amount do not carry it. What is not an amount is shown as it is, never a crash.
 */
export function formatAmount(amount: number, currency: string, locale: string): string {
  const { exponent, step } = currencyDigits(currency);
  const digits = amount % step === 0 && step === 10 ** exponent ? 0 : exponent;
  try {
    if (!Number.isInteger(amount) || Math.abs(amount) > MAX_AMOUNT) throw amount;
    const key = `${locale} ${currency}${digits}`;
    let format = formats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
      formats.set(key, format);
    }
    return format.format(amount / 10 ** exponent);
  } catch {
    return `${amount} ${currency.toUpperCase()}`;
  }
}

/** `formatAmount` in one locale, for components that show several amounts. */
export function amountFormatter(locale: string): (amount: number, currency: string) => string {
  return (amount, currency) => formatAmount(amount, currency, locale);
}
