import type { Engine } from '../core/engine';
import { StripeApiError, invalidRequest } from '../http/errors';
import { masked } from '../http/responses';
import { type ApiContext, type Route, apiRoute, at, controlRoute, listRoute } from '../http/route';
import {
  authenticatePaymentIntent,
  cancelPaymentIntent,
  confirmPaymentIntent,
  confirmShape,
  createPaymentIntent,
  paymentIntentRecord,
  requireReturnUrl,
  updatePaymentIntent,
} from './payment-intents';
function checkClientSecret(context: ApiContext, intentSecret: string | null) {
  if (context.keyKind !== 'publishable') return;
  const given = context.params.string('client_secret');
  if (!given)
    throw invalidRequest('Missing required param: client_secret.', {
      param: 'client_secret',
      code: 'parameter_missing',
    });
  if (given !== intentSecret) {
    throw invalidRequest(
      'The client_secret provided does not match the client_secret associated with the PaymentIntent.',
      {
        param: 'client_secret',
        code: 'payment_intent_invalid_parameter',
      },
    );
  }
}

function authenticateFromBrowser(
  engine: Engine,
  id: string,
  body: Record<string, unknown>,
  key: string | undefined,
) {
  const { secretKey, publishableKey } = engine.state.keys;
  if (!key || (key !== publishableKey && key !== secretKey)) {
    throw new StripeApiError(401, {
      type: 'invalid_request_error',
      message: key
        ? `Invalid API Key provided: ${masked(key)}`
        : 'Authenticating a PaymentIntent needs `Authorization: Bearer <publishable key>`.',
    });
  }
  const intent = paymentIntentRecord(engine, id);
  if (typeof body.client_secret !== 'string' || body.client_secret !== intent.client_secret) {
    throw invalidRequest(
      'The client_secret provided does not match the client_secret associated with the PaymentIntent.',
      { param: 'client_secret', code: 'payment_intent_invalid_parameter' },
    );
  }
  const outcome = body.outcome;
  if (outcome !== 'complete' && outcome !== 'fail')
    throw invalidRequest("`outcome` must be 'complete' or 'fail'.", { param: 'outcome' });
  return structuredClone(authenticatePaymentIntent(engine, intent, outcome));
}

export const paymentIntentRoutes: Route[] = [
  apiRoute(
    'POST',
    '/v1/payment_intents',
    ({ engine, params }) => createPaymentIntent(engine, params),
    {
      platformOnly: true,
    },
  ),
  listRoute(
    '/v1/payment_intents',
    {
      allow: ['created', 'customer'],
      collection: ({ engine }) => Object.values(engine.state.paymentIntents),
    },
    { platformOnly: true },
  ),
  apiRoute(
    'GET',
    '/v1/payment_intents/:id',
    (context) => {
      const intent = paymentIntentRecord(context.engine, at(context, 0));
      checkClientSecret(context, intent.client_secret);
      return intent;
    },
    { publishable: true, platformOnly: true },
  ),
  apiRoute(
    'POST',
    '/v1/payment_intents/:id',
    (context) =>
      structuredClone(
        updatePaymentIntent(
          context.engine,
          paymentIntentRecord(context.engine, at(context, 0)),
          context.params,
        ),
      ),
    { platformOnly: true },
  ),
  apiRoute(
    'POST',
    '/v1/payment_intents/:id/confirm',
    (context) => {
      const { engine, params } = context;
      params.allowOnly(confirmShape);
      const intent = paymentIntentRecord(engine, at(context, 0));
      checkClientSecret(context, intent.client_secret);
      // Stripe.js confirms (publishable key) handle next actions in the page themselves.
      if (context.keyKind === 'secret') requireReturnUrl(intent, params.string('return_url'));
      return structuredClone(confirmPaymentIntent(engine, intent, params));
    },
    { publishable: true, platformOnly: true },
  ),
  apiRoute(
    'POST',
    '/v1/payment_intents/:id/cancel',
    (context) =>
      structuredClone(
        cancelPaymentIntent(
          context.engine,
          paymentIntentRecord(context.engine, at(context, 0)),
          context.params,
        ),
      ),
    { platformOnly: true },
  ),
  // What Stripe's 3D Secure page does, reachable from the browser with the publishable key and the
  // intent's client secret (like confirming).
  controlRoute(
    'POST',
    '/_sandbox/payment_intents/:id/authenticate',
    ({ engine, path, body, key }) => authenticateFromBrowser(engine, at({ path }, 0), body, key),
    { publishable: true },
  ),
];
