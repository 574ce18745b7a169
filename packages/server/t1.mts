import { PGlite } from '@electric-sql/pglite';
import { writeFileSync } from 'node:fs';
const db = await PGlite.create();
const dump = await db.dumpDataDir('none');
writeFileSync('/tmp/pgdump.tar', Buffer.from(await dump.arrayBuffer()));
await db.close();
