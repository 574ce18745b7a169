import { HttpError } from './errors';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The CSRF defence for every state-changing route but the webhook (Stripe signs its requests). A
 * browser on another site can only send a form or a `no-cors` fetch, whose content type is
 * `application/x-www-form-urlencoded`, `multipart/form-data` or `text/plain`; a cross-site
 * `application/json` request needs a CORS preflight MarketKit never grants. So:
 * - `Sec-Fetch-Site: cross-site`, or an `Origin` outside `allowedOrigins` → `403 cross_origin_forbidden`;
 * - anything but `Content-Type: application/json`, with a body or without (`POST /payouts` has none)
 *   → `415 unsupported_media_type`, before the body is read.
 * Requests without `Origin` (servers, curl) pass the origin check; they cannot carry a victim's cookies.
 */
export function checkCsrf(
  method: string,
  header: (name: string) => string | undefined,
  allowedOrigins: ReadonlySet<string>,
): void {
  if (!STATE_CHANGING.has(method)) return;
  const origin = header('Origin');
  if (
    header('Sec-Fetch-Site') === 'cross-site' ||
    (origin !== undefined && !allowedOrigins.has(origin))
  ) {
    throw new HttpError(
      'cross_origin_forbidden',
      'This request came from another site; only the marketplace’s own pages may make it.',
    );
  }
  if (mediaType(header('Content-Type')) !== 'application/json') {
    throw new HttpError(
      'unsupported_media_type',
      'Send `Content-Type: application/json` (with an empty body if the route takes none).',
    );
  }
}

export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}
