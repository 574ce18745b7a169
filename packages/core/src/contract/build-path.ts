// Apart from routes.ts so the browser's API client does not load the table of every route with it.

/** Fills `:params` in a route path: `buildPath('/orders/:orderId', { orderId: 'ord_1' })`. */
export function buildPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`Missing route parameter "${name}" for ${path}.`);
    return encodeURIComponent(value);
  });
}
