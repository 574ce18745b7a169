import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Records response bodies and webhook payloads for the shape-conformance check when
 * `MARKETKIT_SANDBOX_RECORD` names a directory (set by `pnpm test`). Bodies with the same skeleton —
 * the same keys, JSON types and enum-like strings — are written once per process, so a full test run
 * stays a few megabytes.
 */
const directory = process.env.MARKETKIT_SANDBOX_RECORD;
const file = directory
  ? join(directory, `${process.pid}-${randomBytes(4).toString('hex')}.jsonl`)
  : undefined;
const seen = new Set<string>();
let ready = false;

/** Keeps what the check reads (keys, JSON types, enum-like strings) and drops ids, amounts and text. */
function skeleton(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'string') return /^[a-z][a-z0-9_.]*$/.test(value) ? value : '';
    return typeof value === 'number' ? 0 : value;
  }
  if (Array.isArray(value)) return value.map(skeleton);
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, skeleton(item)]),
  );
}

export function recordForConformance(source: 'response' | 'webhook', route: string, body: string) {
  if (!file) return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return;
  }
  const digest = createHash('sha1')
    .update(route)
    .update(JSON.stringify(skeleton(parsed)))
    .digest('hex');
  if (seen.has(digest)) return;
  seen.add(digest);
  if (!ready) {
    mkdirSync(directory as string, { recursive: true });
    ready = true;
  }
  appendFileSync(file, `${JSON.stringify({ source, route, body: parsed })}\n`);
}
