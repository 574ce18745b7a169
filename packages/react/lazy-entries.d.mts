// Types for lazy-entries.mjs, which the build scripts import as plain JavaScript.
export interface LazyEntry {
  /** The relative `import()` in `from`. */
  request: string;
  /** The importing file, under src/. */
  from: string;
  /** The package entry it becomes when published (`@marketkit/react/<entry>`). */
  entry: string;
  /** The module it loads, from the package root. */
  source: string;
}

export const LAZY_ENTRIES: readonly LazyEntry[];

export function lazyEntryFor(request: string, importer: string | undefined): LazyEntry | undefined;
