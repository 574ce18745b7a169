import { randomFillSync } from 'node:crypto';

// One `getrandom` call for many ids, as Node's own `randomUUID` does: each id still gets fresh
// cryptographically random bytes that nothing else ever sees, at a fraction of a syscall per id.
const pool = Buffer.allocUnsafe(4096);
let offset = pool.length;

/** `bytes` fresh random bytes, base64url-encoded (12 bytes → 16 characters). */
export function randomToken(bytes: number): string {
  if (offset + bytes > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const token = pool.toString('base64url', offset, offset + bytes);
  offset += bytes;
  return token;
}
