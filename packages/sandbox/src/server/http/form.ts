/** A decoded Stripe v1 request body or query: nested objects/arrays of strings. */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

/**
 * Decodes `a[b][0][c]=1&expand[]=x` (Stripe's bracket notation, as the SDK and Stripe.js send it)
 * into nested objects. Objects whose keys are all indexes become arrays, in index order.
 */
export function decodeForm(text: string): FormObject {
  const root: Mutable = {};
  if (!text) return {};
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const separator = pair.indexOf('=');
    const rawKey = separator === -1 ? pair : pair.slice(0, separator);
    const rawValue = separator === -1 ? '' : pair.slice(separator + 1);
    const key = decodeComponent(rawKey);
    const value = decodeComponent(rawValue);
    const path = splitKey(key);
    if (path.length === 0) continue;
    assign(root, path, value);
  }
  return normalize(root) as FormObject;
}

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function splitKey(key: string): string[] {
  const first = key.indexOf('[');
  if (first === -1) return [key];
  const path = [key.slice(0, first)];
  const pattern = /\[([^\]]*)\]/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(key.slice(first))) !== null) path.push(match[1] ?? '');
  return path;
}

type Mutable = { [key: string]: Mutable | string };

function assign(target: Mutable, path: string[], value: string) {
  let node = target;
  for (let index = 0; index < path.length - 1; index += 1) {
    let segment = path[index] as string;
    if (segment === '') segment = String(Object.keys(node).length);
    const existing = node[segment];
    if (typeof existing === 'object') {
      node = existing;
    } else {
      const child: Mutable = {};
      node[segment] = child;
      node = child;
    }
  }
  let last = path[path.length - 1] as string;
  // `expand[]=a&expand[]=b` appends.
  if (last === '') last = String(Object.keys(node).length);
  node[last] = value;
}

function normalize(value: Mutable | string): FormValue {
  if (typeof value === 'string') return value;
  const keys = Object.keys(value);
  if (keys.length > 0 && keys.every((key) => /^\d+$/.test(key))) {
    return keys
      .map(Number)
      .sort((left, right) => left - right)
      .map((key) => normalize(value[String(key)] as Mutable | string));
  }
  const result: FormObject = {};
  for (const key of keys) result[key] = normalize(value[key] as Mutable | string);
  return result;
}
