// Shared by the benchmark's parts: bounded concurrent loops, percentiles, keep-alive posts, child processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest, type Agent, type OutgoingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TEST_ONBOARDING_VALUES } from '@marketkit/sandbox';
import type Stripe from 'stripe';
import { createSandboxClient } from './router-process';

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

/** A keep-alive JSON POST to 127.0.0.1 that resolves when a 200 arrives in full. */
export function postExpectingOk(
  agent: Agent,
  port: number,
  path: string,
  headers: OutgoingHttpHeaders,
  body: string,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const outgoing = httpRequest(
      {
        agent,
        host: '127.0.0.1',
        port,
        method: 'POST',
        path,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          incoming.statusCode === 200
            ? resolve()
            : reject(
                new Error(
                  `POST ${path} failed: ${incoming.statusCode} ${Buffer.concat(chunks).toString()}`,
                ),
              ),
        );
      },
    );
    // A server closes a keep-alive connection idle for 5 s (while the other side had its turn on a busy
    // machine); a request sent on it just then never reached the server, so it is sent again, as Node's
    // docs advise for `reusedSocket`.
    outgoing.on('error', (error: NodeJS.ErrnoException) =>
      outgoing.reusedSocket && error.code === 'ECONNRESET'
        ? postExpectingOk(agent, port, path, headers, body).then(resolve, reject)
        : reject(error),
    );
    outgoing.end(body);
  });
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

export interface SandboxProcess {
  process: StartedProcess;
  url: string;
  port: string;
  secretKey: string;
  webhookSecret: string;
  /** A keep-alive SDK client for it, as an app would have. */
  stripe: Stripe;
  /** Completes a connected account's onboarding over the sandbox's HTTP API. */
  completeOnboarding(accountId: string): Promise<void>;
}

/** The sandbox in its own process, as Stripe is not on the app's CPU. */
export async function startSandboxProcess(): Promise<SandboxProcess> {
  const started = await spawnProcess(
    [
      ...['--import', 'tsx', '--conditions=@marketkit/source'],
      ...['src/cli.ts', '--port', '0', '--webhook-signing', 'shared'],
    ],
    join(import.meta.dirname, '../../sandbox'),
    /STRIPE_WEBHOOK_SECRET=\S+/,
  );
  const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(started.output)![1]!;
  const port = new URL(url).port;
  const secretKey = /STRIPE_SECRET_KEY=(\S+)/.exec(started.output)![1]!;
  const stripe = createSandboxClient(port, secretKey);
  return {
    process: started,
    url,
    port,
    secretKey,
    webhookSecret: /STRIPE_WEBHOOK_SECRET=(\S+)/.exec(started.output)![1]!,
    stripe,
    async completeOnboarding(accountId) {
      const session = await stripe.accountSessions.create({
        account: accountId,
        components: { account_onboarding: { enabled: true } },
      });
      const response = await fetch(`${url}/_sandbox/connect/onboarding`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${session.client_secret}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ scenario: 'pass', accept_tos: true, ...TEST_ONBOARDING_VALUES }),
      });
      if (!response.ok) throw new Error(`onboarding failed: ${response.status}`);
    },
  };
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
