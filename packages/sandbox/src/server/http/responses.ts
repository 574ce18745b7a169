import type { IncomingMessage, ServerResponse } from 'node:http';
import { StripeApiError, invalidRequest, type StripeErrorBody } from './errors';

export const corsHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers':
    'Authorization, Content-Type, Stripe-Account, Stripe-Version, Idempotency-Key',
  'Access-Control-Expose-Headers': 'Request-Id, Idempotent-Replayed, Stripe-Version',
  'Access-Control-Max-Age': '600',
};

const maxBodyBytes = 1_000_000;

export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(invalidRequest('Request body too large.', { status: 413 }));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

export function errorEnvelope(error: unknown): {
  status: number;
  body: { error: StripeErrorBody };
} {
  if (error instanceof StripeApiError) return { status: error.status, body: { error: error.body } };
  return {
    status: 500,
    body: { error: { type: 'api_error', message: 'An unexpected error occurred in the sandbox.' } },
  };
}

export function parseJson(text: string): Record<string, unknown> {
  if (!text.trim()) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // Fall through to the error below.
  }
  throw invalidRequest('The request body must be a JSON object.');
}

export function bearer(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization ?? '';
  const bearerMatch = /^Bearer\s+(.+)$/i.exec(header);
  if (bearerMatch) return bearerMatch[1]?.trim();
  const basic = /^Basic\s+(.+)$/i.exec(header);
  if (basic?.[1]) return Buffer.from(basic[1], 'base64').toString('utf8').split(':')[0];
  return undefined;
}

export function masked(key: string) {
  return key.length > 12 ? `${key.slice(0, 8)}${'*'.repeat(8)}${key.slice(-4)}` : '********';
}
