#!/usr/bin/env node
// `pnpm test`: every check the project has, in order, then one plain summary line CI can read.
// Steps keep running after a failure so one run shows everything that is wrong.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const reportFile = '.tmp/vitest-report.json';
// Every sandbox started during the vitest step (in any process) records what it answers here.
const recordings = `${process.cwd()}/.tmp/sandbox-recordings`;

// Browser and database tests need Debian's chromium and PostgreSQL. Install them when we can (root with
// apt, as on CI and fresh dev machines); otherwise say exactly what is missing.
function ensureSystemPackages() {
  const missing = [];
  if (spawnSync('sh', ['-c', 'command -v chromium']).status !== 0) missing.push('chromium');
  if (spawnSync('sh', ['-c', 'ls /usr/lib/postgresql/*/bin/postgres']).status !== 0)
    missing.push('postgresql');
  if (missing.length === 0) return;
  const canInstall =
    process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  if (!canInstall) {
    console.error(
      `Missing system packages: ${missing.join(', ')}. Install them (sudo apt-get install ${missing.join(' ')}) and run again.`,
    );
    process.exit(1);
  }
  console.log(`Installing ${missing.join(', ')} from Debian…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = spawnSync(
    'apt-get',
    ['install', '-y', '-qq', '--no-install-recommends', ...missing, 'fonts-liberation'],
    { stdio: 'inherit', env },
  );
  if (install.status !== 0) process.exit(install.status ?? 1);
}
ensureSystemPackages();
const steps = [
  { name: 'typecheck', command: 'pnpm', args: ['run', 'typecheck'] },
  { name: 'lint', command: 'pnpm', args: ['run', 'lint'] },
  { name: 'format', command: 'pnpm', args: ['run', 'format:check'] },
  { name: 'build', command: 'pnpm', args: ['run', 'build'] },
  {
    name: 'vitest',
    command: 'pnpm',
    args: [
      'exec',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${reportFile}`,
    ],
    tests: true,
    env: { MARKETKIT_SANDBOX_RECORD: recordings },
  },
  // Every response and webhook payload of the vitest step, checked against the `stripe` declarations.
  {
    name: 'shape conformance',
    command: 'pnpm',
    args: ['--filter', '@marketkit/sandbox', 'run', 'conformance', recordings],
  },
  // The static Storybook must keep building offline, not only its stories passing as tests.
  { name: 'storybook build', command: 'pnpm', args: ['run', 'storybook:build'] },
  // Package checks (publint, are-the-types-wrong, size budgets) live in each package's `check` script.
  {
    name: 'package checks',
    command: 'pnpm',
    args: ['-r', '--workspace-concurrency=1', '--if-present', 'run', 'check'],
  },
];

mkdirSync('.tmp', { recursive: true });
rmSync(reportFile, { force: true });
rmSync(recordings, { recursive: true, force: true });

let passed = 0;
let failed = 0;
const results = [];
for (const step of steps) {
  const started = Date.now();
  console.log(`\n▶ ${step.name}`);
  const run = spawnSync(step.command, step.args, {
    stdio: 'inherit',
    env: { ...process.env, ...step.env },
  });
  const ok = run.status === 0;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (step.tests) {
    if (existsSync(reportFile)) {
      const report = JSON.parse(readFileSync(reportFile, 'utf8'));
      passed += report.numPassedTests;
      failed += report.numFailedTests;
      results.push(
        `${ok ? 'ok  ' : 'FAIL'} ${step.name}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests + report.numTodoTests} skipped (${seconds}s)`,
      );
      // A failing run with no failing test (a crashed file, an unhandled error) still fails.
      if (!ok && report.numFailedTests === 0) failed += 1;
    } else {
      failed += 1;
      results.push(`FAIL ${step.name}: no report written (${seconds}s)`);
    }
  } else {
    if (ok) passed += 1;
    else failed += 1;
    results.push(`${ok ? 'ok  ' : 'FAIL'} ${step.name} (${seconds}s)`);
  }
}

console.log('\nSummary (each non-test step counts as one check):');
for (const line of results) console.log(`  ${line}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
