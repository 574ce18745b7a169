import type Stripe from 'stripe';
import type { RouteContext } from '../../context';
import * as repository from '../../stores/repository';
import type { OrderRecord } from '../../stores/repository';
import type { AccountRefresher } from '../account-refresher';
import type { Effect } from '../event-batcher';

export type ProcessResult = 'processed' | 'duplicate' | 'ignored';

/**
 * Records the event id atomically with its effect (run in the recording transaction, or an
 * `Overwrite` that records and writes in one statement): a crash before commit means the retry is
 * processed again, never twice (see event-batcher.ts).
 */
export type Recorder = (effect?: Effect) => Promise<'processed' | 'duplicate'>;

/** What the webhook route shares between concurrent deliveries. */
export interface WebhookServices {
  accounts: AccountRefresher;
}

export type EventHandler = (
  context: RouteContext,
  event: Stripe.Event,
  record: Recorder,
  services: WebhookServices,
) => Promise<ProcessResult>;

/** One event family: the event types it handles and how. */
export interface EventFamily {
  types: readonly Stripe.Event.Type[];
  handle: EventHandler;
  /**
   * False when handling a duplicate is harmless, so the batch's insert of the event id can tell
   * duplicates apart without a query of its own first (true when left out).
   */
  checkDuplicateFirst?: boolean;
}

/**
 * Where the event's object lives: an event from a connected account (`event.account` set) describes an
 * object on that account, so it is re-fetched there; without the header Stripe answers 404.
 */
export const requestOptionsOf = (
  event: Pick<Stripe.Event, 'account'> | null,
): Stripe.RequestOptions | undefined =>
  event?.account ? { stripeAccount: event.account } : undefined;

export const idOf = (value: string | { id: string } | null | undefined): string | null =>
  value === null || value === undefined ? null : typeof value === 'string' ? value : value.id;

export async function findOrderForPayment(
  context: RouteContext,
  paymentIntentId: string | null,
): Promise<OrderRecord | null> {
  if (!paymentIntentId) return null;
  return repository.findOrderByPaymentIntent(context.config.store, paymentIntentId);
}
