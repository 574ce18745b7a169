// The demo's main pages at a phone width (390 px) and a laptop width (1280 px), each compared with its
// committed baseline in `e2e/__screenshots__/` (a pixel diff; regenerate on purpose with
// `pnpm test:screenshots:update`). The sandbox clock is pinned so every date on the page is the same on
// every run; the header clock and the admin's recent orders (placed at the real time, numbered from random
// ids, so the table's columns change width from run to run) are masked.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, useDemoHarness } from './harness';
import { addToCart, continueToPayment } from './flows';

const BASELINES = join(dirname(fileURLToPath(import.meta.url)), '__screenshots__');
const UPDATE = process.env.MARKETKIT_UPDATE_SCREENSHOTS === '1';
/** 2026-01-15T12:00:00Z: every seeded deadline and arrival date is computed from it. */
const SANDBOX_CLOCK = 1_768_478_400;
const WIDTHS = [390, 1280] as const;
/** Anti-aliasing noise passes; a moved block, a new colour or a changed word does not. */
const ALLOWED_MISMATCH_RATIO = 0.001;

const harness = useDemoHarness('screenshots', { sandboxClock: SANDBOX_CLOCK });

async function settleRendering(page: Page): Promise<void> {
  await page.addStyleTag({
    content:
      '*,*::before,*::after{animation:none!important;transition:none!important;caret-color:transparent!important}',
  });
  await page.evaluate(async () => {
    await document.fonts.ready;
    (document.activeElement as HTMLElement | null)?.blur();
  });
  // Skeletons have been replaced by content once nothing is busy.
  await page.waitForFunction(
    () => document.querySelectorAll('.mk-Skeleton, [aria-busy="true"]').length === 0,
  );
}

async function expectPageToMatch(page: Page, name: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await settleRendering(page);
    // Nothing may be wider than the phone: a horizontal scrollbar is a layout bug.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
    const actual = await page.screenshot({
      fullPage: true,
      animations: 'disabled',
      mask: [
        page.getByTestId('sandbox-clock'),
        page.locator('[aria-labelledby="recent-orders-title"] table'),
      ],
    });
    const file = join(BASELINES, `${name}-${width}.png`);
    if (UPDATE || !existsSync(file)) {
      mkdirSync(BASELINES, { recursive: true });
      writeFileSync(file, actual);
      if (!UPDATE)
        throw new Error(
          `No baseline for ${name} at ${width} px: wrote ${file}; review it and run again.`,
        );
      continue;
    }
    const expected = PNG.sync.read(readFileSync(file));
    const received = PNG.sync.read(actual);
    const sameSize = expected.width === received.width && expected.height === received.height;
    const diff = new PNG({ width: expected.width, height: expected.height });
    const mismatched = sameSize
      ? pixelmatch(expected.data, received.data, diff.data, expected.width, expected.height, {
          threshold: 0.1,
        })
      : Number.POSITIVE_INFINITY;
    if (mismatched > expected.width * expected.height * ALLOWED_MISMATCH_RATIO) {
      mkdirSync(ARTIFACTS_DIR, { recursive: true });
      writeFileSync(join(ARTIFACTS_DIR, `screenshot-${name}-${width}-actual.png`), actual);
      if (sameSize)
        writeFileSync(
          join(ARTIFACTS_DIR, `screenshot-${name}-${width}-diff.png`),
          PNG.sync.write(diff),
        );
      throw new Error(
        sameSize
          ? `${name} at ${width} px differs from its baseline in ${mismatched} pixels (see artifacts/e2e/screenshot-${name}-${width}-diff.png). If the change is intended, run pnpm test:screenshots:update.`
          : `${name} at ${width} px is ${received.width}×${received.height}, its baseline ${expected.width}×${expected.height}. If the change is intended, run pnpm test:screenshots:update.`,
      );
    }
  }
}

describe('the demo’s main pages look as designed', () => {
  it('catalogue and checkout (buyer)', async () => {
    const { page } = harness;
    await harness.signIn(page, 'buyer-grace');
    await addToCart(page, ['Speckled mug', 'Bike light set', 'Single-origin beans']);
    await expectPageToMatch(page, 'catalogue');
    await continueToPayment(page);
    await page.getByLabel('Card number').waitFor();
    await expectPageToMatch(page, 'checkout');
  });

  it('seller dashboards: not started, in progress, restricted', async () => {
    const { page } = harness;
    for (const [userId, name, alerts] of [
      ['seller-dara', 'seller-not-started', false],
      ['seller-emil', 'seller-in-progress', true],
      ['seller-farah', 'seller-restricted', true],
    ] as const) {
      await harness.signIn(page, userId);
      await page.goto('/#/seller');
      await page.getByRole('heading', { name: /Payouts|Virements/ }).waitFor();
      // The risk banner's signals load after the risk report (only sellers with some fetch them), so
      // nothing on the page is busy while they arrive: wait for them.
      if (alerts)
        await page.getByRole('region', { name: /Account alerts|Alertes du compte/ }).waitFor();
      await expectPageToMatch(page, name);
    }
  });

  it('admin (risk table, refunds, sandbox controls)', async () => {
    const { page } = harness;
    await harness.signIn(page, 'admin-hana');
    await page.goto('/#/admin');
    await page.getByRole('heading', { name: 'Accounts at risk' }).waitFor();
    await expectPageToMatch(page, 'admin');
  });
});
