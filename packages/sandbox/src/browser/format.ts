/** Formats integer minor units for display ("1999", "usd" → "$19.99"); the amount itself stays an integer. */
export function formatMinorUnits(amount: number, currency: string, locale?: string): string {
  const code = currency.toUpperCase();
  let formatter: Intl.NumberFormat;
  try {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency: code });
  } catch {
    formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency: code });
  }
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(amount / 10 ** digits);
}

/** Formats a Stripe timestamp (seconds) as a date. */
export function formatTimestamp(seconds: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(seconds * 1000),
  );
}
