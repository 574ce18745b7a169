import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Engine } from '../core/engine';
import type { AccountSessionObject } from '../core/state';
import { StripeApiError, invalidRequest } from './errors';
import { decodeForm, type FormObject } from './form';
import { Params } from './params';
import { bearer, corsHeaders, errorEnvelope, parseJson, readBody, sendJson } from './responses';
import { matchRoute, type Controls, type Route } from './route';

/** Resolves `Authorization: Bearer <account session client_secret>`, or a 401 like Stripe's. */
function sessionFor(engine: Engine, authorization: string | undefined): AccountSessionObject {
  const secret = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]?.trim();
  const session = secret ? engine.state.accountSessions[secret] : undefined;
  if (
    !session ||
    session.expires_at <= engine.now() ||
    engine.state.accounts[session.account]?.deleted
  ) {
    throw new StripeApiError(401, {
      type: 'invalid_request_error',
      code: 'account_session_invalid',
      message: session
        ? 'This account session has expired. Create a new one on your server.'
        : 'Invalid account session client secret.',
    });
  }
  return session;
}

function queryValues(query: URLSearchParams): FormObject {
  const values: FormObject = {};
  for (const [key, value] of query) values[key] = value;
  return values;
}

const hostedPath = /^\/_sandbox\/hosted\/(onboarding|express)\/[^/]+$/;

/**
 * Everything under `/_sandbox/`: hosted pages (HTML), the Connect.js stand-in API (account session
 * secret) and the sandbox's controls (secret key; JSON in and out), each found in the one route table.
 */
export async function handleSandboxRequest(
  engine: Engine,
  table: readonly Route[],
  controls: Controls,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
) {
  const method = request.method ?? 'GET';
  const headers: Record<string, string> = { ...corsHeaders };
  const matched = matchRoute(table, method, url.pathname);
  const route = matched && 'route' in matched ? matched.route : undefined;
  const path = matched && 'route' in matched ? matched.path : [];
  try {
    if (hostedPath.test(url.pathname)) {
      if (route?.surface !== 'hosted') {
        response.writeHead(405, { Allow: 'GET, POST' });
        response.end('');
        return;
      }
      const form = method === 'POST' ? decodeForm(await readBody(request)) : {};
      const result = route.handler({
        engine,
        path,
        form,
        remoteAddress: request.socket.remoteAddress,
      });
      response.writeHead(result.status, result.headers);
      response.end(result.body);
      return;
    }
    if (url.pathname.startsWith('/_sandbox/connect/')) {
      const body = method === 'POST' ? parseJson(await readBody(request)) : {};
      const session = sessionFor(engine, request.headers.authorization);
      if (route?.surface !== 'connect') {
        throw invalidRequest(`Unrecognized request URL (${method}: ${url.pathname}).`, {
          status: 404,
        });
      }
      const query = new Params(queryValues(url.searchParams));
      const result = route.handler({ engine, session, path, query, body });
      return sendJson(response, 200, result, headers);
    }
    const key = bearer(request);
    // Only controls marked publishable (the 3D Secure answer) check their key themselves.
    if (
      !(route?.surface === 'control' && route.publishable) &&
      key !== engine.state.keys.secretKey
    ) {
      throw new StripeApiError(401, {
        type: 'invalid_request_error',
        message: 'Sandbox controls need `Authorization: Bearer <secret key>`.',
      });
    }
    const body = method === 'POST' || method === 'PUT' ? parseJson(await readBody(request)) : {};
    if (route?.surface !== 'control') {
      throw invalidRequest(`Unrecognized sandbox control (${method}: ${url.pathname}).`, {
        status: 404,
      });
    }
    const result = await route.handler({ engine, controls, path, body, key });
    return sendJson(response, 200, result, headers);
  } catch (error) {
    const { status, body } = errorEnvelope(error);
    if (status === 500) console.error('[marketkit-sandbox] internal error', error);
    sendJson(response, status, body, headers);
  }
}
