// Enumerations the browser needs at runtime, kept zod-free so importing them does not pull in the schemas.

/** Payout schedule anchors for weekly payouts, Monday first (Stripe's `weekly_anchor` values). */
export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
