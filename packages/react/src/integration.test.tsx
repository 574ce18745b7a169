// One test per component against the real @marketkit/server (Express on 127.0.0.1) and @marketkit/sandbox,
// with the sandbox's browser stand-ins for Stripe.js and Connect.js. Nothing here is mocked; one test holds
// back the arrival of SplitCheckout's payment step, as a slow network would.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import Stripe from 'stripe';
import { startSandbox } from '@marketkit/sandbox';
import type { Sandbox } from '@marketkit/sandbox';
import { installSandboxStripe, uninstallSandboxStripe } from '@marketkit/sandbox/browser';
import { createMarketkitRouter, createStaticPricing } from '@marketkit/server';
import type { MarketkitRouter } from '@marketkit/server';
import { MarketkitProvider } from './provider/marketkit-provider';
import { OnboardingButton } from './onboarding-button/onboarding-button';
import { SplitCheckout } from './split-checkout/split-checkout';
import { PayoutsPanel } from './payouts-panel/payouts-panel';
import { RiskBanner } from './risk-banner/risk-banner';
import { PlatformRiskTable } from './platform-risk-table/platform-risk-table';

// SplitCheckout's payment step loads on demand; `hold()` keeps its code from arriving until `release()`.
// It works on the first load of that module only, so the test that holds it is the first to check out.
const paymentStepArrival = vi.hoisted(() => {
  let arrived: Promise<void> = Promise.resolve();
  let release = () => {};
  return {
    hold: () => void (arrived = new Promise<void>((resolve) => (release = resolve))),
    release: () => release(),
    arrived: () => arrived,
  };
});
vi.mock('./split-checkout/payment-step', async (importOriginal) => {
  await paymentStepArrival.arrived();
  return importOriginal();
});

let sandbox: Sandbox;
let stripe: Stripe;
let router: MarketkitRouter;
let server: Server;
let apiBase: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, webhookRetryBaseMs: 50, webhookSigning: 'shared' });
  stripe = new Stripe(sandbox.secretKey, { ...sandbox.stripeOptions, maxNetworkRetries: 0 });
  const app = express();
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  apiBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  router = createMarketkitRouter({
    stripe,
    webhookSecret: sandbox.webhookSecret,
    // The test picks the signed-in user with a header, as an app would with its session.
    authenticate: (request) => {
      const [userId, role] = (request.get('x-test-user') ?? '').split(':');
      return userId
        ? {
            userId,
            role: (role ?? 'buyer') as 'buyer' | 'seller' | 'admin',
            displayName: `Shop of ${userId}`,
          }
        : null;
    },
    platform: { country: 'US', defaultCurrency: 'usd' },
    fees: { basisPoints: 1000 },
    pricing: createStaticPricing({
      mug: { sellerId: 'seller_ada', description: 'Mug', amount: 2400, currency: 'usd' },
      towel: { sellerId: 'seller_grace', description: 'Towel', amount: 1500, currency: 'usd' },
    }),
    urls: { apiBase, onboardingReturn: 'http://127.0.0.1/seller' },
    worker: { baseDelayMs: 5, maxDelayMs: 40, pollIntervalMs: 20, callsPerSecond: 1000 },
  });
  app.use('/api', router);
  await router.marketkit.ready;
  const events: Stripe.WebhookEndpointCreateParams.EnabledEvent[] = [
    'payment_intent.succeeded',
    'payment_intent.payment_failed',
    'charge.refunded',
    'charge.dispute.created',
    'charge.dispute.closed',
    'account.updated',
    'payout.paid',
    'payout.failed',
  ];
  await stripe.webhookEndpoints.create({ url: `${apiBase}/webhooks`, enabled_events: events });
  await stripe.webhookEndpoints.create({
    url: `${apiBase}/webhooks`,
    enabled_events: events,
    connect: true,
  });
  installSandboxStripe({ apiBase: sandbox.url });
});

afterAll(async () => {
  uninstallSandboxStripe();
  await router?.marketkit.close();
  await new Promise((resolve) => server?.close(resolve));
  await sandbox?.stop();
});

