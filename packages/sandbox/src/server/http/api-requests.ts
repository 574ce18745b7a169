import type { IncomingMessage, ServerResponse } from 'node:http';
import { recordForConformance } from '../conformance/recorder';
import { apiVersion, type Engine } from '../core/engine';
import { randomToken } from '../ids';
import { StripeApiError, invalidRequest } from './errors';
import { expand } from './expand';
import { applyFault, faultBody, faultLatency, type Faults } from './faults';
import { decodeForm } from './form';
import type { Idempotency } from './idempotency';
import { Params } from './params';
import { bearer, corsHeaders, errorEnvelope, masked, readBody, sendJson } from './responses';
import { matchRoute, type ApiContext, type Route } from './route';

const versionPattern = /^\d{4}-\d{2}-\d{2}(\.[a-z_]+)?$/;

/** A path with its ids replaced, so one route's responses group together. */
function routeName(pathname: string) {
  return pathname.replace(/\/[a-z]+_[A-Za-z0-9]*[A-Z0-9][A-Za-z0-9_]*/g, '/:id');
}

/**
 * Stripe's `/v1` wire format, shared by every API route: the API key, `Stripe-Version`, `Stripe-Account`,
 * form parsing, idempotency, injected faults, `expand[]` and the error envelope.
 */
export async function handleApiRequest(
  engine: Engine,
  table: readonly Route[],
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  { faults, idempotency }: { faults: Faults; idempotency: Idempotency },
) {
  const method = request.method ?? 'GET';
  const requestId = `req_${randomToken(14)}`;
  const headers: Record<string, string> = {
    ...corsHeaders,
    'Request-Id': requestId,
    'Stripe-Version': '',
  };
  try {
    const version = request.headers['stripe-version'];
    headers['Stripe-Version'] = typeof version === 'string' ? version : apiVersion;
    const key = bearer(request);
    if (!key) {
      throw new StripeApiError(401, {
        type: 'invalid_request_error',
        message:
          "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
      });
    }
    const { secretKey, publishableKey } = engine.state.keys;
    const keyKind = key === secretKey ? 'secret' : key === publishableKey ? 'publishable' : null;
    if (!keyKind) {
      throw new StripeApiError(401, {
        type: 'invalid_request_error',
        message: `Invalid API Key provided: ${masked(key)}`,
      });
    }
    if (typeof version === 'string' && !versionPattern.test(version)) {
      throw invalidRequest(`Invalid Stripe API version: ${version}`, {
        code: 'api_version_invalid',
      });
    }
    const matched = matchRoute(table, method, url.pathname);
    if (!matched || 'methodMismatch' in matched || matched.route.surface !== 'api') {
      throw invalidRequest(
        `Unrecognized request URL (${method}: ${url.pathname}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
        { status: 404 },
      );
    }
    const route = matched.route;
    if (keyKind === 'publishable' && !route.publishable) {
      throw new StripeApiError(401, {
        type: 'invalid_request_error',
        message:
          'This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.',
      });
    }
    const accountHeader = request.headers['stripe-account'];
    let account = engine.platformId;
    if (typeof accountHeader === 'string' && accountHeader && accountHeader !== engine.platformId) {
      const record = engine.state.accounts[accountHeader];
      if (!record || record.deleted) {
        throw new StripeApiError(403, {
          type: 'invalid_request_error',
          code: 'account_invalid',
          message: `The provided key '${masked(key)}' does not have access to account '${accountHeader}' (or that account does not exist). Application access may have been revoked.`,
        });
      }
      if (route.platformOnly) {
        throw invalidRequest(
          `The sandbox does not support ${method} ${url.pathname} with a Stripe-Account header (no direct charges); call it as the platform.`,
          { code: 'sandbox_unsupported' },
        );
      }
      account = accountHeader;
    }
    const body = method === 'POST' ? await readBody(request) : '';
    const values =
      method === 'POST'
        ? { ...decodeForm(url.search.slice(1)), ...decodeForm(body) }
        : decodeForm(url.search.slice(1));
    const params = new Params(values);
    const idempotencyHeader = request.headers['idempotency-key'];
    const idempotencyKey =
      method === 'POST' && typeof idempotencyHeader === 'string' && idempotencyHeader
        ? idempotencyHeader
        : null;
    const fingerprint = `${method} ${url.pathname} ${JSON.stringify(values)}`;
    const claim = idempotency.begin(engine, {
      key: idempotencyKey,
      scope: `${keyKind}:${account}`,
      fingerprint,
    });
    if (claim?.replay) {
      sendJson(response, claim.replay.status, claim.replay.body, {
        ...headers,
        'Idempotent-Replayed': 'true',
        'Idempotency-Key': idempotencyKey as string,
      });
      return;
    }
    if (claim) headers['Idempotency-Key'] = idempotencyKey as string;
    // Faults act after validation so a slow request holds its idempotency key, as on Stripe (409 for a twin).
    const fault = faults.take(method, url.pathname);
    const before = fault?.phase === 'after-execution' ? undefined : fault;
    const after = fault?.phase === 'after-execution' ? fault : undefined;
    if (before) {
      if (claim) idempotency.hold(claim.scope);
      try {
        if (await applyFault(before, response, headers)) return;
      } finally {
        if (claim) idempotency.release(claim.scope);
      }
    }
    const context: ApiContext = { engine, params, path: matched.path, account, keyKind };
    let status = 200;
    let text: string;
    let refusedAt: 'validation' | 'execution' = 'validation';
    const writesBefore = engine.mutations;
    engine.request = { id: requestId, idempotencyKey };
    try {
      const result = route.handler(context);
      text = JSON.stringify(expand(engine, result, params.expand()));
    } catch (error) {
      const envelope = errorEnvelope(error);
      if (envelope.status === 500 && !(error instanceof StripeApiError))
        console.error('[marketkit-sandbox] internal error', error);
      status = envelope.status;
      text = JSON.stringify(envelope.body);
      if (error instanceof StripeApiError) refusedAt = error.stage;
    } finally {
      engine.request = null;
    }
    // A 4xx that wrote nothing was refused by validation, before execution; anything else started executing.
    const started =
      status >= 400 &&
      status < 500 &&
      engine.mutations === writesBefore &&
      refusedAt === 'validation'
        ? 'refused-before-execution'
        : 'executed';
    if (after) {
      // The endpoint ran (its side effects stay); the client sees the fault, saved like any executed outcome.
      if (after.status) {
        status = after.status;
        text = JSON.stringify(faultBody(after.status));
      }
      if (claim) idempotency.hold(claim.scope);
      try {
        await faultLatency(after);
      } finally {
        if (claim) idempotency.release(claim.scope);
      }
      if (claim)
        idempotency.save(engine, claim.scope, { fingerprint, status, body: text }, started);
      if (after.drop) {
        response.socket?.destroy();
        return;
      }
      sendJson(response, status, text, headers);
      return;
    }
    if (claim) idempotency.save(engine, claim.scope, { fingerprint, status, body: text }, started);
    if (status < 300)
      recordForConformance('response', `${method} ${routeName(url.pathname)}`, text);
    sendJson(response, status, text, headers);
  } catch (error) {
    const { status, body } = errorEnvelope(error);
    if (status === 500 && !(error instanceof StripeApiError))
      console.error('[marketkit-sandbox] internal error', error);
    sendJson(response, status, body, headers);
  }
}
