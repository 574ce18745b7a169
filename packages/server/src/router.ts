// The Express adapter: turns an Express request into the core's call and its answer back.
import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import { API_ROUTES } from '@marketkit/core/contract';
import { createMarketkitCore, type CoreResponse, type MarketkitLifecycle } from './core';
import { HttpError } from './http/errors';
import type { MarketkitOptions } from './options';
import { MAX_WEBHOOK_BYTES } from './webhooks/webhook-handler';

/** `createMarketkitRouter`'s options: `authenticate` gets Express's `req` (with `req.get`, `req.cookies`, …). */
export type MarketkitRouterOptions = MarketkitOptions<Request>;

export interface MarketkitHandle extends MarketkitLifecycle {
  /** The raw-body webhook middleware, to mount elsewhere (e.g. before `express.json()`). */
  webhookHandler: RequestHandler;
}

export type MarketkitRouter = Router & { marketkit: MarketkitHandle };

function run(middleware: RequestHandler, request: Request, response: Response): Promise<void> {
  return new Promise((resolve, reject) =>
    middleware(request, response, (error?: unknown) => (error ? reject(error) : resolve())),
  );
}

/** The webhook's bytes: from `express.raw()`, or streamed if an app-level parser skipped the body. */
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

// Body-parser's `hasBody`, `strict` and charset rules for the requests browsers and SDKs send: JSON with a
// declared length and no content coding. Read straight from the stream, as body-parser would (one
// buffer, one JSON.parse), without its per-request content-type parsing, charset decoder and debug
// layers. Everything else (chunked, compressed, another charset, an already-read body) is left to
// body-parser itself, so both paths answer alike.
const PLAIN_JSON_TYPES = new Set(['application/json', 'application/json; charset=utf-8']);

function readPlainJson(request: Request, limit: number): Promise<unknown> | null {
  const { headers } = request;
  const declared = Number(headers['content-length']);
  if (
    !(declared > 0 && declared <= limit && Number.isInteger(declared)) ||
    headers['transfer-encoding'] !== undefined ||
    headers['content-encoding'] !== undefined ||
    !PLAIN_JSON_TYPES.has(headers['content-type']?.toLowerCase() ?? '') ||
    request.readableEncoding !== null ||
    request.readableEnded ||
    request.readableFlowing !== null ||
    !request.socket?.readable
  )
    return null;
  // The listeners are inline on purpose: named per-request closures cost a `__name` call each under tsx.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      chunks.push(chunk);
    });
    request.on('end', () => {
      try {
        resolve(parsePlainJson(chunks, size, declared));
      } catch (error) {
        reject(error);
      }
    });
    // Rejecting a settled promise does nothing, so a late `close` or `error` is harmless.
    request.on('error', () => reject(aborted()));
    request.on('close', () => {
      if (!request.complete) reject(aborted());
    });
  });
}

const aborted = () =>
  Object.assign(new Error('request aborted'), { status: 400, type: 'request.aborted' });

/** raw-body's length check and body-parser's strict JSON parse, with the same error types (see error-handler.ts). */
function parsePlainJson(chunks: readonly Buffer[], size: number, declared: number): unknown {
  if (size !== declared) {
    throw Object.assign(new Error('request size did not match content length'), {
      status: 400,
      type: 'request.size.invalid',
    });
  }
  let text = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)).toString('utf8');
  // iconv-lite drops a byte order mark before body-parser parses.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Strict mode: the top level is an object or an array (JSON.parse refuses any other whitespace).
  const first = text.trimStart()[0];
  try {
    if (first !== '{' && first !== '[') throw new SyntaxError('strict violation');
    return JSON.parse(text);
  } catch (error) {
    throw Object.assign(error as Error, { status: 400, type: 'entity.parse.failed' });
  }
}

// Written straight to Node's response, as the fetch adapter does: Express's res.json would also hash
// every body for an ETag, which no MarketKit answer (all dynamic, most to POSTs) can use.
function send(response: Response, answer: CoreResponse): void {
  if (answer.body === undefined) {
    response.writeHead(answer.status, answer.headers).end();
    return;
  }
  const body = JSON.stringify(answer.body);
  response
    .writeHead(answer.status, {
      ...answer.headers,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
    })
    .end(body);
}

/**
 * The Express router behind MarketKit's components. Mount it under a path of your app, e.g.
 * `app.use('/api/marketkit', createMarketkitRouter(options))`, before `express.json()`.
 */
export function createMarketkitRouter(options: MarketkitRouterOptions): MarketkitRouter {
  const core = createMarketkitCore(options);
  const parseJson = express.json({
    limit: core.config.limits.bodyBytes,
    strict: true,
    type: 'application/json',
  });
  const parseRaw = express.raw({ type: () => true, limit: MAX_WEBHOOK_BYTES });

  const handle =
    (target?: { method: string; path: string }): RequestHandler =>
    (request, response, next) => {
      const queryStart = request.url.indexOf('?');
      core
        .handle({
          method: target?.method ?? request.method,
          path: target?.path ?? request.path,
          query: queryStart === -1 ? '' : request.url.slice(queryStart + 1),
          header: (name) => request.get(name),
          async readBody(kind) {
            if (kind === 'json') {
              const plain = readPlainJson(request, core.config.limits.bodyBytes);
              if (plain) return (request.body = await plain);
              await run(parseJson, request, response);
              return request.body;
            }
            await run(parseRaw, request, response);
            return readRawBody(request);
          },
          native: request,
        })
        .then((answer) => send(response, answer), next);
    };

  const router = Router() as MarketkitRouter;
  router.use(handle());
  router.marketkit = {
    ...core.lifecycle,
    webhookHandler: handle({ method: 'POST', path: API_ROUTES.webhooks.path }),
  };
  return router;
}

/**
 * The webhook middleware on its own: `app.post('/stripe/webhooks', createWebhookHandler(router))`,
 * mounted before `express.json()` so the body stays raw. The router also serves `POST /webhooks`.
 */
export function createWebhookHandler(router: MarketkitRouter): RequestHandler {
  if (typeof router?.marketkit?.webhookHandler !== 'function') {
    throw new TypeError(
      'createWebhookHandler(router) needs a router from createMarketkitRouter().',
    );
  }
  return router.marketkit.webhookHandler;
}
