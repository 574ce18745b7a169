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
    await page.getByRole('button', { name: 'Continuer vers le paiement' }).click();
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

  it('reads in French on the cart, the sign-in picker, the orders list and the admin page', async () => {
    const { page } = harness;
    await harness.signIn(page, 'buyer-grace');
    await buy(page, ['Speckled mug'], '4242424242424242');
    await page.goto('/#/');
    await page.getByRole('button', { name: 'Afficher en français' }).click();
    await page.getByRole('heading', { name: 'Petits créateurs, un seul paiement' }).waitFor();
    await page.getByRole('button', { name: 'Add Speckled mug to cart' }).click();

    await page.goto('/#/cart');
    await page.getByRole('heading', { level: 1, name: 'Panier' }).waitFor();
    expect(await page.locator('.demo-Lead').textContent()).toBe('1 vendeur, un seul paiement.');
    await page.getByRole('button', { name: 'Continuer vers le paiement' }).waitFor();
    await page.getByRole('button', { name: 'Retirer Speckled mug' }).waitFor();

    await page.goto('/#/orders');
    await page.getByRole('heading', { level: 1, name: 'Commandes' }).waitFor();
    const table = page.getByRole('table');
    await table.getByRole('columnheader', { name: 'Statut' }).waitFor();
    await table.getByRole('columnheader', { name: 'Vendeurs' }).waitFor();
    await table.getByText('payée', { exact: true }).first().waitFor();

    await page.goto('/#/sign-in');
    await page
      .getByRole('heading', { level: 1, name: 'Se connecter avec un utilisateur de démo' })
      .waitFor();
    await page.getByRole('heading', { level: 2, name: 'Acheteurs' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Plateforme' }).waitFor();

    await harness.signIn(page, 'admin-hana');
    await page.goto('/#/admin');
    await page
      .getByRole('heading', { level: 1, name: 'Administration de la plateforme' })
      .waitFor();
    const refund = page.getByRole('region', { name: 'Rembourser une commande' });
    await refund.getByRole('button', { name: 'Rembourser' }).waitFor();
    await refund.getByRole('combobox', { name: 'Motif' }).waitFor();
    const controls = page.getByRole('region', { name: 'Contrôles du sandbox' });
    await controls.getByRole('button', { name: 'Avancer l’horloge d’un jour' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Commandes récentes' }).waitFor();
    // No English left in the demo's own words on the admin page.
    const text = await page.locator('main').textContent();
    expect(text).not.toMatch(/Refund an order|Sandbox controls|Recent orders|Platform admin/);
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
