import { invalidRequest, missingParam } from './errors';
import type { FormObject, FormValue } from './form';

/** Typed reads of decoded form params with Stripe's error messages for bad input. */
export class Params {
  constructor(
    readonly values: FormObject,
    private readonly prefix = '',
  ) {}

  private name(key: string) {
    return this.prefix ? `${this.prefix}[${key}]` : key;
  }

  /** Rejects any top-level key outside `allowed` (Stripe's `parameter_unknown`). */
  allowOnly(allowed: readonly string[]) {
    for (const key of Object.keys(this.values)) {
      if (key === 'expand' || allowed.includes(key)) continue;
      throw invalidRequest(`Received unknown parameter: ${this.name(key)}`, {
        param: this.name(key),
        code: 'parameter_unknown',
      });
    }
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
