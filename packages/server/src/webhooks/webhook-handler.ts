import type { NextFunction, Request, RequestHandler, Response } from 'express';
import Stripe from 'stripe';
import type { RouteContext } from '../context';
import { HttpError } from '../http/errors';
import { processEvent } from './process-event';

const MAX_WEBHOOK_BYTES = 1024 * 1024;

async function readRawBody(request: Request): Promise<Buffer> {
  const body: unknown = request.body;
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (
    body !== undefined &&
    !(
      typeof body === 'object' &&
      body !== null &&
      Object.keys(body).length === 0 &&
      request.readableEnded
    )
  ) {
    throw new HttpError(
      'webhook_signature_invalid',
      'The webhook body was already parsed as JSON, so its signature cannot be checked. Mount MarketKit (or createWebhookHandler) before express.json().',
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_WEBHOOK_BYTES)
      throw new HttpError('payload_too_large', 'The webhook body is larger than 1 MB.');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

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

/** Verifies `Stripe-Signature`, then applies the event once. Answers 200 for processed and duplicate events. */
export function createWebhookRequestHandler(context: RouteContext): RequestHandler {
  const { config } = context;
  return async (request: Request, response: Response, next: NextFunction) => {
    try {
      const raw = await readRawBody(request);
      const signature = request.get('Stripe-Signature');
      if (!signature)
        throw new HttpError('webhook_signature_invalid', 'The Stripe-Signature header is missing.');
      const event = verifyEvent(config, raw, signature);
      const result = await processEvent(context, event);
      config.logger.info({ eventId: event.id, type: event.type, result }, 'Webhook event handled');
      response.status(200).json({ received: true, duplicate: result === 'duplicate' });
    } catch (error) {
      next(error);
    }
  };
}
