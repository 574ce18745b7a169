export * from './fixtures';
export { createMarketkitHandlers, apiErrorResponse, TEST_API_BASE } from './handlers';
export type {
  HandledRoute,
  HandlerOverride,
  HandlerOverrides,
  MarketkitHandlersOptions,
} from './handlers';
