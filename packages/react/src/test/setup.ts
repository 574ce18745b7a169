import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from './server';

// jsdom-only: the SSR test file runs in node and must not start MSW against a missing `window`.
const isBrowserLike = typeof window !== 'undefined';

beforeAll(() => {
  server.listen({
    onUnhandledRequest(request, print) {
      // Integration tests talk to a real server and sandbox on loopback.
      if (new URL(request.url).hostname === '127.0.0.1') return;
      // Anything else unanswered is a bug in a test (or a route the kit forgot), never silently answered.
      print.error();
    },
  });
});
afterEach(() => {
  if (isBrowserLike) cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());
