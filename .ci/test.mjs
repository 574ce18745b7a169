#!/usr/bin/env node
// `pnpm test`: every check the project has, then one plain summary line CI can read.
// Steps keep running after a failure so one run shows everything that is wrong. Vitest spends much of its
// time waiting (browsers, sandbox latency, timers), so the static checks run beside it rather than before
// it; their output is held back and printed whole when they end, so logs never interleave.
import { spawn, spawnSync } from 'node:child_process';
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

const step = (name, args, extra = {}) => ({ name, command: 'pnpm', args, ...extra });
const typecheck = step('typecheck', ['run', 'typecheck']);
const lint = step('lint', ['run', 'lint']);
const format = step('format', ['run', 'format:check']);
// Vitest's browser tests run the Next.js example's production build, and the package checks read dist/.
const build = step('build', ['run', 'build']);
const vitest = step(
  'vitest',
  [
    'exec',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportFile}`,
  ],
  { tests: true, env: { MARKETKIT_SANDBOX_RECORD: recordings } },
);
// Every response and webhook payload of the vitest step, checked against the `stripe` declarations.
const conformance = step('shape conformance', [
  '--filter',
  '@marketkit/sandbox',
  'run',
  'conformance',
  recordings,
]);
// The static Storybook must keep building offline, not only its stories passing as tests.
const storybookBuild = step('storybook build', ['run', 'storybook:build']);
// Package checks (publint, are-the-types-wrong, size budgets) live in each package's `check` script.
const packageChecks = step('package checks', [
  '-r',
  '--workspace-concurrency=1',
  '--if-present',
  'run',
  'check',
]);

/** Runs one step; `streamed` steps print as they go, the others print their output when they end. */
function run(current, { streamed }) {
  return new Promise((resolve) => {
    const started = Date.now();
    if (streamed) console.log(`\n▶ ${current.name}`);
    // Checks that run beside the others yield the CPU to them: they fill the time vitest spends waiting
    // instead of slowing the browser tests down (`nice` exists wherever the shell tools do).
    const [command, args] =
      streamed || process.platform === 'win32'
        ? [current.command, current.args]
        : ['nice', ['-n', '10', current.command, ...current.args]];
    const child = spawn(command, args, {
      stdio: streamed ? 'inherit' : ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...current.env },
    });
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    const finish = (status) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (!streamed) {
        console.log(`\n▶ ${current.name} (ran beside the others, ${seconds}s)`);
        process.stdout.write(Buffer.concat(output));
      }
      resolve({ step: current, ok: status === 0, seconds });
    };
    child.on('error', (error) => {
      output.push(Buffer.from(`${error.message}\n`));
      finish(1);
    });
    child.on('close', finish);
  });
}

/** Runs steps one after another; resolves with every result. */
async function inOrder(steps, options) {
  const results = [];
  for (const current of steps) results.push(await run(current, options));
  return results;
}

ensureSystemPackages();
const startedAt = Date.now();
mkdirSync('.tmp', { recursive: true });
rmSync(reportFile, { force: true });
rmSync(recordings, { recursive: true, force: true });

// Lint and format only read files, so they overlap the build; the type check waits for it because
// `next typegen` and `next build` both write the example's .next/types.
const [buildResults, earlyChecks] = await Promise.all([
  inOrder([build], { streamed: true }),
  inOrder([lint, format], { streamed: false }),
]);
const [testResults, lateChecks] = await Promise.all([
  inOrder([vitest, conformance], { streamed: true }),
  inOrder([typecheck, storybookBuild, packageChecks], { streamed: false }),
]);
const results = [...earlyChecks, ...buildResults, ...lateChecks, ...testResults];

let passed = 0;
let failed = 0;
const lines = [];
for (const { step: current, ok, seconds } of results) {
  if (!current.tests) {
    if (ok) passed += 1;
    else failed += 1;
    lines.push(`${ok ? 'ok  ' : 'FAIL'} ${current.name} (${seconds}s)`);
    continue;
  }
  if (!existsSync(reportFile)) {
    failed += 1;
    lines.push(`FAIL ${current.name}: no report written (${seconds}s)`);
    continue;
  }
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  lines.push(
    `${ok ? 'ok  ' : 'FAIL'} ${current.name}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests + report.numTodoTests} skipped (${seconds}s)`,
  );
  // A failing run with no failing test (a crashed file, an unhandled error) still fails.
  if (!ok && report.numFailedTests === 0) failed += 1;
}

console.log('\nSummary (each non-test step counts as one check):');
for (const line of lines) console.log(`  ${line}`);
console.log(`  wall time ${((Date.now() - startedAt) / 1000).toFixed(0)}s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
