import type { Response } from 'express';

/**
 * `response.json()` without Express's ETag, a SHA-1 over every body that only GET/HEAD freshness
 * checks use: a POST answer never needs it, and on the checkout path it is measurable.
 */
export function sendJson(response: Response, body: unknown): void {
  response.status(200).type('application/json; charset=utf-8').end(JSON.stringify(body));
}
