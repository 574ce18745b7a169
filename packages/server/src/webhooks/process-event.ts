import type Stripe from 'stripe';
import type { RouteContext } from '../context';
import { accountEvents } from './handlers/accounts';
import { disputeEvents } from './handlers/disputes';
import { paymentEvents } from './handlers/payments';
import { balanceEvents, payoutEvents } from './handlers/payouts';
import { refundEvents } from './handlers/refunds';
import type { EventBatcher } from './event-batcher';
import type { EventFamily, ProcessResult, Recorder, WebhookServices } from './handlers/types';

export type { ProcessResult } from './handlers/types';

/** Which handler applies each event type, by event family. */
const FAMILIES: ReadonlyMap<string, EventFamily> = new Map(
  [paymentEvents, refundEvents, disputeEvents, accountEvents, payoutEvents, balanceEvents].flatMap(
    (family) => family.types.map((type) => [type, family] as const),
  ),
);

/**
 * Applies one verified event. Effects are derived from the object as Stripe has it now (not from the
 * event's snapshot), so late, repeated and out-of-order deliveries converge on the same state. The
 * event id is recorded in the same transaction as the effects (batched with concurrent events, see
 * event-batcher.ts): a crash before commit means the retry is processed again, never twice.
 */
export async function processEvent(
  context: RouteContext,
  events: EventBatcher,
  services: WebhookServices,
  event: Stripe.Event,
): Promise<ProcessResult> {
  const family = FAMILIES.get(event.type);
  if (family?.checkDuplicateFirst !== false && (await events.seen(event.id))) return 'duplicate';
  const record: Recorder = (effect) => events.record(event.id, event.type, effect);
  if (family) return family.handle(context, event, record, services);
  await record();
  return 'ignored';
}
