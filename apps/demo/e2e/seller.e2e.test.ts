// Flows 1 and 7: a new seller onboards on the hosted page and comes back enabled; the embedded variants
// render over the Connect.js stand-ins (and embedded onboarding finishes a half-done account).
import { describe, expect, it } from 'vitest';
import { deriveOnboardingState } from '@marketkit/core';
import { WAIT_MS, useDemoHarness } from './harness';

// The web app through Vite's dev server, as `pnpm demo` serves it (the other files use the build).
const harness = useDemoHarness('seller', { web: 'dev' });

async function accountStateOf(userId: string) {
  const accountId = await harness.demo.accountIdFor(userId);
  if (!accountId) return 'not_started';
  return deriveOnboardingState(await harness.demo.stripe.accounts.retrieve(accountId));
}

describe('seller', () => {
  it('takes a new seller from "Set up payouts" through the hosted onboarding page back to payouts enabled', async () => {
    const { page } = harness;
    await page.goto('/#/sign-in');
    await page.getByRole('button', { name: /Dara Designs/ }).click();
    await page.waitForURL(/#\/seller$/);
    expect(await accountStateOf('seller-dara')).toBe('not_started');

    await page.getByRole('button', { name: 'Set up payouts' }).click();
    await page.waitForURL(/\/_sandbox\/hosted\/onboarding\//, { timeout: WAIT_MS });
    await expect.poll(() => page.textContent('body')).toContain('not a real Stripe page');
    await harness.screenshot('hosted-onboarding', page);
    await page.locator('form button[type="submit"]').first().click();

    await page.waitForURL((url) => url.hash.startsWith('#/seller'), { timeout: WAIT_MS });
    await expect
      .poll(() => page.locator('.mk-OnboardingButton').getAttribute('data-state'), {
        timeout: WAIT_MS,
      })
      .toBe('enabled');
    await expect
      .poll(() => page.getByRole('status').allTextContents())
      .toContainEqual('Payouts enabled');
    expect(await accountStateOf('seller-dara')).toBe('enabled');
    await harness.screenshot('payouts-enabled', page);
  });

  it('renders the embedded payouts and notification banner over the Connect.js stand-ins', async () => {
    const { page } = harness;
    await harness.signIn(page, 'seller-ada');
    await page.goto('/#/seller');
    await page.getByRole('switch', { name: 'Embedded components' }).check();

    const payouts = page.locator('stripe-connect-payouts');
    await expect.poll(() => payouts.count(), { timeout: WAIT_MS }).toBe(1);
    // The stand-in draws real content (balance figures from the sandbox), not an empty shell.
    await expect.poll(() => payouts.textContent(), { timeout: WAIT_MS }).toMatch(/\$\d/);
    await expect.poll(() => page.locator('stripe-connect-notification-banner').count()).toBe(1);
    await harness.screenshot('embedded-variants', page);
  });

  it('finishes a half-done onboarding in the embedded onboarding dialog', async () => {
    const { page } = harness;
    await harness.signIn(page, 'seller-emil');
    await page.goto('/#/seller');
    await page.getByRole('switch', { name: 'Embedded components' }).check();
    await page.getByRole('button', { name: 'Continue setup' }).click();

    const dialog = page.getByRole('dialog');
    const onboarding = dialog.locator('stripe-connect-account-onboarding');
    await expect.poll(() => onboarding.count(), { timeout: WAIT_MS }).toBe(1);
    await harness.screenshot('embedded-onboarding', page);
    // The stand-in form comes prefilled with Stripe's passing test values; only the agreement is left.
    await onboarding.getByRole('checkbox', { name: /I agree/ }).check();
    await onboarding.getByRole('button', { name: 'Submit' }).click();

    await expect.poll(() => dialog.count(), { timeout: WAIT_MS }).toBe(0);
    await expect
      .poll(() => page.locator('.mk-OnboardingButton').getAttribute('data-state'), {
        timeout: WAIT_MS,
      })
      .toBe('enabled');
    expect(await accountStateOf('seller-emil')).toBe('enabled');
  });
});
