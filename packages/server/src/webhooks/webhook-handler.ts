import { API_ROUTES } from '@marketkit/core/contract';
import Stripe from 'stripe';
import type { RouteContext } from '../context';
import { HttpError } from '../http/errors';
import { json, route, type Route } from '../http/route';
import { createAccountRefresher } from './account-refresher';
import { createEventBatcher } from './event-batcher';
import { processEvent } from './process-event';

/** The largest webhook body either adapter reads (Stripe's events are far smaller). */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;

/** The event, if its signature matches one endpoint's secret; a stale timestamp is reported as such. */
function verifyEvent(config: RouteContext['config'], raw: Buffer, signature: string): Stripe.Event {
  let stale = false;
  for (const secret of config.webhookSecrets) {
    try {
      return config.stripe.webhooks.constructEvent(
        raw,
        signature,
        secret,
        config.webhookToleranceSeconds,
        undefined,
        config.now() * 1000,
      );
    } catch (error) {
      if (
        error instanceof Stripe.errors.StripeSignatureVerificationError &&
        /tolerance/i.test(error.message)
      )
        stale = true;
    }
  }
  if (stale)
    throw new HttpError(
      'webhook_timestamp_stale',
      'The Stripe-Signature timestamp is too old; this looks like a replay.',
    );
  throw new HttpError(
    'webhook_signature_invalid',
    'The Stripe-Signature header does not match the payload.',
  );
}

/**
 * `POST /webhooks`: verifies `Stripe-Signature` over the raw bytes, then applies the event once.
 * Answers 200 for processed and duplicate events. Stripe signs it, so the CSRF guard does not apply.
 */
export function createWebhookRoute(context: RouteContext): Route {
  const { config } = context;
  const events = createEventBatcher(config.store);
  const services = { accounts: createAccountRefresher(config.stripe) };
  return route(
    'POST',
    API_ROUTES.webhooks.path,
    async (request) => {
      const raw = request.body as Buffer;
      const signature = request.header('Stripe-Signature');
      if (!signature)
        throw new HttpError('webhook_signature_invalid', 'The Stripe-Signature header is missing.');
      const event = verifyEvent(config, raw, signature);
      const result = await processEvent(context, events, services, event);
      config.logger.info({ eventId: event.id, type: event.type, result }, 'Webhook event handled');
      return json({ received: true, duplicate: result === 'duplicate' });
    },
    { body: 'raw', csrf: false },
  );
}
