// Steps several e2e files share, written the way a user does them.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { WAIT_MS } from './harness';

export async function fillCard(page: Page, number: string): Promise<void> {
  await page.getByLabel('Card number').fill(number);
  await page.getByLabel('Expiration date').fill('12 / 34');
  await page.getByLabel('Security code').fill('123');
}

export async function addToCart(page: Page, productNames: string[]): Promise<void> {
  await page.goto('/#/');
  for (const name of productNames) {
    await page.getByRole('button', { name: `Add ${name} to cart` }).click();
  }
}

/** From the cart, like a buyer: only "Continue to payment" opens the payment form (and creates the order). */
export async function continueToPayment(page: Page): Promise<void> {
  await page.goto('/#/cart');
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await page.waitForURL(/#\/checkout$/);
}

/** Buys the products with a card through the checkout page; returns the order id once transfers settled. */
export async function buy(page: Page, productNames: string[], card: string): Promise<string> {
  await addToCart(page, productNames);
  await continueToPayment(page);
  await fillCard(page, card);
  await page.getByRole('button', { name: /^Pay/ }).click();
  await page.waitForURL(/#\/orders\/[^/]+$/, { timeout: WAIT_MS });
  const orderId = decodeURIComponent(new URL(page.url()).hash.replace('#/orders/', ''));
  // The order page polls until the background transfers have run.
  await expect
    .poll(
      async () => {
        const statuses = await page.getByTestId('transfer-status').allTextContents();
        return statuses.length > 0 && statuses.every((status) => status === 'paid');
      },
      { timeout: WAIT_MS, interval: 500 },
    )
    .toBe(true);
  return orderId;
}
