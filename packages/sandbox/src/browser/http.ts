/** The error shape Stripe.js hands back in `{ error }` results. */
export interface SandboxStripeError {
  type: string;
  code?: string;
  decline_code?: string;
  message: string;
  param?: string;
  payment_intent?: Record<string, unknown>;
  [key: string]: unknown;
}

export type FormValue = string | number | boolean | null | undefined | FormFields;
export interface FormFields {
  [key: string]: FormValue;
}

/** Stripe's form encoding: nested objects become `parent[child]=value`, undefined/null are left out. */
export function encodeForm(fields: FormFields): string {
  const pairs: string[] = [];
  const walk = (prefix: string, value: FormValue): void => {
    if (value === undefined || value === null) return;
    if (typeof value === 'object') {
      for (const [key, nested] of Object.entries(value))
        walk(prefix ? `${prefix}[${key}]` : key, nested);
      return;
    }
    pairs.push(`${encodeURIComponent(prefix)}=${encodeURIComponent(String(value))}`);
  };
  walk('', fields);
  return pairs.join('&');
}

export type ApiResult<T> =
  { ok: true; status: number; body: T } | { ok: false; status: number; error: SandboxStripeError };

const networkError = (cause: unknown): SandboxStripeError => ({
  type: 'api_connection_error',
  message: `Could not reach the MarketKit sandbox (${cause instanceof Error ? cause.message : String(cause)}). Is it running?`,
});

/** One request to the sandbox; never throws for HTTP or network failures, so callers can return `{ error }`. */
export async function sandboxRequest<T>(
  url: string,
  init: { method: 'GET' | 'POST'; bearer: string; form?: FormFields; json?: unknown },
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { Authorization: `Bearer ${init.bearer}` };
  let body: string | undefined;
  if (init.form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = encodeForm(init.form);
  } else if (init.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(init.json);
  }
  let response: Response;
  try {
    response = await fetch(url, { method: init.method, headers, body });
  } catch (cause) {
    return { ok: false, status: 0, error: networkError(cause) };
  }
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    parsed = undefined;
  }
  if (response.ok) return { ok: true, status: response.status, body: parsed as T };
  const envelope = parsed as { error?: SandboxStripeError } | undefined;
  const error: SandboxStripeError =
    envelope?.error && typeof envelope.error.message === 'string'
      ? envelope.error
      : { type: 'api_error', message: `The sandbox answered HTTP ${response.status}.` };
  return { ok: false, status: response.status, error };
}
