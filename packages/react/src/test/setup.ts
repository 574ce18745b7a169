import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from './server';

// jsdom-only: the SSR test file runs in node and must not start MSW against a missing `window`.
const isBrowserLike = typeof window !== 'undefined';

beforeAll(() => {
  // Unhandled requests are bugs in a test (or a route the kit forgot), never silently answered.
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  if (isBrowserLike) cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());
