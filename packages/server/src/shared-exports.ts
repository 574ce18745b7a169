// The names both entries share (`@marketkit/server` for Express, `@marketkit/server/fetch`).
export type {
  MarketkitOptions,
  AuthenticatedUser,
  UserRole,
  WorkerOptions,
  MarketkitEventHooks,
  Pricing,
  PricingInput,
  PricedLine,
} from './options';
export { createStaticPricing, UnknownItemError, isUnknownItemError } from './checkout/pricing';
export type { CatalogueItem } from './checkout/pricing';
export type { EnsureAccountInput } from './accounts/account-service';
export type { TransferWorker } from './outbox/worker';
export { ConfigurationError, isConfigurationError, HttpError, isHttpError } from './http/errors';
export type { Logger } from './http/logger';
export { createPgliteStore } from './stores/pglite-store';
export type { PgliteStoreOptions } from './stores/pglite-store';
export { createPostgresStore } from './stores/postgres-store';
export type { PostgresStoreOptions } from './stores/postgres-store';
export type { Store, SqlClient } from './stores/store';
