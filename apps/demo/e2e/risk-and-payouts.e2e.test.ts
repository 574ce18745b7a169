// Flows 5 and 6: the sandbox clock makes funds available, "Pay out now" pays out, a bad bank account fails
// the payout; a dispute lost (or a refund made) after the seller was paid out cannot be clawed back from
// them (Stripe refuses a reversal their balance cannot cover), so their balance stays at zero, the seller
// sees the debt, and their next sales repay it.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { orderNumber } from '../web/i18n';
import { WAIT_MS, useDemoHarness } from './harness';
import { buy } from './flows';

const harness = useDemoHarness('risk-and-payouts');

async function advanceClockOneDay(page: Page): Promise<void> {
  await harness.signIn(page, 'admin-hana');
  await page.goto('/#/admin');
  const controls = page.getByRole('region', { name: 'Sandbox controls' });
  await controls.getByRole('button', { name: 'Advance clock by a day' }).click();
  await expect
    .poll(() => controls.getByRole('status').textContent(), { timeout: WAIT_MS })
    .toContain('Sandbox clock is now');
}

async function availableBalance(userId: string): Promise<number> {
  const accountId = await harness.demo.accountIdFor(userId);
  if (!accountId) throw new Error(`${userId} has no account`);
  const balance = await harness.demo.stripe.balance.retrieve({}, { stripeAccount: accountId });
  return balance.available
    .filter((entry) => entry.currency === 'usd')
    .reduce((sum, entry) => sum + entry.amount, 0);
}

/** Advances the sandbox a day at a time (from the admin page) until the seller has funds available. */
async function advanceUntilAvailable(page: Page, userId: string): Promise<number> {
  for (let day = 0; day < 4; day += 1) {
    const available = await availableBalance(userId);
    if (available > 0) return available;
    await advanceClockOneDay(page);
  }
  return availableBalance(userId);
}

async function payOutNow(page: Page, userId: string): Promise<void> {
  await harness.signIn(page, userId);
  await page.goto('/#/seller');
  await page.getByRole('button', { name: 'Pay out now' }).click();
  // The panel asks for confirmation before money moves.
  await page.getByRole('button', { name: 'Confirm', exact: true }).last().click();
  await expect
    .poll(() => page.textContent('body'), { timeout: WAIT_MS })
    .toMatch(/Payout of \$[\d.,]+ created\./);
}

