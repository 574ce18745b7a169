import type { ErrorCode } from '@marketkit/core';
import type { z } from 'zod';
import { HttpError } from './errors';

type Issue = z.core.$ZodIssue;

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number'
        ? `[${segment}]`
        : index === 0
          ? String(segment)
          : `.${String(segment)}`,
    )
    .join('');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

const AMOUNT_FIELDS = new Set(['amount']);

/** Picks the error code a client can act on for one zod issue. */
function codeFor(issue: Issue, input: unknown): ErrorCode {
  const field = issue.path[issue.path.length - 1];
  if (issue.code === 'unrecognized_keys') return 'unknown_field';
  if (typeof field === 'string' && AMOUNT_FIELDS.has(field)) {
    if (issue.code === 'invalid_type') {
      if (issue.expected === 'int') return 'not_an_integer';
      const value = valueAt(input, issue.path);
      // JSON.parse turns 1e400 into Infinity.
      if (typeof value === 'number' && !Number.isFinite(value)) return 'amount_too_large';
      return 'invalid_amount';
    }
    if (issue.code === 'too_small')
      return valueAt(input, issue.path) === 0 ? 'amount_zero' : 'amount_negative';
    if (issue.code === 'too_big') return 'amount_too_large';
  }
  if (field === 'quantity') return 'invalid_quantity';
  if (field === 'items' && issue.code === 'too_small') return 'empty_order';
  if (field === 'items' && issue.code === 'too_big') return 'too_many_lines';
  return 'invalid_request';
}

/** Parses a request body or query with a core schema; the first problem becomes a 4xx `HttpError`. */
export function parseRequest<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  options: { unknownField?: 'unknown_field' | 'invalid_request' } = {},
): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues;
  // Unknown fields first: they usually mean a client built against another version of the contract.
  const issue = issues.find((candidate) => candidate.code === 'unrecognized_keys') ?? issues[0]!;
  const code = codeFor(issue, input);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const param = formatPath([...issue.path, key]);
    throw new HttpError(options.unknownField ?? code, `Unknown field \`${param}\`; remove it.`, {
      param,
    });
  }
  const param = formatPath(issue.path);
  const message = param ? `\`${param}\`: ${issue.message}` : issue.message;
  throw new HttpError(code, message, param ? { param } : {});
}
