import { join } from 'node:path';
import { beforeAll } from 'vitest';
import { LAZY_ENTRIES } from '../../lazy-entries.mjs';

// Every part that loads on demand, transformed before the component tests: on a busy machine the first
// transform of a part can outlast a test's wait for what it renders (a page fetches a built chunk instead).
// Not for the integration suites: one of them holds back a part's first load.
const packageRoot = join(import.meta.dirname, '../..');
beforeAll(() =>
  Promise.all(
    LAZY_ENTRIES.map(({ source }) => import(/* @vite-ignore */ join(packageRoot, source))),
  ),
);
