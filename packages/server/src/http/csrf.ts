import type { NextFunction, Request, Response } from 'express';
import { HttpError } from './errors';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function mediaType(request: Request): string {
  return (request.get('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * The CSRF defence for every state-changing route (the webhook route is mounted before it: Stripe signs
 * its requests). A browser on another site can only send a form or a `no-cors` fetch, whose content
 * type is `application/x-www-form-urlencoded`, `multipart/form-data` or `text/plain`; a cross-site
 * `application/json` request needs a CORS preflight this router never grants. So:
 * - `Sec-Fetch-Site: cross-site`, or an `Origin` outside `allowedOrigins` → `403 cross_origin_forbidden`;
 * - anything but `Content-Type: application/json`, with a body or without (`POST /payouts` has none)
 *   → `415 unsupported_media_type`, before the body is read.
 * Requests without `Origin` (servers, curl) pass the origin check; they cannot carry a victim's cookies.
 */
export function createCsrfGuard(allowedOrigins: ReadonlySet<string>) {
  return (request: Request, _response: Response, next: NextFunction): void => {
    if (!STATE_CHANGING.has(request.method)) return next();
    const origin = request.get('Origin');
    if (
      request.get('Sec-Fetch-Site') === 'cross-site' ||
      (origin !== undefined && !allowedOrigins.has(origin))
    ) {
      return next(
        new HttpError(
          'cross_origin_forbidden',
          'This request came from another site; only the marketplace’s own pages may make it.',
        ),
      );
    }
    if (mediaType(request) !== 'application/json') {
      return next(
        new HttpError(
          'unsupported_media_type',
          'Send `Content-Type: application/json` (with an empty body if the route takes none).',
        ),
      );
    }
    next();
  };
}
