import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { expand, matchRoute, type ApiContext } from './api';
import { handleConnectApi } from './connect-api';
import type { Engine } from './engine';
import { StripeApiError, invalidRequest, type StripeErrorBody } from './errors';
import { decodeForm } from './form';
import {
  expressDashboardPage,
  onboardingPage,
  submitOnboarding,
  type HostedResponse,
} from './hosted';
import { recordForConformance } from './conformance/recorder';
import { randomToken } from './ids';
import { Params } from './params';
import { authenticatePaymentIntent, paymentIntentRecord } from './payments';

/** A fault injected for the next `count` requests whose method and path prefix match. */
export interface SandboxFault {
  method?: string;
  /** Path prefix, e.g. `/v1/transfers`. */
  path: string;
  count: number;
  status?: number;
  latencyMs?: number;
  /** Destroy the connection without answering. */
  drop?: boolean;
}

export interface Controls {
  advanceClock(seconds: number): Promise<void>;
  closeDispute(id: string, outcome: 'won' | 'lost'): Promise<void>;
  reviewAccount(id: string, state: 'under_review' | 'cleared'): Promise<void>;
  injectFault(fault: SandboxFault): void;
  reset(): Promise<void>;
  snapshot(): unknown;
  restore(state: unknown): Promise<void>;
  flushWebhooks(): Promise<void>;
}

const corsHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers':
    'Authorization, Content-Type, Stripe-Account, Stripe-Version, Idempotency-Key',
  'Access-Control-Expose-Headers': 'Request-Id, Idempotent-Replayed, Stripe-Version',
  'Access-Control-Max-Age': '600',
};

const versionPattern = /^\d{4}-\d{2}-\d{2}(\.[a-z_]+)?$/;
const maxBodyBytes = 1_000_000;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(invalidRequest('Request body too large.', { status: 413 }));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

function errorEnvelope(error: unknown): { status: number; body: { error: StripeErrorBody } } {
  if (error instanceof StripeApiError) return { status: error.status, body: { error: error.body } };
  return {
    status: 500,
    body: { error: { type: 'api_error', message: 'An unexpected error occurred in the sandbox.' } },
  };
}

function parseJson(text: string): Record<string, unknown> {
  if (!text.trim()) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // Fall through to the error below.
  }
  throw invalidRequest('The request body must be a JSON object.');
}

function bearer(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization ?? '';
  const bearerMatch = /^Bearer\s+(.+)$/i.exec(header);
  if (bearerMatch) return bearerMatch[1]?.trim();
  const basic = /^Basic\s+(.+)$/i.exec(header);
  if (basic?.[1]) return Buffer.from(basic[1], 'base64').toString('utf8').split(':')[0];
  return undefined;
}

function masked(key: string) {
  return key.length > 12 ? `${key.slice(0, 8)}${'*'.repeat(8)}${key.slice(-4)}` : '********';
}

/** A path with its ids replaced, so one route's responses group together. */
function routeName(pathname: string) {
  return pathname.replace(/\/[a-z]+_[A-Za-z0-9]*[A-Z0-9][A-Za-z0-9_]*/g, '/:id');
}

