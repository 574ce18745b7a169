/**
 * `pnpm test`'s shape-conformance step: reads what the sandbox recorded during the test run
 * (`MARKETKIT_SANDBOX_RECORD`), checks every body against the `stripe` declarations, prints totals per
 * object type and fails on any finding outside `allow-list.json`, or on an allow-listed finding that no
 * longer occurs (the list only shrinks).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createShapeChecker, findingKey, type ShapeFinding } from './shape-checker';

const directory = process.argv[2] ?? process.env.MARKETKIT_SANDBOX_RECORD;
const allowListFile = new URL('./allow-list.json', import.meta.url);
if (!directory) {
  console.error('Usage: check-recordings <directory of *.jsonl recordings>');
  process.exit(2);
}
const files = existsSync(directory)
  ? readdirSync(directory).filter((name) => name.endsWith('.jsonl'))
  : [];
if (files.length === 0) {
  // A partial run (one project, a filtered vitest) may start no sandbox: nothing to check, not a failure.
  console.log(`Shape conformance: no recordings in ${directory}; nothing checked.`);
  process.exit(0);
}

const allowList = JSON.parse(readFileSync(allowListFile, 'utf8')) as Record<string, string>;
const { check } = createShapeChecker();
const found = new Map<string, ShapeFinding & { route: string }>();
let bodies = 0;
for (const name of files) {
  for (const line of readFileSync(join(directory, name), 'utf8').split('\n')) {
    if (!line) continue;
    const { route, body } = JSON.parse(line) as { route: string; body: unknown };
    bodies += 1;
    for (const finding of check(body)) {
      const key = findingKey(finding);
      if (!found.has(key)) found.set(key, { ...finding, route });
    }
  }
}

const perType = new Map<string, Record<ShapeFinding['kind'], number>>();
for (const finding of found.values()) {
  const counts = perType.get(finding.objectType) ?? { missing: 0, 'wrong-type': 0, enum: 0 };
  counts[finding.kind] += 1;
  perType.set(finding.objectType, counts);
}
console.log(`Shape conformance: ${bodies} distinct bodies from ${files.length} recordings.`);
for (const [type, counts] of [...perType].sort(([left], [right]) => left.localeCompare(right)))
  console.log(
    `  ${type}: ${counts.missing} missing, ${counts['wrong-type']} wrong type, ${counts.enum} undeclared enum values`,
  );
console.log(`  total: ${found.size} findings, ${Object.keys(allowList).length} allow-listed`);

const unexpected = [...found.values()].filter((finding) => !(findingKey(finding) in allowList));
const stale = Object.keys(allowList).filter((key) => !found.has(key));
for (const finding of unexpected)
  console.error(`  NEW ${findingKey(finding)} — ${finding.detail} (${finding.route})`);
for (const key of stale)
  console.error(`  FIXED ${key} — remove it from conformance/allow-list.json`);
process.exit(unexpected.length > 0 || stale.length > 0 ? 1 : 0);
