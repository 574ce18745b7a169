// The demo as a product: French from the header to Stripe's card form, a seller without an account who
// sees a next step (and no 409s), focus on the new page's heading, the Express Dashboard in a new tab,
// human order titles, and server refusals in the terminal with their request id.
import { describe, expect, it } from 'vitest';
import { orderNumber } from '../web/i18n';
import { buy } from './flows';
import { WAIT_MS, useDemoHarness } from './harness';

const harness = useDemoHarness('product');

describe('the demo as a product', () => {
  it('switches to French, down to the card form and its errors', async () => {
    const { page } = harness;
    await harness.signIn(page, 'buyer-grace');
    await page.goto('/#/');
    await page.getByRole('button', { name: 'Afficher en français' }).click();
    await page.getByRole('heading', { name: 'Petits créateurs, un seul paiement' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.getByRole('button', { name: 'Add Speckled mug to cart' }).click();
    await page.goto('/#/cart');
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await page.getByRole('heading', { name: 'Récapitulatif de la commande' }).waitFor();
    // Elements' `locale` reached the Payment Element stand-in.
    await page.getByRole('textbox', { name: 'Numéro de carte' }).fill('4000 0000 0000 0002');
    await page.getByRole('textbox', { name: 'Date d’expiration' }).fill('12 / 34');
    await page.getByRole('textbox', { name: 'Code de sécurité' }).fill('123');
    await page.getByRole('button', { name: /^Payer/ }).click();
    await expect
      .poll(() => page.locator('.mk-Alert').textContent(), { timeout: WAIT_MS })
      .toBe(
        'Le paiement n’a pas abouti. Votre carte a été refusée. Essayez une autre carte ou contactez votre banque.',
      );
    await harness.screenshot('french-decline', page);
  });

  it('shows a seller without an account the next step, without errors or 409s', async () => {
    const { page } = harness;
    const refused: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) refused.push(`${response.status()} ${response.url()}`);
    });
    await harness.signIn(page, 'seller-dara');
    await page.goto('/#/seller');
    const panel = page.getByRole('region', { name: 'Payouts' });
    await panel.getByRole('button', { name: 'Set up payouts' }).waitFor();
    expect(await page.locator('.mk-Alert').count()).toBe(0);
    expect(refused).toEqual([]);
  });

  it('moves focus to the new page’s heading after navigating', async () => {
    const { page } = harness;
    await page.goto('/#/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Cart' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  });

  it('opens the Express Dashboard in a new tab and titles orders for people', async () => {
    const { page } = harness;
    await harness.signIn(page, 'seller-ada');
    await page.goto('/#/seller');
    const [tab] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('button', { name: 'Open Express Dashboard' }).click(),
    ]);
    await tab!.waitForURL(/express|dashboard/i, { timeout: WAIT_MS });
    expect(page.url()).toMatch(/#\/seller$/);
    expect(await tab!.evaluate(() => window.opener)).toBeNull();

    await harness.signIn(page, 'buyer-grace');
    const orderId = await buy(page, ['Speckled mug', 'Bike light set'], '4242424242424242');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe(`Order #${orderNumber(orderId)} · 2 sellers`);
  });

  it('logs a refused server request with its request id in the terminal', async () => {
    const { page } = harness;
    await harness.signIn(page, 'seller-dara');
    const response = await page.evaluate(async () => {
      const answer = await fetch('/api/marketkit/payouts', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'marketkit' },
        body: JSON.stringify({ method: 'standard' }),
      });
      return (await answer.json()) as { error: { code: string; requestId: string } };
    });
    expect(response.error.requestId).toMatch(/\S/);
    expect(harness.serverLog.join('\n')).toContain(response.error.requestId);
  });
});