export interface SandboxServer {
  server: Server;
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

/**
 * `POST /_sandbox/payment_intents/:id/authenticate`: what Stripe's 3D Secure page does, reachable from the
 * browser with the publishable key and the intent's client secret (like confirming).
 */
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

/** The HTTP front: `/v1/*` (Stripe's wire format), `/_sandbox/*` controls, hosted pages and the Connect.js API. */
export function createSandboxServer(getEngine: () => Engine, controls: Controls): SandboxServer {
  const faults: SandboxFault[] = [];
  const inFlightKeys = new Set<string>();
  const sockets = new Set<Socket>();

  controls.injectFault = (fault: SandboxFault) => {
    if (!fault.path || !Number.isInteger(fault.count) || fault.count < 1) {
      throw new Error('A fault needs a `path` prefix and a positive integer `count`.');
    }
    faults.push({ ...fault, method: fault.method?.toUpperCase() });
  };

  // A reset also forgets pending faults, so one chaos test cannot leak into the next.
  const resetState = controls.reset;
  controls.reset = async () => {
    faults.length = 0;
    await resetState();
  };

  function takeFault(method: string, pathname: string) {
    const index = faults.findIndex(
      (fault) => (!fault.method || fault.method === method) && pathname.startsWith(fault.path),
    );
    if (index === -1) return undefined;
    const fault = faults[index] as SandboxFault;
    fault.count -= 1;
    if (fault.count <= 0) faults.splice(index, 1);
    return fault;
  }

  async function applyFault(
    fault: SandboxFault | undefined,
    response: ServerResponse,
    headers: Record<string, string>,
  ): Promise<boolean> {
    if (!fault) return false;
    if (fault.latencyMs) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
    if (fault.drop) {
      response.socket?.destroy();
      return true;
    }
    if (fault.status) {
      const type =
        fault.status === 429
          ? 'invalid_request_error'
          : fault.status >= 500
            ? 'api_error'
            : fault.status === 402
              ? 'card_error'
              : 'invalid_request_error';
      const code =
        fault.status === 429 ? 'rate_limit' : fault.status === 402 ? 'card_declined' : undefined;
      sendJson(
        response,
        fault.status,
        {
          error: {
            type,
            message: `Injected sandbox fault (${fault.status}).`,
            ...(code ? { code } : {}),
          },
        },
        headers,
      );
      return true;
    }
    return false;
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, url: URL) {
    const engine = getEngine();
    const method = request.method ?? 'GET';
    const requestId = `req_${randomToken(14)}`;
    const headers: Record<string, string> = {
      ...corsHeaders,
      'Request-Id': requestId,
      'Stripe-Version': '',
    };
    const fail = (error: unknown) => {
      const { status, body } = errorEnvelope(error);
      if (status === 500 && !(error instanceof StripeApiError))
        console.error('[marketkit-sandbox] internal error', error);
      sendJson(response, status, body, headers);
    };
    try {
      const version = request.headers['stripe-version'];
      headers['Stripe-Version'] = typeof version === 'string' ? version : '2026-10-28.endive';
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
      const matched = matchRoute(method, url.pathname);
      if (!matched || 'methodMismatch' in matched) {
        throw invalidRequest(
          `Unrecognized request URL (${method}: ${url.pathname}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
          { status: 404 },
        );
      }
      if (keyKind === 'publishable' && !matched.route.publishable) {
        throw new StripeApiError(401, {
          type: 'invalid_request_error',
          message:
            'This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.',
        });
      }
      const accountHeader = request.headers['stripe-account'];
      let account = engine.platformId;
      if (
        typeof accountHeader === 'string' &&
        accountHeader &&
        accountHeader !== engine.platformId
      ) {
        const record = engine.state.accounts[accountHeader];
        if (!record || record.deleted) {
          throw new StripeApiError(403, {
            type: 'invalid_request_error',
            code: 'account_invalid',
            message: `The provided key '${masked(key)}' does not have access to account '${accountHeader}' (or that account does not exist). Application access may have been revoked.`,
          });
        }
        if (matched.route.platformOnly) {
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
      const scope = idempotencyKey ? `${keyKind}:${account}:${idempotencyKey}` : null;
      const fingerprint = `${method} ${url.pathname} ${JSON.stringify(values)}`;
      if (scope) {
        const saved = engine.state.idempotency[scope];
        if (saved) {
          if (saved.fingerprint !== fingerprint) {
            throw new StripeApiError(400, {
              type: 'idempotency_error',
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
            });
          }
          sendJson(response, saved.status, saved.body, {
            ...headers,
            'Idempotent-Replayed': 'true',
            'Idempotency-Key': idempotencyKey as string,
          });
          return;
        }
        if (inFlightKeys.has(scope)) {
          throw new StripeApiError(409, {
            type: 'idempotency_error',
            code: 'idempotency_key_in_use',
            message:
              'There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): ' +
              idempotencyKey +
              '. Please try again later.',
          });
        }
        headers['Idempotency-Key'] = idempotencyKey as string;
      }
      // Faults act after validation so a slow request holds its idempotency key, as on Stripe (409 for a twin).
      const fault = takeFault(method, url.pathname);
      if (fault) {
        if (scope) inFlightKeys.add(scope);
        try {
          if (await applyFault(fault, response, headers)) return;
        } finally {
          if (scope) inFlightKeys.delete(scope);
        }
      }
      const context: ApiContext = { engine, params, path: matched.path, account, keyKind };
      let status = 200;
      let text: string;
      engine.request = { id: requestId, idempotencyKey };
      try {
        const result = matched.route.handler(context);
        text = JSON.stringify(expand(engine, result, params.expand()));
      } catch (error) {
        const envelope = errorEnvelope(error);
        if (envelope.status === 500 && !(error instanceof StripeApiError))
          console.error('[marketkit-sandbox] internal error', error);
        status = envelope.status;
        text = JSON.stringify(envelope.body);
      } finally {
        engine.request = null;
      }
      // Stripe saves the outcome of requests that executed (not 500s) and replays it for the same key.
      if (scope && status !== 500) {
        engine.state.idempotency[scope] = {
          fingerprint,
          status,
          body: text,
          created: engine.now(),
        };
        engine.changed();
      }
      if (status < 300)
        recordForConformance('response', `${method} ${routeName(url.pathname)}`, text);
      sendJson(response, status, text, headers);
    } catch (error) {
      fail(error);
    }
  }

  function sendHosted(response: ServerResponse, result: HostedResponse) {
    response.writeHead(result.status, result.headers);
    response.end(result.body);
  }

  async function handleSandbox(request: IncomingMessage, response: ServerResponse, url: URL) {
    const engine = getEngine();
    const method = request.method ?? 'GET';
    const path = url.pathname.slice('/_sandbox/'.length);
    const headers: Record<string, string> = { ...corsHeaders };
    try {
      const hosted = /^hosted\/(onboarding|express)\/([^/]+)$/.exec(path);
      if (hosted) {
        const [, kind, id] = hosted as unknown as [string, string, string];
        if (kind === 'onboarding' && method === 'GET')
          return sendHosted(response, onboardingPage(engine, id));
        if (kind === 'onboarding' && method === 'POST') {
          const fields = decodeForm(await readBody(request));
          return sendHosted(
            response,
            submitOnboarding(engine, id, fields, request.socket.remoteAddress),
          );
        }
        if (kind === 'express' && method === 'GET')
          return sendHosted(response, expressDashboardPage(engine, id));
        return sendHosted(response, { status: 405, headers: { Allow: 'GET, POST' }, body: '' });
      }
      if (path.startsWith('connect/')) {
        const body = method === 'POST' ? parseJson(await readBody(request)) : {};
        const result = handleConnectApi(
          engine,
          method,
          path.slice('connect/'.length),
          url.searchParams,
          body,
          request.headers.authorization,
        );
        return sendJson(response, result.status, result.body, headers);
      }
      const authentication = /^payment_intents\/([^/]+)\/authenticate$/.exec(path);
      if (authentication && method === 'POST') {
        const body = parseJson(await readBody(request));
        const result = authenticateFromBrowser(
          engine,
          authentication[1] as string,
          body,
          bearer(request),
        );
        return sendJson(response, 200, result, headers);
      }
      if (bearer(request) !== engine.state.keys.secretKey) {
        throw new StripeApiError(401, {
          type: 'invalid_request_error',
          message: 'Sandbox controls need `Authorization: Bearer <secret key>`.',
        });
      }
      const body = method === 'POST' || method === 'PUT' ? parseJson(await readBody(request)) : {};
      const dispute = /^disputes\/([^/]+)\/close$/.exec(path);
      if (method === 'POST' && path === 'clock/advance') {
        const seconds = Number(body.seconds);
        if (!Number.isFinite(seconds) || seconds < 0)
          throw invalidRequest('`seconds` must be a non-negative number.', { param: 'seconds' });
        await controls.advanceClock(seconds);
        return sendJson(response, 200, { now: getEngine().now() }, headers);
      }
      if (method === 'GET' && path === 'clock')
        return sendJson(response, 200, { now: engine.now() }, headers);
      if (method === 'POST' && dispute) {
        const outcome = body.outcome;
        if (outcome !== 'won' && outcome !== 'lost')
          throw invalidRequest("`outcome` must be 'won' or 'lost'.", { param: 'outcome' });
        await controls.closeDispute(dispute[1] as string, outcome);
        return sendJson(response, 200, getEngine().state.disputes[dispute[1] as string], headers);
      }
      const review = /^accounts\/([^/]+)\/review$/.exec(path);
      if (method === 'POST' && review) {
        const state = body.state;
        if (state !== 'under_review' && state !== 'cleared')
          throw invalidRequest("`state` must be 'under_review' or 'cleared'.", { param: 'state' });
        await controls.reviewAccount(review[1] as string, state);
        return sendJson(response, 200, { ok: true }, headers);
      }
      if (method === 'POST' && path === 'faults') {
        try {
          controls.injectFault({
            method: typeof body.method === 'string' ? body.method : undefined,
            path: String(body.path ?? ''),
            count: Number(body.count ?? 1),
            status: body.status === undefined ? undefined : Number(body.status),
            latencyMs: body.latencyMs === undefined ? undefined : Number(body.latencyMs),
            drop: body.drop === true,
          });
        } catch (error) {
          throw invalidRequest((error as Error).message, { param: 'path' });
        }
        return sendJson(response, 200, { ok: true, pending: faults.length }, headers);
      }
      if (method === 'POST' && path === 'reset') {
        await controls.reset();
        return sendJson(response, 200, { ok: true }, headers);
      }
      if (method === 'GET' && path === 'state')
        return sendJson(response, 200, controls.snapshot(), headers);
      if (method === 'PUT' && path === 'state') {
        await controls.restore(body);
        return sendJson(response, 200, { ok: true }, headers);
      }
      if (method === 'POST' && path === 'webhooks/flush') {
        await controls.flushWebhooks();
        return sendJson(response, 200, { ok: true }, headers);
      }
      throw invalidRequest(`Unrecognized sandbox control (${method}: ${url.pathname}).`, {
        status: 404,
      });
    } catch (error) {
      const { status, body } = errorEnvelope(error);
      if (status === 500) console.error('[marketkit-sandbox] internal error', error);
      sendJson(response, status, body, headers);
    }
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://sandbox.local');
    if (request.method === 'OPTIONS') {
      response.writeHead(204, corsHeaders);
      response.end();
      return;
    }
    if (url.pathname.startsWith('/v1/')) {
      void handleApi(request, response, url);
    } else if (url.pathname.startsWith('/_sandbox/')) {
      void handleSandbox(request, response, url);
    } else {
      sendJson(
        response,
        404,
        {
          error: {
            type: 'invalid_request_error',
            message: `Unrecognized request URL (${request.method}: ${url.pathname}).`,
          },
        },
        corsHeaders,
      );
    }
  });
  server.keepAliveTimeout = 5_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  return {
    server,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}
