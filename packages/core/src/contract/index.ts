// `@marketkit/core/contract`: the zod schemas, for servers and tests that validate at runtime.
export * from './schemas';
export type * from './types';
export { API_ROUTES } from './routes';
export { buildPath } from './build-path';
export { WEEKDAYS } from './constants';
export type { ApiContract, ApiRouteName } from './routes';
