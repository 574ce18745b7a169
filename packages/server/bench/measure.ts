// Shared by the benchmark's parts: bounded concurrent loops, percentiles, child processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The value below which `fraction` of the samples fall (nearest rank). */
export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

/** Runs `run` `count` times, `concurrency` at a time; returns runs per second. */
export async function measureRate(
  count: number,
  concurrency: number,
  run: (index: number) => Promise<unknown>,
): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next;
      next += 1;
      await run(index);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return count / ((performance.now() - started) / 1000);
}

/** Runs `run` `count` times one after another; returns each run's milliseconds. */
export async function measureLatencies(count: number, run: () => Promise<unknown>) {
  const samples: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples;
}

export interface StartedProcess {
  child: ChildProcess;
  output: string;
}

/** Starts a process and waits for its banner on stdout. */
export async function spawnProcess(
  args: string[],
  cwd: string,
  ready: RegExp,
  env: NodeJS.ProcessEnv = process.env,
): Promise<StartedProcess> {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const output = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`process did not start: ${text}`)), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (ready.test(text)) {
        clearTimeout(timer);
        resolve(text);
      }
    });
    child.once('exit', (code) => reject(new Error(`process exited with ${code}: ${text}`)));
  });
  return { child, output };
}

export function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** One row of the summary table: what is measured, the figure, and the goal it is held to. */
export interface Row {
  measure: string;
  value: string;
  goal: string;
  /** Whether the figure meets the goal; null when there is no goal or no figure. */
  met: boolean | null;
}

export const formatRate = (value: number) => value.toFixed(value >= 100 ? 0 : 1);
