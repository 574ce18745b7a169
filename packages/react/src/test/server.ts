import { setupServer } from 'msw/node';
import { createMarketkitHandlers } from './handlers';

/** One MSW server for the project's tests; each test adds its own overrides with `server.use`. */
export const server = setupServer(...createMarketkitHandlers());
