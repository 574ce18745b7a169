// `@marketkit/server/fetch`: MarketKit as a fetch-standard `(request: Request) => Promise<Response>`
// handler (Next.js App Router, React Router, Hono, Bun). It never imports Express.
export { createMarketkitHandler } from './fetch/handler';
export type { MarketkitHandler } from './fetch/handler';
export type { MarketkitLifecycle } from './core';
export type { MarketkitHandlerOptions } from './options';
export * from './shared-exports';
