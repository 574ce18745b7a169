// Apart from errors.ts so a browser's first load, whose API client throws it, does not also load the server's
// error classes and codes (they come with the first failure).

/** The request never got an answer (offline, DNS, CORS, aborted). Safe to retry. */
export class NetworkError extends Error {
  constructor(
    message = 'The server could not be reached. Check the connection and try again.',
    options?: { cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'NetworkError';
  }
}

export function isNetworkError(error: unknown): error is NetworkError {
  return error instanceof NetworkError;
}
