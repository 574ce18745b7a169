import { randomBytes } from 'node:crypto';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

// Random bytes are drawn in blocks: one syscall per ~170 ids instead of one per id.
let pool = Buffer.alloc(0);
let offset = 0;

/** Random base62 text, like the tail of a Stripe id. */
export function randomToken(length = 24): string {
  if (offset + length > pool.length) {
    pool = randomBytes(4096);
    offset = 0;
  }
  let text = '';
  for (let index = 0; index < length; index += 1)
    text += alphabet[(pool[offset + index] as number) % alphabet.length];
  offset += length;
  return text;
}

/** `createId('pi')` → `pi_3Nx…`: Stripe's prefixes, so code that inspects ids keeps working. */
export function createId(prefix: string): string {
  return `${prefix}_${randomToken(24)}`;
}

export function newClientSecret(prefix: string) {
  return `${prefix}_secret_${randomToken(24)}`;
}
