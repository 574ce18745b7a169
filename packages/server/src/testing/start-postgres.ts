// A throwaway PostgreSQL server on loopback for tests and the benchmark, from Debian's binaries.
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PostgresServer {
  connectionString: string;
  stop(): Promise<void>;
}

/** The newest `/usr/lib/postgresql/<version>/bin`, or null when PostgreSQL is not installed. */
export function findPostgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? null : join(root, versions[0], 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = findPostgresBin();
  if (!bin) {
    throw new Error(
      'PostgreSQL binaries were not found under /usr/lib/postgresql/*/bin. Install them with `apt-get install postgresql` (.ci/run does this).',
    );
  }
  const directory = mkdtempSync(join(tmpdir(), 'marketkit-pg-'));
  const dataDirectory = join(directory, 'data');
  const isRoot = process.getuid?.() === 0;
  // postgres refuses to run as root: hand the directory to the postgres user and run through runuser.
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(directory, uid, gid);
  }
  // Asynchronous so initdb's seconds leave the caller's event loop free (the test setup builds a PGlite
  // template meanwhile).
  const run = (command: string, args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const [file, argv] = isRoot
        ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]]
        : [join(bin, command), args];
      execFile(file, argv, { encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
        if (error) reject(new Error(`${command} failed (${error.code}): ${stderr || stdout}`));
        else resolve();
      });
    });
  await run('initdb', [
    '-D',
    dataDirectory,
    '-A',
    'trust',
    '-U',
    'postgres',
    '--no-sync',
    '-E',
    'UTF8',
  ]);
  const port = await freePort();
  writeFileSync(join(directory, 'README'), 'Temporary PostgreSQL for @marketkit/server tests.\n');
  await run('pg_ctl', [
    '-D',
    dataDirectory,
    '-l',
    join(directory, 'postgres.log'),
    '-w',
    '-o',
    `-h 127.0.0.1 -p ${port} -k ${directory} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`,
    'start',
  ]);
  await run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'marketkit']);
  let stopped = false;
  return {
    connectionString: `postgres://postgres@127.0.0.1:${port}/marketkit`,
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        await run('pg_ctl', ['-D', dataDirectory, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    },
  };
}
