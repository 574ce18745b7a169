import { invalidRequest, missingParam } from './errors';
import type { FormObject, FormValue } from './form';

/**
 * The parameters a request may carry: `true` for a value (or a list of values), `'any'` for free-form
 * keys (metadata), or the nested keys a hash accepts. Stripe refuses an unknown key at every level:
 * https://docs.stripe.com/api/errors (`parameter_unknown`).
 */
export type ParamShape = { readonly [key: string]: true | 'any' | ParamShape };

/** Shapes shared by every endpoint that accepts these names. */
const knownShapes: ParamShape = {
  metadata: 'any',
  created: { gt: true, gte: true, lt: true, lte: true },
};

function unknownParameter(name: string) {
  return invalidRequest(`Received unknown parameter: ${name}`, {
    param: name,
    code: 'parameter_unknown',
  });
}

function checkShape(values: FormObject, shape: ParamShape, prefix: string) {
  for (const [key, value] of Object.entries(values)) {
    const name = prefix ? `${prefix}[${key}]` : key;
    // `expand[]` is a request option every endpoint takes at the top level.
    if (!prefix && key === 'expand') continue;
    const spec = shape[key];
    if (spec === undefined) throw unknownParameter(name);
    if (spec === 'any') continue;
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) continue;
      if (spec === true) {
        const [first] = Object.keys(item);
        if (first !== undefined) throw unknownParameter(`${name}[${first}]`);
        continue;
      }
      checkShape(item, spec, name);
    }
  }
}

/** Typed reads of decoded form params with Stripe's error messages for bad input. */
export class Params {
  constructor(
    readonly values: FormObject,
    private readonly prefix = '',
  ) {}

  private name(key: string) {
    return this.prefix ? `${this.prefix}[${key}]` : key;
  }

  /**
   * Rejects any key, at any depth, outside `allowed` (Stripe's `parameter_unknown`). A list of names
   * accepts plain values under them (and the shared shapes of `metadata` and `created`); nested hashes
   * need a {@link ParamShape}.
   */
  allowOnly(allowed: readonly string[] | ParamShape) {
    const shape: ParamShape = Array.isArray(allowed)
      ? Object.fromEntries(allowed.map((key: string) => [key, knownShapes[key] ?? true]))
      : (allowed as ParamShape);
    checkShape(this.values, shape, this.prefix);
    return this;
  }

  has(key: string) {
    return this.values[key] !== undefined;
  }

  string(key: string): string | undefined {
    const value = this.values[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string')
      throw invalidRequest(`Invalid string: ${this.name(key)}`, { param: this.name(key) });
    return value;
  }

  requiredString(key: string): string {
    const value = this.string(key);
    if (value === undefined || value === '') throw missingParam(this.name(key));
    return value;
  }

  oneOf<T extends string>(key: string, options: readonly T[]): T | undefined {
    const value = this.string(key);
    if (value === undefined || value === '') return undefined;
    if (!(options as readonly string[]).includes(value)) {
      throw invalidRequest(`Invalid ${this.name(key)}: must be one of ${options.join(', ')}`, {
        param: this.name(key),
        code: 'parameter_invalid_string',
      });
    }
    return value as T;
  }

  integer(key: string): number | undefined {
    const value = this.string(key);
    if (value === undefined || value === '') return undefined;
    if (!/^-?\d+$/.test(value)) {
      throw invalidRequest(`Invalid integer: ${value}`, {
        param: this.name(key),
        code: 'parameter_invalid_integer',
      });
    }
    return Number(value);
  }

  requiredInteger(key: string): number {
    const value = this.integer(key);
    if (value === undefined) throw missingParam(this.name(key));
    return value;
  }

  boolean(key: string): boolean | undefined {
    const value = this.string(key);
    if (value === undefined || value === '') return undefined;
    if (value === 'true') return true;
    if (value === 'false') return false;
    throw invalidRequest(`Invalid boolean: ${value}`, {
      param: this.name(key),
      code: 'parameter_invalid_boolean',
    });
  }

  object(key: string): Params | undefined {
    const value = this.values[key];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw invalidRequest(`Invalid object: ${this.name(key)}`, { param: this.name(key) });
    }
    return new Params(value, this.name(key));
  }

  stringArray(key: string): string[] | undefined {
    const value: FormValue | undefined = this.values[key];
    if (value === undefined || value === '') return undefined;
    if (typeof value === 'string') return [value];
    if (Array.isArray(value) && value.every((item) => typeof item === 'string'))
      return value as string[];
    throw invalidRequest(`Invalid array: ${this.name(key)}`, { param: this.name(key) });
  }

  /** Stripe metadata semantics: `''` deletes a key, and `metadata=''` clears all. */
  metadata(current: Record<string, string> = {}): Record<string, string> {
    const value = this.values.metadata;
    if (value === undefined) return current;
    if (value === '') return {};
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw invalidRequest('Invalid object: metadata', { param: 'metadata' });
    }
    const next = { ...current };
    for (const [key, item] of Object.entries(value)) {
      if (typeof item !== 'string')
        throw invalidRequest(`Invalid metadata[${key}]`, { param: `metadata[${key}]` });
      if (item === '') delete next[key];
      else next[key] = item;
    }
    return next;
  }

  expand(): string[] {
    return this.stringArray('expand') ?? [];
  }
}

/** Half-up rounding of `amount * basisPoints / 10000` in integers, so money never meets a float. */
export function percentOf(amount: number, basisPoints: number): number {
  return Math.floor((amount * basisPoints + 5000) / 10000);
}

export function isCurrency(value: string) {
  return /^[a-z]{3}$/.test(value);
}

export function requireCurrency(params: Params, key = 'currency'): string {
  const value = params.requiredString(key);
  if (!isCurrency(value)) {
    throw invalidRequest(
      `Invalid currency: ${value}. Stripe currencies are three-letter lowercase ISO codes.`,
      {
        param: key,
        code: 'parameter_invalid_string',
      },
    );
  }
  return value;
}
