// The demo's own sign-in: a signed cookie naming one of the seeded users. This is the "app auth" that
// MarketKit's router is handed through `authenticate`; a real marketplace plugs in its own.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Request, Response } from 'express';
import { findDemoUser, type DemoRole } from './demo-data';

export const SESSION_COOKIE = 'marketkit_demo_session';

export interface DemoSessionUser {
  userId: string;
  role: DemoRole;
  displayName: string;
  email: string;
}

/** The cookie-signing secret: generated once, kept in the data folder so sessions survive restarts. */
export function loadCookieSecret(dataDir: string): string {
  const file = join(dataDir, 'cookie-secret');
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return stored;
  }
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Reads the signed session cookie; cookie-parser has already verified the signature. */
export function readSession(request: Request): DemoSessionUser | null {
  const signed = (request.signedCookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
  const user = findDemoUser(signed);
  if (!user) return null;
  return { userId: user.userId, role: user.role, displayName: user.displayName, email: user.email };
}

export function writeSession(response: Response, userId: string): void {
  response.cookie(SESSION_COOKIE, userId, {
    signed: true,
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    maxAge: 7 * 24 * 60 * 60 * 1000,
  });
}

export function clearSession(response: Response): void {
  response.clearCookie(SESSION_COOKIE, { path: '/' });
}
