import { HttpError } from './errors';
import type { MarketkitRequest } from './route';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** The client's `Idempotency-Key` (one per user action), checked for shape; undefined when absent. */
export function readIdempotencyKey(request: MarketkitRequest): string | undefined {
  const header = request.header('Idempotency-Key');
  if (header !== undefined && !IDEMPOTENCY_KEY.test(header)) {
    throw new HttpError(
      'invalid_request',
      'The Idempotency-Key header must be 1–200 printable ASCII characters.',
      { param: 'Idempotency-Key' },
    );
  }
  return header;
}

/** A stored money request (refund, payout) as far as finding it again is concerned. */
export interface StoredRequest {
  status: 'pending' | 'succeeded' | 'failed';
}

/**
 * Finds the stored request a new one continues, the rule shared by refunds and payouts: a client key
 * names its request (reused for something else → 400); without a key the unfinished request of the
 * same order or account is resumed by a matching request; anything else waits for it (409).
 */
export async function findStoredRequest<Stored extends StoredRequest>(options: {
  clientKey: string | undefined;
  byKey: (clientKey: string) => Promise<Stored | null>;
  pending: () => Promise<Stored | null>;
  matches: (stored: Stored) => boolean;
  /** e.g. "a refund of 800", for the messages. */
  describe: (stored: Stored) => string;
  inProgress: 'refund_in_progress' | 'payout_in_progress';
}): Promise<Stored | null> {
  if (options.clientKey !== undefined) {
    const existing = await options.byKey(options.clientKey);
    if (existing && !options.matches(existing)) {
      throw new HttpError(
        'invalid_request',
        `This Idempotency-Key was used for ${options.describe(existing)}; use a new key for another one.`,
        { param: 'Idempotency-Key' },
      );
    }
    if (existing) return existing;
  }
  const pending = await options.pending();
  if (!pending) return null;
  if (options.clientKey === undefined && options.matches(pending)) return pending;
  throw new HttpError(
    options.inProgress,
    `Still unfinished: ${options.describe(pending)}. Retry it before asking for another.`,
  );
}

/** A request Stripe refused for good cannot be retried under its key. */
export function assertRetryable(stored: StoredRequest): void {
  if (stored.status === 'failed') {
    throw new HttpError(
      'invalid_request',
      'Stripe refused this request; send a new one (with a new Idempotency-Key).',
      { param: 'Idempotency-Key' },
    );
  }
}
