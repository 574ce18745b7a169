// The built example (`next start`, production mode, offline sandbox) in Chromium: a buyer pays one order
// across two sellers and both sellers are paid. Needs `pnpm build` first (`pnpm test` runs it).
import { spawn, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const artifactsDir = resolve(appDir, '../../artifacts/e2e');
const WAIT_MS = 20_000;
const byNumber = (left: number, right: number) => left - right;

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

let server: ChildProcess | undefined;
let browser: Browser | undefined;
let page: Page | undefined;
let baseUrl = '';
let dataDir = '';
const serverOutput: string[] = [];

beforeAll(async () => {
  const buildId = join(appDir, '.next/BUILD_ID');
  if (!existsSync(buildId)) {
    throw new Error('apps/next-example has no build: run `pnpm build` (or `pnpm test`) first.');
  }
  // A build older than the app's code would test what is no longer there.
  const builtAt = statSync(buildId).mtimeMs;
  const edited = ['app', 'lib', 'next.config.ts']
    .flatMap((entry) => {
      const path = join(appDir, entry);
      return statSync(path).isDirectory()
        ? readdirSync(path, { recursive: true, encoding: 'utf8' }).map((file) => join(path, file))
        : [path];
    })
    .filter((file) => statSync(file).mtimeMs > builtAt);
  if (edited.length > 0) {
    throw new Error(
      `apps/next-example changed after its build (${edited.map((file) => relative(appDir, file)).join(', ')}): run \`pnpm build\` again.`,
    );
  }
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  dataDir = mkdtempSync(join(tmpdir(), 'marketkit-next-example-'));
  server = spawn(
    process.execPath,
    [
      join(appDir, 'node_modules/next/dist/bin/next'),
      'start',
      '-p',
      String(port),
      '-H',
      '127.0.0.1',
    ],
    {
      cwd: appDir,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        MARKETKIT_SANDBOX: '1',
        MARKETKIT_PUBLIC_URL: baseUrl,
        MARKETKIT_DATA_DIR: dataDir,
        STRIPE_SECRET_KEY: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  server.stdout?.on('data', (chunk: Buffer) => serverOutput.push(chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => serverOutput.push(chunk.toString()));

  const launching = chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  // The first request starts MarketKit: the sandbox, PGlite's migrations and the sellers' onboarding.
  const deadline = Date.now() + 100_000;
  for (;;) {
    if (server.exitCode !== null) {
      throw new Error(`next start exited with ${server.exitCode}:\n${serverOutput.join('')}`);
    }
    const response = await fetch(baseUrl).catch(() => null);
    if (response?.ok) break;
    if (Date.now() > deadline) {
      throw new Error(`The example did not answer in time:\n${serverOutput.join('')}`);
    }
    await new Promise((wait) => setTimeout(wait, 500));
  }
  browser = await launching;
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(WAIT_MS);
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((resolveExit) => server?.once('exit', resolveExit));
    server.kill('SIGTERM');
    await exited;
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('the Next.js example', () => {
  it('pays one order across two sellers with 4242, and each seller receives their transfer', async () => {
    if (!page) throw new Error('The browser did not start.');
    try {
      await page.goto('/');
      await page.getByRole('button', { name: /^Sign in as Grace/ }).click();
      await page.getByRole('heading', { name: 'Signed in as Grace' }).waitFor();

      await page.getByLabel('Quantity of Speckled mug').fill('1');
      await page.getByLabel('Quantity of Bike light set').fill('2');
      await page.getByRole('button', { name: 'Continue to payment' }).click();

      // SplitCheckout's breakdown comes from the server's prices: one region per seller.
      await expect
        .poll(() => page!.getByRole('region', { name: /^(Ada Ceramics|Bruno Bikes)$/ }).count(), {
          timeout: WAIT_MS,
        })
        .toBe(2);
      await page.getByLabel('Card number').fill('4242 4242 4242 4242');
      await page.getByLabel('Expiration date').fill('12 / 34');
      await page.getByLabel('Security code').fill('123');
      await page.getByRole('button', { name: /^Pay/ }).click();

      await page.waitForURL(/\/orders\/[^/]+$/, { timeout: WAIT_MS });
      const orderId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
      await expect
        .poll(() => page!.getByTestId('transfer-status').allTextContents(), {
          timeout: WAIT_MS,
          interval: 500,
        })
        .toEqual(['Sent', 'Sent']);

      const amountOf = async (testId: string) =>
        page!
          .getByTestId(testId)
          .evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-amount'))));
      const [total] = await amountOf('order-total');
      const [platformFee] = await amountOf('order-platform-fee');
      const transfers = await amountOf('seller-transfer');
      expect(total).toBe(2400 + 2 * 3500);
      expect(transfers).toHaveLength(2);
      expect(transfers.every((amount) => amount > 0)).toBe(true);
      expect(transfers.reduce((sum, amount) => sum + amount, 0) + platformFee!).toBe(total);

      // What the page says is what Stripe (the app's sandbox) holds: two transfers in the order's group.
      const sandboxUrl = new URL(
        (await page.locator('meta[name="marketkit-sandbox"]').getAttribute('content'))!,
      );
      const { keys } = JSON.parse(readFileSync(join(dataDir, 'sandbox.json'), 'utf8')) as {
        keys: { secretKey: string };
      };
      const stripe = new Stripe(keys.secretKey, {
        host: sandboxUrl.hostname,
        port: Number(sandboxUrl.port),
        protocol: 'http',
      });
      const onStripe = await stripe.transfers.list({ transfer_group: orderId, limit: 10 });
      expect(onStripe.data.map((transfer) => transfer.amount).sort(byNumber)).toEqual(
        [...transfers].sort(byNumber),
      );
      expect(new Set(onStripe.data.map((transfer) => transfer.destination)).size).toBe(2);
    } catch (error) {
      mkdirSync(artifactsDir, { recursive: true });
      await page.screenshot({
        path: join(artifactsDir, 'FAILED-next-example-checkout.png'),
        fullPage: true,
      });
      console.error(serverOutput.join(''));
      throw error;
    }
  });
});
