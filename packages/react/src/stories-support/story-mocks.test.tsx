// @vitest-environment node
// Regression test for the Storybook Docs-page bug: a Docs page renders every story of a component in one
// iframe, and when the stories shared one apiBase and one global handler list, whichever story loaded
// first (or last) answered for all of them ("Sign in first." in all 18 PayoutsPanel stories). Each story
// must get its own apiBase from the provider decorator, answered only by its own handlers, whatever the
// order the stories load in.
import type { ReactElement } from 'react';
import { getResponse, type RequestHandler } from 'msw';
import { storyNameFromExport, toId } from 'storybook/internal/csf';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_ROUTES } from '@marketkit/core';
import type { StoryContext } from '@storybook/react-vite';
import * as payoutsStories from '../payouts-panel/payouts-panel.stories';
import { createMarketkitHandlers } from '../test/handlers';
import { STORYBOOK_API_BASE } from './constants';
import { scopedHandler, type StoryMockParameters } from './story-mocks';
import { withMarketkit } from './with-marketkit';

const ORIGIN = 'http://localhost:6006';
const PENDING = 'still loading';

interface StoryEntry {
  id: string;
  apiBase: string;
  handlers: RequestHandler[];
}

function storiesOf(module: Record<string, unknown>): StoryEntry[] {
  const { default: meta, ...exports } = module as {
    default: { title: string; parameters?: Record<string, unknown> };
  } & Record<string, { parameters?: Record<string, unknown> }>;
  return Object.entries(exports)
    .filter(([name]) => name !== '__namedExportsOrder')
    .map(([name, story]) => {
      const id = toId(meta.title, storyNameFromExport(name));
      const parameters = { ...meta.parameters, ...story.parameters };
      // The provider the decorator wraps this story in, as Storybook would render it.
      const element = withMarketkit(() => null as never, {
        id,
        parameters,
        globals: { theme: 'light', locale: 'en' },
      } as unknown as StoryContext) as ReactElement<{ apiBase: string }>;
      const msw = parameters.msw as StoryMockParameters | undefined;
      return {
        id,
        apiBase: element.props.apiBase,
        // Stories without their own `marketkit` handlers get the preview's defaults.
        handlers:
          msw?.handlers?.marketkit ?? createMarketkitHandlers({ apiBase: STORYBOOK_API_BASE }),
      };
    });
}

/** Status and body of the response, or PENDING for a route that never answers (a Loading story). */
async function answer(handlers: RequestHandler[], url: string): Promise<string> {
  const response = await Promise.race([
    getResponse(handlers, new Request(url)),
    new Promise<typeof PENDING>((resolve) => setTimeout(() => resolve(PENDING), 200)),
  ]);
  if (response === PENDING) return PENDING;
  if (!response) return 'unhandled';
  return `${response.status} ${response.type === 'error' ? 'network error' : await response.text()}`;
}

const stories = storiesOf(payoutsStories);
const routes = [API_ROUTES.getBalance.path, API_ROUTES.listPayouts.path];

describe('Storybook mocks on a Docs page (every PayoutsPanel story in one page)', () => {
  // MSW resolves the handlers' relative paths against the page, as in Storybook's preview iframe.
  beforeAll(() => vi.stubGlobal('location', new URL(`${ORIGIN}/iframe.html`)));
  afterAll(() => vi.unstubAllGlobals());

  it('gives every story its own apiBase', () => {
    expect(stories.length).toBeGreaterThan(10);
    expect(new Set(stories.map((story) => story.apiBase)).size).toBe(stories.length);
    for (const story of stories) expect(story.apiBase).not.toBe(STORYBOOK_API_BASE);
  });

  it.each([
    ['in story order', false],
    ['in reverse order (a different story loaded first)', true],
  ])(
    'answers each story with its own mocks, never "Sign in first.", %s',
    async (_order, reversed) => {
      const loaded = reversed ? [...stories].reverse() : stories;
      // What a Docs page installs: one scoped handler per story, none removing another's.
      const docsPage = loaded.map((story) => scopedHandler(story.id, story.handlers));
      for (const story of stories) {
        for (const route of routes) {
          const onDocsPage = await answer(docsPage, `${ORIGIN}${story.apiBase}${route}`);
          const alone = await answer(story.handlers, `${ORIGIN}${STORYBOOK_API_BASE}${route}`);
          expect(onDocsPage, `${story.id} ${route}`).toBe(alone);
          expect(onDocsPage, `${story.id} ${route}`).not.toMatch(/^401|Sign in first|unhandled/);
        }
      }
    },
  );
});
