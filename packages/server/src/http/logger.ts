/** The part of a pino-compatible logger MarketKit uses. */
export interface Logger {
  info(object: Record<string, unknown>, message?: string): void;
  warn(object: Record<string, unknown>, message?: string): void;
  error(object: Record<string, unknown>, message?: string): void;
}

const SECRET_PATTERN =
  /\b(sk|rk)_(test|live)_[A-Za-z0-9]+|\bwhsec_[A-Za-z0-9]+|\b[A-Za-z0-9]+_secret_[A-Za-z0-9]+/g;
const SECRET_KEYS = /secret|password|authorization|api_?key|cookie/i;

/** Replaces anything shaped like a Stripe secret, webhook secret or client secret. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(SECRET_PATTERN, '[redacted]');
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const output: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    output[key] = SECRET_KEYS.test(key) ? '[redacted]' : redact(item, depth + 1);
  }
  return output;
}

const silent: Logger = { info() {}, warn() {}, error() {} };

/** Wraps the app's logger so nothing MarketKit logs can carry a secret. */
export function createSafeLogger(logger: Logger | undefined): Logger {
  if (!logger) return silent;
  const wrap = (level: keyof Logger) => (object: Record<string, unknown>, message?: string) =>
    logger[level](
      redact(object) as Record<string, unknown>,
      message === undefined ? undefined : (redact(message) as string),
    );
  return { info: wrap('info'), warn: wrap('warn'), error: wrap('error') };
}
