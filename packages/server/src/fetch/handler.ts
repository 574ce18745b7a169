// The fetch adapter: `(request: Request) => Promise<Response>` for Next.js route handlers, React
// Router / Remix actions and loaders, Hono, Bun.serve and Deno (Node-compatible runtimes).
import { createMarketkitCore, type MarketkitLifecycle } from '../core';
import type { MarketkitHandlerOptions } from '../options';
import { MAX_WEBHOOK_BYTES } from '../webhooks/webhook-handler';
import { readBytes, readJsonBody } from './read-body';

export type MarketkitHandler = ((request: Request) => Promise<Response>) & {
  marketkit: MarketkitLifecycle;
};

/**
 * MarketKit as a fetch-standard handler. It serves the paths under `urls.apiBase`'s pathname, e.g.
 * with `apiBase: 'https://shop.example/api/marketkit'`, `POST /api/marketkit/checkout`; other paths
 * get `404 not_found`. Same options, routes and answers as `createMarketkitRouter`.
 */
export function createMarketkitHandler(options: MarketkitHandlerOptions): MarketkitHandler {
  const core = createMarketkitCore(options);
  const basePath = new URL(core.config.urls.apiBase).pathname.replace(/\/+$/, '');

  const handler = (async (request: Request) => {
    const url = new URL(request.url);
    const underBase =
      url.pathname === basePath || url.pathname.startsWith(`${basePath}/`)
        ? url.pathname.slice(basePath.length) || '/'
        : null;
    const answer = await core.handle({
      method: request.method,
      path: underBase,
      query: url.search.slice(1),
      header: (name) => request.headers.get(name) ?? undefined,
      readBody: (kind) =>
        kind === 'raw'
          ? readBytes(request, MAX_WEBHOOK_BYTES)
          : readJsonBody(request, core.config.limits.bodyBytes),
      native: request,
    });
    return answer.body === undefined
      ? new Response(null, { status: answer.status, headers: answer.headers })
      : Response.json(answer.body, { status: answer.status, headers: answer.headers });
  }) as MarketkitHandler;
  handler.marketkit = core.lifecycle;
  return handler;
}
