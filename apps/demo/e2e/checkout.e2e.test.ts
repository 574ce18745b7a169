// Flows 2, 3 and 4: a buyer pays one order across three sellers, a decline card charges nothing, and the
// admin's partial refund shows per-seller reversals on the order page.
import { describe, expect, it } from 'vitest';
import { WAIT_MS, amountOf, useDemoHarness } from './harness';
import { addToCart, continueToPayment, fillCard } from './flows';

const harness = useDemoHarness('checkout');

/** Sum of the transfers Stripe actually holds for an order (transfer_group = order id). */
async function transfersOnStripe(
  orderId: string,
): Promise<{ total: number; destinations: string[] }> {
  const transfers = await harness.demo.stripe.transfers.list({
    transfer_group: orderId,
    limit: 100,
  });
  return {
    total: transfers.data.reduce((sum, transfer) => sum + transfer.amount, 0),
    destinations: transfers.data.map((transfer) => String(transfer.destination)),
  };
}

describe('checkout', () => {
  let paidOrderId: string | undefined;

  it('pays one order across three sellers with 4242 and shows each transfer and the platform fee adding up to the total', async () => {
    const { page } = harness;
    await harness.signIn(page, 'buyer-grace');
    await addToCart(page, ['Speckled mug', 'Bike light set', 'Single-origin beans']);
    await page.getByRole('link', { name: /Cart/ }).click();
    await expect.poll(() => page.getByRole('region', { name: /^From / }).count()).toBe(3);
    await page.getByRole('button', { name: 'Continue to payment' }).click();

    await fillCard(page, '4242 4242 4242 4242');
    await harness.screenshot('card-filled', page);
    await page.getByRole('button', { name: /^Pay/ }).click();

    await page.waitForURL(/#\/orders\/[^/]+$/, { timeout: WAIT_MS });
    paidOrderId = decodeURIComponent(new URL(page.url()).hash.replace('#/orders/', ''));
    // The order page polls until the background transfers have run.
    await expect
      .poll(() => page.getByTestId('transfer-status').allTextContents(), {
        timeout: WAIT_MS,
        interval: 500,
      })
      .toEqual(['paid', 'paid', 'paid']);

    const total = await amountOf(page, '[data-testid="order-total"]');
    const platformFee = await amountOf(page, '[data-testid="order-platform-fee"]');
    const transfers = await page
      .getByTestId('seller-transfer')
      .evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-amount'))));
    expect(total).toBe(2400 + 3500 + 1699);
    expect(transfers).toHaveLength(3);
    expect(transfers.every((amount) => amount > 0)).toBe(true);
    expect(transfers.reduce((sum, amount) => sum + amount, 0) + platformFee).toBe(total);

    // What the page says is what Stripe holds: three transfers in the order's transfer group.
    const onStripe = await transfersOnStripe(paidOrderId);
    expect(onStripe.destinations).toHaveLength(3);
    expect(onStripe.total + platformFee).toBe(total);
    await harness.screenshot('order-paid', page);
  });

  it('shows the decline message for a declined card and charges nothing', async () => {
    const { page } = harness;
    await harness.signIn(page, 'buyer-grace');
    await addToCart(page, ['Brass bell']);
    await continueToPayment(page);
    const before = await harness.demo.stripe.charges.list({ limit: 100 });

    await fillCard(page, '4000 0000 0000 0002');
    await page.getByRole('button', { name: /^Pay/ }).click();
    await expect
      .poll(() => page.getByRole('alert').allTextContents(), { timeout: WAIT_MS })
      .toContainEqual(expect.stringContaining('Your card was declined.'));
    await harness.screenshot('card-declined', page);

    expect(page.url()).toMatch(/#\/checkout$/);
    const after = await harness.demo.stripe.charges.list({ limit: 100 });
    const newCharges = after.data.filter(
      (charge) => !before.data.some((old) => old.id === charge.id),
    );
    // A decline may leave a failed charge behind, as on Stripe, but never a captured one.
    expect(newCharges.filter((charge) => charge.status === 'succeeded')).toHaveLength(0);
  });

  it('lets the admin refund part of an order and shows the per-seller reversals on the order page', async () => {
    expect(paidOrderId, 'the three-seller order from the first test').toBeDefined();
    const orderId = paidOrderId as string;
    const { page } = harness;
    await harness.signIn(page, 'admin-hana');
    await page.goto('/#/admin');

    const refundForm = page.getByRole('region', { name: 'Refund an order' });
    await refundForm.getByLabel('Order').selectOption(orderId);
    await refundForm.getByLabel(/^Amount/).fill('20.00');
    await refundForm.getByRole('button', { name: 'Refund' }).click();
    await expect
      .poll(() => refundForm.getByRole('status').textContent(), { timeout: WAIT_MS })
      .toContain('Refunded $20.00');
    await harness.screenshot('admin-refunded', page);

    await page.goto(`/#/orders/${orderId}`);
    await expect
      .poll(() => page.getByTestId('order-status').textContent(), { timeout: WAIT_MS })
      .toBe('partially refunded');
    const reversals = await page
      .getByTestId('reversal')
      .evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-amount'))));
    const platformShare = await amountOf(page, '[data-testid="refund-platform-share"]');
    expect(reversals).toHaveLength(3);
    expect(reversals.every((amount) => amount > 0)).toBe(true);
    expect(reversals.reduce((sum, amount) => sum + amount, 0) + platformShare).toBe(2000);
    expect(await amountOf(page, '[data-testid="order-refunded"]')).toBe(2000);

    // Each seller's transfer on Stripe was reversed by what the page shows.
    const transfers = await harness.demo.stripe.transfers.list({
      transfer_group: orderId,
      limit: 100,
    });
    const reversedOnStripe = transfers.data.reduce(
      (sum, transfer) => sum + transfer.amount_reversed,
      0,
    );
    expect(reversedOnStripe).toBe(reversals.reduce((sum, amount) => sum + amount, 0));
    await harness.screenshot('order-reversals', page);
  });

  it('creates exactly one order per checkout visit under StrictMode, none while browsing, and the admin sees it as abandoned when unpaid', async () => {
    const { page } = harness;
    const checkoutPosts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/marketkit/checkout'))
        checkoutPosts.push(request.url());
    });
    const before = await harness.listOrdersAs('admin-hana');
    await harness.signIn(page, 'buyer-grace');
    await addToCart(page, ['Speckled mug', 'Bike light set']);

    // Browsing the cart and opening the checkout address directly create nothing.
    await page.goto('/#/cart');
    await page.goto('/#/checkout');
    await page.getByRole('heading', { name: 'Review your cart first' }).waitFor();
    expect(checkoutPosts).toHaveLength(0);
    expect(await harness.listOrdersAs('admin-hana')).toHaveLength(before.length);

    await page.getByRole('link', { name: 'Go to your cart' }).click();
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await page.getByLabel('Card number').waitFor();
    // A StrictMode double mount would send its second request right after the first; give it a moment.
    await page.waitForTimeout(500);

    expect(checkoutPosts).toHaveLength(1);
    const after = await harness.listOrdersAs('admin-hana');
    const created = after.filter((order) => !before.some((old) => old.id === order.id));
    expect(created).toHaveLength(1);
    const abandoned = created[0] as (typeof created)[number];
    expect(abandoned.status).toBe('awaiting_payment');
    expect(abandoned.total).toBe(2400 + 3500);

    // The buyer walks away without paying; the admin's list says so.
    const admin = await harness.newPage();
    await harness.signIn(admin, 'admin-hana');
    await admin.goto('/#/admin');
    const row = admin.locator(`[data-testid="order-row"][data-order-id="${abandoned.id}"]`);
    await expect
      .poll(() => row.locator('[data-status="awaiting_payment"]').textContent(), {
        timeout: WAIT_MS,
      })
      .toBe('abandoned (unpaid)');
    const rowText = await row.textContent();
    expect(rowText).toContain('Ada Ceramics');
    expect(rowText).toContain('Bruno Bikes');
    await harness.screenshot('admin-abandoned-order', admin);
  });

  it('switches the shop and the kit components to dark mode and remembers it', async () => {
    const { page } = harness;
    await harness.signIn(page, 'buyer-grace');
    await page.goto('/#/');
    const root = page.locator('.mk-Root');
    const background = () => root.evaluate((element) => getComputedStyle(element).backgroundColor);
    const light = await background();

    await page.getByRole('button', { name: 'Dark mode' }).click();
    expect(await page.getByRole('button', { name: 'Dark mode' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(await root.getAttribute('data-theme')).toBe('dark');
    expect(await background()).not.toBe(light);
    await harness.screenshot('dark-mode', page);

    await page.reload();
    expect(await page.locator('.mk-Root').getAttribute('data-theme')).toBe('dark');
  });
});
