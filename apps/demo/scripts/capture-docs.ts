// Captures the demo's main pages (1280 px and 390 px) into a folder for before/after reviews:
// `pnpm --filter @marketkit/demo exec tsx --conditions=@marketkit/source scripts/capture-docs.ts docs/after`.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { createDemoServer } from '../server/create-demo-server';

const outputDir = resolve(process.argv[2] ?? 'docs/after');
mkdirSync(outputDir, { recursive: true });
const dataDir = mkdtempSync(join(tmpdir(), 'marketkit-demo-capture-'));
const demo = await createDemoServer({
  port: 0,
  dataDir,
  mode: 'sandbox',
  env: {},
  hotReload: false,
});
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});

async function signIn(page: Page, name: string): Promise<void> {
  await page.goto(`${demo.url}/#/sign-in`);
  await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
  await page.getByTestId('signed-in-user').filter({ hasText: name }).waitFor();
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(1500);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(outputDir, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  for (const [user, label] of [
    ['Dara Designs', 'seller-not-started'],
    ['Emil Electronics', 'seller-in-progress'],
    ['Farah Fabrics', 'seller-restricted'],
  ] as const) {
    await signIn(page, user);
    await page.goto(`${demo.url}/#/seller`);
    await shoot(page, label);
  }
  await signIn(page, 'Grace');
  await page.goto(`${demo.url}/#/`);
  for (const product of ['Speckled mug', 'Bike light set', 'Single-origin beans']) {
    await page.getByRole('button', { name: `Add ${product} to cart` }).click();
  }
  await shoot(page, 'catalogue');
  await page.goto(`${demo.url}/#/cart`);
  await page
    .getByRole('button', { name: /Continue to payment|Continuer vers le paiement/ })
    .click();
  await page.waitForURL(/#\/checkout$/);
  await page.getByLabel(/Card number|Numéro de carte/).waitFor();
  await shoot(page, 'checkout');
  await page.getByLabel(/Card number|Numéro de carte/).fill('4000000000003220');
  await page.getByLabel(/Expiration date|Date d’expiration/).fill('12 / 34');
  await page.getByLabel(/Security code|Code de sécurité/).fill('123');
  await page.getByRole('button', { name: /^(Pay|Payer)/ }).click();
  // The 3-D Secure stand-in: fail the challenge.
  const challenge = page.getByRole('button', { name: /Fail|Échec/ });
  await challenge.click().catch(() => undefined);
  await page.waitForTimeout(2000);
  await shoot(page, 'checkout-3ds-failed');
  await page.getByLabel(/Card number|Numéro de carte/).fill('4242424242424242');
  await page.getByRole('button', { name: /^(Pay|Payer)/ }).click();
  await page.waitForURL(/#\/orders\/[^/]+$/);
  await demo.settle();
  await page.reload();
  await shoot(page, 'order');
  await signIn(page, 'Hana');
  await page.goto(`${demo.url}/#/admin`);
  await shoot(page, 'admin');
  await context.close();
} finally {
  await browser.close();
  await demo.close();
  rmSync(dataDir, { recursive: true, force: true });
}
