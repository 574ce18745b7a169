import { PGlite } from '@electric-sql/pglite';
import { readFileSync } from 'node:fs';
let t = performance.now();
const db = await PGlite.create({ loadDataDir: new Blob([readFileSync('/tmp/pgdump.tar')]) });
await db.query('select 1');
console.log('fresh-process load', (performance.now() - t).toFixed(0));
t = performance.now();
const db2 = await PGlite.create();
console.log('fresh-process create (after wasm compiled)', (performance.now() - t).toFixed(0));
