// MSW for stories, scoped per story. msw-storybook-addon keeps one global handler list that each story's
// loader replaces, so on a Docs page (every story of a component in one iframe) the story whose loader ran
// last answered for all of them, and a story opened before (say a live one, with no mocks) could leave the
// Docs page talking to nothing: "Sign in first." in every story. Here each story's provider talks to its
// own `apiBase` (`/api/marketkit/__story/<id>`), and one handler per story answers there with that story's
// own handlers, so a story's mocks never depend on which story loaded first.
import type { Loader } from '@storybook/react-vite';
import { getResponse, http, type RequestHandler } from 'msw';
import { setupWorker } from 'msw/browser';
import { STORYBOOK_API_BASE } from './constants';

/** `parameters.msw`: named groups of handlers (`marketkit`, `stripe`, `connect`), replaceable per story. */
export interface StoryMockParameters {
  handlers?: Record<string, RequestHandler[] | undefined>;
}

/** Where a story's provider sends the kit's requests. */
export function storyApiBase(storyId: string): string {
  return `${STORYBOOK_API_BASE}/__story/${storyId}`;
}

const worker = typeof window === 'undefined' ? null : setupWorker();
// Requests nobody mocked (the live-sandbox stories) go to the network untouched.
const started = worker?.start({ onUnhandledRequest: 'bypass', quiet: true });

/** Answers requests under the story's own `apiBase` with that story's handlers, and nothing else. */
export function scopedHandler(storyId: string, handlers: RequestHandler[]): RequestHandler {
  const base = storyApiBase(storyId);
  return http.all(`${base}/*`, async ({ request }) => {
    const url = new URL(request.url);
    url.pathname = url.pathname.replace(base, STORYBOOK_API_BASE);
    const body = ['GET', 'HEAD'].includes(request.method) ? undefined : await request.text();
    const unscoped = new Request(url, { method: request.method, headers: request.headers, body });
    return getResponse(handlers, unscoped);
  });
}

export const storyMocksLoader: Loader = async (context) => {
  if (!worker) return {};
  await started;
  const groups = (context.parameters.msw as StoryMockParameters | undefined)?.handlers ?? {};
  const { marketkit = [], ...shared } = groups;
  // A single story owns the page: start from a clean list. A Docs page renders many stories at once:
  // each adds its own scoped handler and none removes another's.
  if (context.viewMode !== 'docs') worker.resetHandlers();
  worker.use(
    scopedHandler(context.id, marketkit),
    ...Object.values(shared).flatMap((handlers) => handlers ?? []),
  );
  return {};
};
