import { createHmac, timingSafeEqual } from 'node:crypto';
import { HttpError } from './errors';

export interface LinkState {
  /** The connected account the link is for. */
  accountId: string;
  type: 'onboarding' | 'update';
  /** Unix seconds after which the state is refused. */
  expiresAt: number;
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

/** `payload.signature`, both base64url: tamper-evident and safe in a query string. */
export function encodeLinkState(secret: string, state: LinkState): string {
  const payload = Buffer.from(
    JSON.stringify({ a: state.accountId, t: state.type, e: state.expiresAt }),
  ).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

export function decodeLinkState(secret: string, token: unknown, now: number): LinkState {
  if (typeof token !== 'string' || token.length > 1000) {
    throw new HttpError(
      'link_state_invalid',
      'The link state is missing; start onboarding again.',
      { param: 'state' },
    );
  }
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) {
    throw new HttpError(
      'link_state_invalid',
      'The link state is malformed; start onboarding again.',
      { param: 'state' },
    );
  }
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new HttpError(
      'link_state_invalid',
      'The link state signature does not match; start onboarding again.',
      { param: 'state' },
    );
  }
  let decoded: { a?: unknown; t?: unknown; e?: unknown };
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof decoded;
  } catch {
    throw new HttpError(
      'link_state_invalid',
      'The link state is malformed; start onboarding again.',
      { param: 'state' },
    );
  }
  if (
    typeof decoded.a !== 'string' ||
    (decoded.t !== 'onboarding' && decoded.t !== 'update') ||
    typeof decoded.e !== 'number'
  ) {
    throw new HttpError(
      'link_state_invalid',
      'The link state is malformed; start onboarding again.',
      { param: 'state' },
    );
  }
  if (decoded.e < now) {
    throw new HttpError('link_state_expired', 'The link has expired; start onboarding again.', {
      param: 'state',
    });
  }
  return { accountId: decoded.a, type: decoded.t, expiresAt: decoded.e };
}
