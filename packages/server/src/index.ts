// `@marketkit/server`: the Express router behind MarketKit's components.
export { createMarketkitRouter, createWebhookHandler } from './router';
export type { MarketkitRouter, MarketkitHandle, MarketkitRouterOptions } from './router';
export type { MarketkitLifecycle } from './core';
export * from './shared-exports';