describe('payouts and risk', () => {
  it('moves pending funds to available when the clock advances, pays out on "Pay out now", and shows a failed payout to the seller with a bad bank account', async () => {
    const { page } = harness;
    await harness.signIn(page, 'buyer-grace');
    await buy(page, ['Speckled mug', 'Single-origin beans'], '4242 4242 4242 4242');
    expect(await availableBalance('seller-ada')).toBe(0);

    const adaAvailable = await advanceUntilAvailable(page, 'seller-ada');
    expect(adaAvailable).toBeGreaterThan(0);
    expect(await availableBalance('seller-chen')).toBeGreaterThan(0);

    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await payOutNow(page, 'seller-ada');
    // A healthy seller's page never downloads the risk banner's signals: they load when there are some.
    expect(await page.locator('.mk-RiskBanner').count()).toBe(0);
    expect(requested.filter((url) => url.includes('risk-signals'))).toEqual([]);
    await expect.poll(() => availableBalance('seller-ada')).toBe(0);
    const adaPayouts = await harness.demo.stripe.payouts.list(
      { limit: 10 },
      { stripeAccount: (await harness.demo.accountIdFor('seller-ada')) ?? undefined },
    );
    expect(adaPayouts.data.map((payout) => payout.amount)).toContain(adaAvailable);
    await harness.screenshot('payout-created', page);

    await payOutNow(page, 'seller-chen');
    // Banks reject a payout on its way: the failure arrives when the clock passes the arrival date.
    await advanceClockOneDay(page);
    await advanceClockOneDay(page);
    await harness.signIn(page, 'seller-chen');
    await page.goto('/#/seller');
    // The payouts list shows the failure with the bank's reason, and the risk banner asks for new details.
    await expect
      .poll(() => page.locator('.mk-PayoutsPanel').textContent(), { timeout: WAIT_MS })
      .toMatch(/Failed\s*Your bank returned this payout\. Check your bank details\./);
    await expect
      .poll(() => page.locator('.mk-RiskBanner').textContent(), { timeout: WAIT_MS })
      .toContain('A payout could not reach your bank.');
    await expect
      .poll(() => page.getByRole('button', { name: 'Update bank details' }).count())
      .toBe(1);
    expect(requested.some((url) => url.includes('risk-signals'))).toBe(true);
    await harness.screenshot('payout-failed', page);
  });

  it('keeps a paid-out seller at zero when a dispute is lost: Stripe refuses the reversal their balance cannot cover', async () => {
    const { page } = harness;
    await harness.signIn(page, 'buyer-grace');
    const orderId = await buy(page, ['Bike light set'], '4000 0000 0000 0259');

    await advanceUntilAvailable(page, 'seller-bruno');
    await payOutNow(page, 'seller-bruno');
    expect(await availableBalance('seller-bruno')).toBe(0);

    await harness.signIn(page, 'admin-hana');
    await page.goto('/#/admin');
    const controls = page.getByRole('region', { name: 'Sandbox controls' });
    await controls
      .getByRole('button', { name: /as lost$/ })
      .first()
      .click();
    await expect
      .poll(() => controls.getByRole('status').textContent(), { timeout: WAIT_MS })
      .toContain('closed as lost');
    // Stripe refuses a reversal the seller's balance cannot cover: the balance stays at zero and the
    // platform tracks what the seller owes instead, deducted from their next sales.
    expect(await availableBalance('seller-bruno')).toBe(0);
    await harness.signIn(page, 'seller-bruno');
    await page.goto('/#/seller');
    await expect
      .poll(() => page.locator('.mk-RiskBanner').textContent(), { timeout: WAIT_MS })
      .toMatch(
        /\$\d+\.\d\d from the dispute you lost on order #\d{6} will be deducted from your next sales\./,
      );
    expect(await page.locator('.mk-RiskBanner').textContent()).toContain(
      `on order #${orderNumber(orderId)}`,
    );
    await harness.screenshot('seller-debt', page);
    await harness.signIn(page, 'admin-hana');
    await page.goto('/#/admin');

    // A lost dispute is final: not offered for refund.
    const refundOrders = await page
      .getByRole('region', { name: 'Refund an order' })
      .locator('option')
      .allTextContents();
    expect(refundOrders.join('\n')).not.toContain(`#${orderNumber(orderId)}`);

    await page.goto(`/#/orders/${orderId}`);
    await expect
      .poll(() => page.getByTestId('dispute').textContent(), { timeout: WAIT_MS })
      .toContain('lost');
    expect(await page.getByTestId('order-status').textContent()).toBe('dispute lost');
  });

  it('shows a paid-out seller what they owe after an admin refund, and less then nothing as their next sales repay it', async () => {
    const { page } = harness;
    await harness.signIn(page, 'buyer-grace');
    const orderId = await buy(page, ['Serving bowl'], '4242 4242 4242 4242');
    const owed = (amount: string) =>
      `${amount} from refunded order #${orderNumber(orderId)} will be deducted from your next sales.`;
    await advanceUntilAvailable(page, 'seller-ada');
    await payOutNow(page, 'seller-ada');
    expect(await availableBalance('seller-ada')).toBe(0);

    await harness.signIn(page, 'admin-hana');
    await page.goto('/#/admin');
    const refundForm = page.getByRole('region', { name: 'Refund an order' });
    await refundForm.getByLabel('Order').selectOption(orderId);
    await refundForm.getByRole('button', { name: 'Refund' }).click();
    await expect
      .poll(() => refundForm.getByRole('status').textContent(), { timeout: WAIT_MS })
      .toContain('Refunded $58.00');

    const banner = async () => {
      await harness.signIn(page, 'seller-ada');
      await page.goto('/#/seller');
      await expect
        .poll(() => page.locator('.mk-RiskBanner').count(), { timeout: WAIT_MS })
        .toBeGreaterThan(0);
      return (await page.locator('.mk-RiskBanner').textContent()) ?? '';
    };
    // The bowl's $52.20 share (after the 10 % platform fee) could not be reversed: the seller owes it.
    await expect.poll(banner, { timeout: WAIT_MS }).toContain(owed('$52.20'));
    await harness.screenshot('seller-debt-after-refund', page);

    // The next sale (a mug: $21.60 for the seller) is kept to repay it, so the debt shrinks by that much.
    await harness.signIn(page, 'buyer-grace');
    await buy(page, ['Speckled mug'], '4242 4242 4242 4242');
    await harness.demo.settle();
    await expect.poll(banner, { timeout: WAIT_MS }).toContain(owed('$30.60'));

    // Another bowl ($52.20) repays the rest: nothing owed any more.
    await harness.signIn(page, 'buyer-grace');
    await buy(page, ['Serving bowl'], '4242 4242 4242 4242');
    await harness.demo.settle();
    await harness.signIn(page, 'seller-ada');
    await page.goto('/#/seller');
    await expect
      .poll(() => page.textContent('body'), { timeout: WAIT_MS })
      .not.toContain('deducted from your next sales');
    await harness.screenshot('seller-debt-repaid', page);
  });
});
