import { MarketkitError, type ErrorCode } from '@marketkit/core';

/** An error the router answers with its code's HTTP status (from core's `ERROR_CODES`). */
export class HttpError extends MarketkitError {
  /** Extra response headers, e.g. `Retry-After` for `rate_limited`. */
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { param?: string; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(code, message, options);
    this.name = 'HttpError';
    this.headers = options.headers ?? {};
  }
}

export function isHttpError(error: unknown): error is HttpError {
  return error instanceof HttpError;
}

/** Thrown by `createMarketkitRouter` for a bad option; `code` names the option problem. */
export class ConfigurationError extends Error {
  readonly code: `ERR_MARKETKIT_${string}`;

  constructor(code: `ERR_MARKETKIT_${string}`, message: string) {
    super(message);
    this.name = 'ConfigurationError';
    this.code = code;
  }
}

export function isConfigurationError(error: unknown): error is ConfigurationError {
  return error instanceof ConfigurationError;
}
