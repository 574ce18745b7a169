// The browser-side rows of issue #16's table, from size-limit's own measurement of packages/react's
// build (this bench does not build it: another package's dist is that package's business), both ways it
// weighs a page: esbuild's bundle of the imports (the measure) and the page a Vite app builds
// (size-pages.mjs, which this runs first).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface SizeEntry {
  name: string;
  bytes: number;
  /** The budget in .size-limit.json, in bytes. */
  limit: number | null;
}

const reactRoot = join(import.meta.dirname, '../../react');

interface SizeLimitEntry {
  name: string;
  size: number;
  sizeLimit?: number;
}

const parse = (output: string): SizeEntry[] =>
  (JSON.parse(output.slice(output.indexOf('['))) as SizeLimitEntry[]).map((entry) => ({
    name: entry.name,
    bytes: entry.size,
    limit: entry.sizeLimit ?? null,
  }));

/** size-limit's figures, or why there are none. */
export function reactSizes(): SizeEntry[] | string {
  const built = ['react/dist/index.js', 'core/dist/index.js'].every((file) =>
    existsSync(join(reactRoot, '..', file)),
  );
  if (!built) return 'not built: run `pnpm build`, then `pnpm bench` again';
  try {
    execFileSync('node', ['size-pages.mjs'], { cwd: reactRoot, stdio: 'ignore', timeout: 120_000 });
    return parse(
      execFileSync('pnpm', ['exec', 'size-limit', '--json'], {
        cwd: reactRoot,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 120_000,
      }),
    );
  } catch (error) {
    // size-limit exits non-zero when a budget is exceeded, and still prints its figures.
    const output = (error as { stdout?: string }).stdout ?? '';
    if (output.includes('"size"')) return parse(output);
    return `size-limit failed: ${(error as Error).message.split('\n')[0]}`;
  }
}

/**
 * Issue #16's three size rows, read off size-limit's entries by name: RiskBanner with the provider, the
 * heaviest other component with the provider, and the whole package; `prefix` picks the measure (none:
 * esbuild's; 'In a Vite app: ').
 */
export function sizeRows(entries: readonly SizeEntry[], prefix = '') {
  const own = entries.filter((entry) =>
    prefix ? entry.name.startsWith(prefix) : !entry.name.startsWith('In a '),
  );
  const whole = own.find((entry) => /whole/i.test(entry.name));
  // The first loads only: not what a page loads later (signals, seller debts, on-demand entries).
  const components = own.filter((entry) =>
    new RegExp(`^${prefix}MarketkitProvider \\+ \\w+, first load`).test(entry.name),
  );
  const riskBanner = components.find((entry) => /RiskBanner/.test(entry.name));
  const heaviest = components
    .filter((entry) => entry !== riskBanner)
    .sort((a, b) => b.bytes - a.bytes)[0];
  return { riskBanner, heaviest, whole };
}