function renderAs(user: string, ui: ReactElement) {
  const navigate = vi.fn<(url: string) => void>();
  const openWindow = vi.fn<(url: string) => void>();
  const result = render(
    <MarketkitProvider
      apiBase={apiBase}
      publishableKey={sandbox.publishableKey}
      getHeaders={() => ({ 'x-test-user': user })}
      navigate={navigate}
      openWindow={openWindow}
    >
      {ui}
    </MarketkitProvider>,
  );
  return { ...result, navigate, openWindow };
}

/** Creates the seller's account and completes onboarding the way the hosted form does. */
async function onboardSeller(userId: string): Promise<string> {
  const accountId = await router.marketkit.accounts.ensureAccount({
    userId,
    displayName: `Shop of ${userId}`,
  });
  await sandbox.completeOnboarding(accountId);
  await router.marketkit.accounts.refresh(userId);
  return accountId;
}

async function settle() {
  await sandbox.flushWebhooks();
  await router.marketkit.worker.drain();
  await sandbox.flushWebhooks();
}

describe('against the real server and sandbox', { timeout: 30_000 }, () => {
  it('OnboardingButton creates a new seller’s account and sends them to Stripe’s onboarding', async () => {
    const { navigate } = renderAs('seller_new:seller', <OnboardingButton />);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Set up payouts' }, { timeout: 10_000 }),
    );
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    const url = navigate.mock.calls[0]![0];
    expect(url.startsWith(`${sandbox.url}/_sandbox/hosted/onboarding/`)).toBe(true);
    const accountId = await router.marketkit.accounts.ensureAccount({
      userId: 'seller_new',
      displayName: 'x',
    });
    expect((await stripe.accounts.retrieve(accountId)).details_submitted).toBe(false);
  });

  it('RiskBanner calmly asks a seller who has not finished onboarding to finish, once', async () => {
    await router.marketkit.accounts.ensureAccount({
      userId: 'seller_due',
      displayName: 'Shop of seller_due',
    });
    const { container } = renderAs('seller_due:seller', <RiskBanner />);
    const banner = await screen.findByRole(
      'region',
      { name: 'Account alerts' },
      { timeout: 10_000 },
    );
    // Stripe lists the account as restricted with past-due requirements; the seller reads one next step.
    expect(banner).toHaveAttribute('data-severity', 'info');
    expect(within(banner).queryAllByRole('alert')).toEqual([]);
    expect(within(banner).getByRole('status')).toHaveTextContent(
      'Finish setting up your account to start getting paid.',
    );
    expect(within(banner).getAllByRole('button', { name: 'Finish setup' })).toHaveLength(1);
    expect(container.querySelector('.mk-RiskBanner')).toHaveAttribute('data-state', 'success');
  });

  it('RiskBanner remediation mints an onboarding link the seller can follow', async () => {
    await router.marketkit.accounts.ensureAccount({
      userId: 'seller_fix',
      displayName: 'Shop of seller_fix',
    });
    const { navigate } = renderAs('seller_fix:seller', <RiskBanner />);
    const banner = await screen.findByRole(
      'region',
      { name: 'Account alerts' },
      { timeout: 10_000 },
    );
    await userEvent.click(within(banner).getByRole('button', { name: 'Finish setup' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1), { timeout: 2_000 });
    // Express accounts finish their details through Stripe-hosted onboarding (the sandbox's page here).
    expect(String(navigate.mock.calls[0]?.[0])).toMatch(/\/_sandbox\/hosted\/onboarding\/alink_/);
  });

  it('SplitCheckout shows the order summary while its payment step is still on its way', async () => {
    await onboardSeller('seller_ada');
    paymentStepArrival.hold();
    renderAs(
      'buyer_slow:buyer',
      <SplitCheckout items={[{ itemId: 'mug', quantity: 1 }]} currency="usd" />,
    );
    const region = await screen.findByRole(
      'region',
      { name: 'Shop of seller_ada' },
      { timeout: 10_000 },
    );
    expect(region).toHaveTextContent('Subtotal $24.00');
    const summary = screen.getByRole('region', { name: 'Order summary' });
    expect(summary).toHaveTextContent('Total$24.00');
    expect(within(summary).getByRole('status')).toHaveTextContent('Preparing checkout…');
    expect(within(summary).queryByRole('button')).not.toBeInTheDocument();

    paymentStepArrival.release();
    const pay = await screen.findByRole('button', { name: 'Pay $24.00' }, { timeout: 10_000 });
    await waitFor(() => expect(pay).toBeEnabled(), { timeout: 10_000 });
    expect(screen.queryByText('Preparing checkout…')).not.toBeInTheDocument();
  });

  it('SplitCheckout takes a card payment for two sellers and shows the recorded order', async () => {
    await onboardSeller('seller_ada');
    await onboardSeller('seller_grace');
    const onSuccess = vi.fn();
    const items = [
      { itemId: 'mug', quantity: 2 },
      { itemId: 'towel', quantity: 1 },
    ];
    renderAs(
      'buyer_1:buyer',
      <SplitCheckout
        items={items}
        currency="usd"
        onSuccess={onSuccess}
        orderPollInterval={50}
        orderPollAttempts={100}
      />,
    );
    const user = userEvent.setup();
    const region = await screen.findByRole(
      'region',
      { name: 'Shop of seller_ada' },
      { timeout: 10_000 },
    );
    expect(region).toHaveTextContent('Subtotal $48.00');
    await user.type(
      await screen.findByRole('textbox', { name: 'Card number' }, { timeout: 10_000 }),
      '4000000000000077',
    );
    await user.type(screen.getByRole('textbox', { name: 'Expiration date' }), '1234');
    await user.type(screen.getByRole('textbox', { name: 'Security code' }), '123');
    await user.click(screen.getByRole('button', { name: 'Pay $63.00' }));
    // Paid at Stripe; the server marks the order paid when the sandbox delivers payment_intent.succeeded.
    await screen.findByText('Payment received. Confirming your order…', undefined, {
      timeout: 10_000,
    });
    await settle();
    const success = await screen.findByText(/Payment complete\. Order /, undefined, {
      timeout: 10_000,
    });
    expect(success.closest('[role="status"]')).toHaveTextContent(
      'Shop of seller_ada$48.00Shop of seller_grace$15.00',
    );
    expect(onSuccess).toHaveBeenCalledTimes(1);
    const { order } = onSuccess.mock.calls[0]![0] as {
      order: { status: string; paymentIntentId: string };
    };
    expect(order.status).toBe('paid');
    expect((await stripe.paymentIntents.retrieve(order.paymentIntentId)).status).toBe('succeeded');
  });

  it('SplitCheckout shows the sandbox’s decline, then completes a 3-D Secure payment with another card', async () => {
    const items = [{ itemId: 'towel', quantity: 1 }];
    renderAs(
      'buyer_2:buyer',
      <SplitCheckout items={items} currency="usd" orderPollInterval={50} orderPollAttempts={100} />,
    );
    const user = userEvent.setup();
    const number = await screen.findByRole('textbox', { name: 'Card number' }, { timeout: 10_000 });
    await user.type(number, '4000000000000002');
    await user.type(screen.getByRole('textbox', { name: 'Expiration date' }), '1234');
    await user.type(screen.getByRole('textbox', { name: 'Security code' }), '123');
    await user.click(screen.getByRole('button', { name: 'Pay $15.00' }));
    const declined = await screen.findByText(
      'Your payment was not completed. Your card was declined. Try another card, or contact your bank.',
      undefined,
      { timeout: 10_000 },
    );
    expect(declined.closest('[role="alert"]')).not.toBeNull();
    await user.clear(number);
    await user.type(number, '4000002500003155');
    await user.click(screen.getByRole('button', { name: 'Pay $15.00' }));
    await user.click(
      await screen.findByRole('button', { name: 'Complete authentication' }, { timeout: 10_000 }),
    );
    await screen.findByText('Payment received. Confirming your order…', undefined, {
      timeout: 10_000,
    });
    await settle();
    expect(
      await screen.findByText(/Payment complete\. Order /, undefined, { timeout: 10_000 }),
    ).toBeInTheDocument();
  });

  it('PayoutsPanel shows the seller’s balance from those sales and pays it out after confirmation', async () => {
    await settle();
    const user = userEvent.setup();
    renderAs('seller_ada:seller', <PayoutsPanel />);
    const panel = await screen.findByRole('region', { name: 'Payouts' }, { timeout: 10_000 });
    // $48.00 minus the platform's 10% fee, transferred with funds available at once (test card 0077).
    await waitFor(() => expect(panel).toHaveTextContent('Available$43.20'), { timeout: 10_000 });
    await user.click(screen.getByRole('button', { name: 'Pay out now' }));
    await user.click(
      within(screen.getByRole('group', { name: 'Confirm' })).getByRole('button', {
        name: 'Confirm',
      }),
    );
    expect(
      await screen.findByText('Payout of $43.20 created.', undefined, { timeout: 10_000 }),
    ).toBeInTheDocument();
    const accountId = await router.marketkit.accounts.ensureAccount({
      userId: 'seller_ada',
      displayName: 'x',
    });
    const payouts = await stripe.payouts.list({ limit: 5 }, { stripeAccount: accountId });
    expect(payouts.data.map((payout) => payout.amount)).toContain(4320);
  });

  it('OnboardingButton embedded: completes onboarding in the dialog over Connect.js and refreshes the state', async () => {
    const onExit = vi.fn();
    const user = userEvent.setup();
    renderAs('seller_embedded:seller', <OnboardingButton variant="embedded" onExit={onExit} />);
    await user.click(
      await screen.findByRole('button', { name: 'Set up payouts' }, { timeout: 10_000 }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Set up payouts' });
    // The stand-in's form comes prefilled with Stripe's passing test values; the seller accepts the terms.
    const form = await within(dialog).findByRole(
      'form',
      { name: 'Sandbox account onboarding' },
      { timeout: 10_000 },
    );
    await user.click(within(form).getByRole('checkbox', { name: /I agree to the/ }));
    await user.click(within(form).getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(onExit).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    expect(screen.queryByRole('dialog')).toBeNull();
    const accountId = await router.marketkit.accounts.ensureAccount({
      userId: 'seller_embedded',
      displayName: 'x',
    });
    expect((await stripe.accounts.retrieve(accountId)).details_submitted).toBe(true);
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Set up payouts' })).toBeNull(),
    );
  });

  it('PayoutsPanel embedded renders Stripe’s payouts component for the seller’s account', async () => {
    renderAs('seller_ada:seller', <PayoutsPanel variant="embedded" />);
    // The stand-in's own table (Connect's ConnectPayouts) lists the payout made above.
    await screen.findByRole('columnheader', { name: 'Method' }, { timeout: 10_000 });
    await waitFor(
      () => expect(document.querySelectorAll('tr[data-status]').length).toBeGreaterThan(0),
      { timeout: 10_000 },
    );
  });

  it('RiskBanner embedded renders Stripe’s notification banner with what is due', async () => {
    renderAs('seller_due:seller', <RiskBanner variant="embedded" />);
    const notifications = await screen.findByRole(
      'region',
      { name: 'Account notifications' },
      { timeout: 10_000 },
    );
    expect(notifications).toHaveTextContent('Action required');
  });

  it('PlatformRiskTable lists the platform’s accounts with risk for an admin', async () => {
    renderAs('admin_1:admin', <PlatformRiskTable />);
    const table = await screen.findByRole(
      'table',
      { name: 'Accounts at risk' },
      { timeout: 10_000 },
    );
    const names = within(table)
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent);
    expect(names).toContain('Shop of seller_due');
    expect(names).not.toContain('Shop of seller_ada');
  });
});
