import type Stripe from 'stripe';
import type { RouteContext } from '../../context';
import * as repository from '../../stores/repository';
import type { OrderRecord } from '../../stores/repository';
import type { SqlClient } from '../../stores/store';

export type ProcessResult = 'processed' | 'duplicate' | 'ignored';

/**
 * Records the event id in one transaction with `apply`'s effects: a crash before commit means the
 * retry is processed again, never twice.
 */
export type Recorder = (
  apply?: (client: SqlClient) => Promise<void>,
) => Promise<'processed' | 'duplicate'>;

export type EventHandler = (
  context: RouteContext,
  event: Stripe.Event,
  record: Recorder,
) => Promise<ProcessResult>;

/** One event family: the event types it handles and how. */
export interface EventFamily {
  types: readonly Stripe.Event.Type[];
  handle: EventHandler;
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
