import { randomBytes } from 'node:crypto';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random base62 text, like the tail of a Stripe id. */
export function randomToken(length = 24): string {
  const bytes = randomBytes(length);
  let text = '';
  for (const byte of bytes) text += alphabet[byte % alphabet.length];
  return text;
}

/** `createId('pi')` → `pi_3Nx…`: Stripe's prefixes, so code that inspects ids keeps working. */
export function createId(prefix: string): string {
  return `${prefix}_${randomToken(24)}`;
}
