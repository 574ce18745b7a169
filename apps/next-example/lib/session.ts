// The example's sign-in: a cookie naming one of the catalogue's users, signed with HMAC so the browser
// cannot pick someone else. A real app plugs its own auth into `authenticate` instead.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { findUser, type ExampleUser } from './catalogue';

export const SESSION_COOKIE = 'marketkit_example_session';

// One secret per server process unless SESSION_SECRET is set (a restart signs everyone out). Kept on
// globalThis because Next.js may load this module once per route bundle.
const secretKey = Symbol.for('marketkit-example.session-secret');
const holder = globalThis as typeof globalThis & { [secretKey]?: string };
const secret = (holder[secretKey] ??=
  process.env.SESSION_SECRET ?? randomBytes(32).toString('hex'));

function sign(userId: string): string {
  return createHmac('sha256', secret).update(userId).digest('base64url');
}

export function sessionCookie(userId: string): string {
  const value = encodeURIComponent(`${userId}.${sign(userId)}`);
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=604800`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}

/** The user a cookie value names, if its signature holds. */
export function readSessionValue(value: string | undefined): ExampleUser | null {
  if (!value) return null;
  const decoded = decodeURIComponent(value);
  const dot = decoded.lastIndexOf('.');
  if (dot < 0) return null;
  const userId = decoded.slice(0, dot);
  const given = Buffer.from(decoded.slice(dot + 1));
  const expected = Buffer.from(sign(userId));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return findUser(userId) ?? null;
}

/** Reads the session from a `Request`'s Cookie header (what MarketKit's `authenticate` receives). */
export function readSession(request: Request): ExampleUser | null {
  const cookies = request.headers.get('cookie') ?? '';
  for (const part of cookies.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return readSessionValue(rest.join('='));
  }
  return null;
}
