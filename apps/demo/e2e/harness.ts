// One demo server (temp data folder, offline sandbox, port 0) and one headless Debian Chromium per test
// file. Every test saves a screenshot under <repo>/artifacts/e2e/; a failing test also saves the page it
// failed on, so CI shows what the user would have seen.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { OrderSummary, OrdersPage } from '@marketkit/core';
import { afterAll, afterEach, beforeAll, beforeEach, inject, type TestContext } from 'vitest';
import { createDemoServer, type DemoServer } from '../server/create-demo-server';
import { findDemoUser } from '../server/demo-data';

export const ARTIFACTS_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../artifacts/e2e',
);
/** Upper bound for any single wait on the page. */
export const WAIT_MS = 15_000;

export interface DemoHarness {
  readonly demo: DemoServer;
  readonly page: Page;
  /** A fresh browser context (own cookies and storage) for a second user in the same test. */
  newPage(): Promise<Page>;
  signIn(page: Page, userId: string): Promise<void>;
  /** Every order `userId` may see, through MarketKit's public GET /orders (all pages), newest first. */
  listOrdersAs(userId: string): Promise<OrderSummary[]>;
  screenshot(name: string, page?: Page): Promise<void>;
  /** What `pnpm demo` would have printed to the terminal so far. */
  readonly serverLog: readonly string[];
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}

/** The global setup's build of the web app, once it has landed (it builds while tests start). */
async function waitForWebBuild(): Promise<string> {
  const folder = inject('demoWebBuild');
  const deadline = Date.now() + 120_000;
  while (!existsSync(folder)) {
    if (existsSync(`${folder}.failed`))
      throw new Error(`The web app did not build: ${readFileSync(`${folder}.failed`, 'utf8')}`);
    if (Date.now() > deadline) throw new Error('The web app did not build in 2 minutes.');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return folder;
}

export interface DemoHarnessOptions {
  /** Pins the sandbox clock (unix seconds) so dates on the page are the same on every run. */
  sandboxClock?: number;
  /**
   * `build` (default) serves the production build made once by the global setup; `dev` compiles the
   * sources through Vite's dev server, as `pnpm demo` does, so that path stays covered too.
   */
  web?: 'build' | 'dev';
}

export function useDemoHarness(fileName: string, options: DemoHarnessOptions = {}): DemoHarness {
  let demo: DemoServer | undefined;
  let browser: Browser | undefined;
  let dataDir: string | undefined;
  const contexts: BrowserContext[] = [];
  let page: Page | undefined;
  const consoleErrors: string[] = [];
  const serverLog: string[] = [];

  const openPage = async (): Promise<Page> => {
    if (!browser) throw new Error('The browser did not start.');
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      baseURL: demo?.url,
    });
    context.setDefaultTimeout(WAIT_MS);
    contexts.push(context);
    const opened = await context.newPage();
    opened.on('pageerror', (error) => consoleErrors.push(error.message));
    return opened;
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    // Failure screenshots from an earlier run of this file would be mistaken for this run's.
    for (const file of readdirSync(ARTIFACTS_DIR)) {
      if (file.startsWith(`FAILED-${slug(fileName)}-`)) rmSync(join(ARTIFACTS_DIR, file));
    }
    dataDir = mkdtempSync(join(tmpdir(), 'marketkit-demo-e2e-'));
    // A copy of the migrated database from the global setup: the demo opens it instead of creating one.
    cpSync(inject('pgliteTemplate'), join(dataDir, 'pglite'), { recursive: true });
    [demo, browser] = await Promise.all([
      createDemoServer({
        port: 0,
        dataDir,
        mode: 'sandbox',
        env: {},
        hotReload: false,
        ...(options.web === 'dev' ? {} : { webBuild: await waitForWebBuild() }),
        sandboxClock: options.sandboxClock,
        log: (line) => serverLog.push(line),
      }),
      chromium.launch({
        executablePath: '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-quic',
        ],
      }),
    ]);
  });

  beforeEach(async () => {
    consoleErrors.length = 0;
    page = await openPage();
  });

  afterEach(async (context: TestContext) => {
    const failed = context.task.result?.state === 'fail';
    if (failed && page && !page.isClosed()) {
      const file = join(ARTIFACTS_DIR, `FAILED-${slug(fileName)}-${slug(context.task.name)}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      if (consoleErrors.length > 0)
        console.error(`Page errors in "${context.task.name}":\n${consoleErrors.join('\n')}`);
    }
    await Promise.all(
      contexts.splice(0).map((browserContext) => browserContext.close().catch(() => undefined)),
    );
    page = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  return {
    get demo() {
      if (!demo) throw new Error('The demo server did not start.');
      return demo;
    },
    get page() {
      if (!page) throw new Error('No page: use the harness inside a test.');
      return page;
    },
    newPage: openPage,
    serverLog,
    async signIn(target, userId) {
      // Through the sign-in picker, like a person: it sets the signed cookie and swaps the app's user.
      const user = findDemoUser(userId);
      if (!user) throw new Error(`No demo user ${userId}`);
      await target.goto('/#/sign-in');
      await target
        .getByRole('button', {
          name: new RegExp(`^${user.displayName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
        })
        .click();
      await target.getByTestId('signed-in-user').filter({ hasText: user.displayName }).waitFor();
    },
    async listOrdersAs(userId) {
      const base = demo?.url;
      if (!base) throw new Error('The demo server did not start.');
      const session = await fetch(`${base}/api/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ userId }),
      });
      if (!session.ok) throw new Error(`Signing in ${userId} failed: HTTP ${session.status}`);
      const cookie = session.headers
        .getSetCookie()
        .map((header) => header.split(';')[0])
        .join('; ');
      const orders: OrderSummary[] = [];
      let cursor: string | null = null;
      // Bounded: 20 pages of 100 is far more than any e2e file creates.
      for (let page = 0; page < 20; page += 1) {
        const query = new URLSearchParams({ limit: '100' });
        if (cursor) query.set('startingAfter', cursor);
        const response = await fetch(`${base}/api/marketkit/orders?${query.toString()}`, {
          headers: { cookie },
        });
        if (!response.ok) throw new Error(`GET /orders failed: HTTP ${response.status}`);
        const result = (await response.json()) as OrdersPage;
        orders.push(...result.data.filter((row): row is OrderSummary => !('view' in row)));
        if (!result.hasMore || !result.nextCursor) return orders;
        cursor = result.nextCursor;
      }
      throw new Error('More orders than the e2e helper reads.');
    },
    async screenshot(name, target) {
      const subject = target ?? page;
      if (!subject) return;
      await subject.screenshot({
        path: join(ARTIFACTS_DIR, `${slug(fileName)}-${slug(name)}.png`),
        fullPage: true,
      });
    },
  };
}

/** Reads the minor-unit amount a page element carries in `data-amount`. */
export async function amountOf(page: Page, selector: string): Promise<number> {
  const value = await page.locator(selector).getAttribute('data-amount');
  if (value === null) throw new Error(`${selector} has no data-amount`);
  return Number(value);
}
