import type Stripe from 'stripe';
import { type WebhookEndpointObject } from '../core/state';
import { invalidRequest, notFound } from '../http/errors';
import { type ApiContext, type Route, apiRoute, at, listRoute } from '../http/route';
import { createId, randomToken } from '../ids';
function webhookEndpointRecord(context: ApiContext) {
  const endpoint = context.engine.state.webhookEndpoints[at(context, 0)];
  if (!endpoint) throw notFound('webhook endpoint', at(context, 0));
  return endpoint;
}

export const webhookEndpointRoutes: Route[] = [
  apiRoute(
    'POST',
    '/v1/webhook_endpoints',
    ({ engine, params }) => {
      params.allowOnly([
        'url',
        'enabled_events',
        'connect',
        'description',
        'metadata',
        'api_version',
      ]);
      const url = params.requiredString('url');
      if (!/^https?:\/\//.test(url))
        throw invalidRequest('Invalid URL: must be an http(s) URL.', {
          param: 'url',
          code: 'url_invalid',
        });
      const events = params.stringArray('enabled_events');
      if (!events || events.length === 0)
        throw invalidRequest('Missing required param: enabled_events.', {
          param: 'enabled_events',
          code: 'parameter_missing',
        });
      const endpoint: WebhookEndpointObject = {
        id: createId('we'),
        object: 'webhook_endpoint',
        api_version: params.string('api_version') ?? null,
        application: null,
        created: engine.now(),
        description: params.string('description') ?? null,
        enabled_events: events,
        livemode: false,
        metadata: params.metadata(),
        status: 'enabled',
        url,
        connect: params.boolean('connect') ?? false,
      };
      // Stripe gives each endpoint its own signing secret and returns it only here, on create
      // (https://docs.stripe.com/api/webhook_endpoints/create); `shared` mode mimics `stripe listen`.
      const secret =
        engine.webhookSigning === 'shared'
          ? engine.state.keys.webhookSecret
          : `whsec_${randomToken(32)}`;
      engine.state.webhookEndpoints[endpoint.id] = endpoint;
      engine.state.webhookEndpointSecrets[endpoint.id] = secret;
      engine.changed();
      return { ...structuredClone(endpoint), secret };
    },
    { platformOnly: true },
  ),
  listRoute(
    '/v1/webhook_endpoints',
    { allow: [], collection: ({ engine }) => Object.values(engine.state.webhookEndpoints) },
    { platformOnly: true },
  ),
  apiRoute(
    'GET',
    '/v1/webhook_endpoints/:id',
    (context) => structuredClone(webhookEndpointRecord(context)),
    { platformOnly: true },
  ),
  apiRoute(
    'POST',
    '/v1/webhook_endpoints/:id',
    (context) => {
      const { engine, params } = context;
      params.allowOnly(['url', 'enabled_events', 'description', 'metadata', 'disabled']);
      const endpoint = webhookEndpointRecord(context);
      if (params.has('url')) endpoint.url = params.requiredString('url');
      const events = params.stringArray('enabled_events');
      if (events) endpoint.enabled_events = events;
      if (params.has('description')) endpoint.description = params.string('description') || null;
      if (params.has('metadata')) endpoint.metadata = params.metadata(endpoint.metadata);
      const disabled = params.boolean('disabled');
      if (disabled !== undefined) endpoint.status = disabled ? 'disabled' : 'enabled';
      engine.changed();
      return structuredClone(endpoint);
    },
    { platformOnly: true },
  ),
  apiRoute(
    'DELETE',
    '/v1/webhook_endpoints/:id',
    (context) => {
      const endpoint = webhookEndpointRecord(context);
      delete context.engine.state.webhookEndpoints[endpoint.id];
      delete context.engine.state.webhookEndpointSecrets[endpoint.id];
      context.engine.changed();
      return {
        id: endpoint.id,
        object: 'webhook_endpoint',
        deleted: true,
      } satisfies Stripe.DeletedWebhookEndpoint;
    },
    { platformOnly: true },
  ),
];
