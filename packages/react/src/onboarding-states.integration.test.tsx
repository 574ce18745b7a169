// The onboarding states only Stripe can put a seller in — rejected, pending verification — reached through
// the sandbox's Stripe-faithful controls and shown by the real components over the real @marketkit/server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import Stripe from 'stripe';
import { startSandbox, type Sandbox } from '@marketkit/sandbox';
import {
  createMarketkitRouter,
  createStaticPricing,
  type MarketkitRouter,
} from '@marketkit/server';
import { MarketkitProvider } from './provider/marketkit-provider';
import { OnboardingButton } from './onboarding-button/onboarding-button';
import { RiskBanner } from './risk-banner/risk-banner';

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
    authenticate: (request) => {
      const userId = request.get('x-test-user');
      return userId ? { userId, role: 'seller', displayName: `Shop of ${userId}` } : null;
    },
    platform: { country: 'US', defaultCurrency: 'usd' },
    // These tests never check out; the router still needs the app's catalogue.
    pricing: createStaticPricing({}),
    urls: { apiBase, onboardingReturn: 'http://127.0.0.1/seller' },
  });
  app.use('/api', router);
  await router.marketkit.ready;
  // Stripe tells the platform about a connected account's changes on a Connect endpoint.
  await stripe.webhookEndpoints.create({
    url: `${apiBase}/webhooks`,
    enabled_events: ['account.updated'],
    connect: true,
  });
});

afterAll(async () => {
  await router?.marketkit.close();
  await new Promise((resolve) => server?.close(resolve));
  await sandbox?.stop();
});

function renderAs(userId: string, ui: ReactElement) {
  return render(
    <MarketkitProvider
      apiBase={apiBase}
      publishableKey={sandbox.publishableKey}
      getHeaders={() => ({ 'x-test-user': userId })}
    >
      {ui}
    </MarketkitProvider>,
  );
}

async function sellerAccount(userId: string) {
  return router.marketkit.accounts.ensureAccount({ userId, displayName: `Shop of ${userId}` });
}

/** Lets the `account.updated` webhooks reach the server, as they would from Stripe. */
async function deliverWebhooks() {
  await sandbox.flushWebhooks();
  await router.marketkit.worker.drain();
}

describe('onboarding states Stripe decides', { timeout: 30_000 }, () => {
  it('OnboardingButton tells a seller rejected for fraud (accounts.reject) that the account was rejected', async () => {
    const accountId = await sellerAccount('seller_fraud');
    await sandbox.completeOnboarding(accountId);
    await stripe.accounts.reject(accountId, { reason: 'fraud' });
    await deliverWebhooks();
    const { container } = renderAs('seller_fraud', <OnboardingButton />);
    // The loading skeleton is a status too; wait for the one that carries the verdict.
    expect(
      await screen.findByText('Account rejected — contact support', {}, { timeout: 10_000 }),
    ).toHaveAttribute('role', 'status');
    expect(container.querySelector('.mk-OnboardingButton')).toHaveAttribute(
      'data-state',
      'rejected',
    );
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('RiskBanner announces a rejection for terms of service as critical', async () => {
    const accountId = await sellerAccount('seller_tos');
    await sandbox.completeOnboarding(accountId);
    await stripe.accounts.reject(accountId, { reason: 'terms_of_service' });
    await deliverWebhooks();
    renderAs('seller_tos', <RiskBanner />);
    const banner = await screen.findByRole(
      'region',
      { name: 'Account alerts' },
      { timeout: 10_000 },
    );
    expect(banner).toHaveAttribute('data-severity', 'critical');
    expect(
      within(banner)
        .getAllByRole('alert')
        .map((alert) => alert.dataset.kind),
    ).toContain('account_rejected');
    expect(banner).toHaveTextContent('Your account was rejected. Contact support.');
  });

  it('OnboardingButton shows verification in progress until Stripe verifies the ID number, then enables payouts', async () => {
    const accountId = await sellerAccount('seller_verifying');
    // ID number 222222222: the sandbox keeps verification pending for an hour of sandbox time.
    await sandbox.completeOnboarding(accountId, { scenario: 'pending_verification' });
    await deliverWebhooks();
    const first = renderAs('seller_verifying', <OnboardingButton />);
    const verifying = await screen.findByRole(
      'button',
      { name: 'Verifying…' },
      { timeout: 10_000 },
    );
    expect(verifying).toBeDisabled();
    expect(first.container.querySelector('.mk-OnboardingButton')).toHaveAttribute(
      'data-state',
      'pending_verification',
    );
    first.unmount();
    await sandbox.advanceClock(3_600);
    await deliverWebhooks();
    const second = renderAs('seller_verifying', <OnboardingButton />);
    await screen.findByText('Payouts enabled', {}, { timeout: 10_000 });
    expect(second.container.querySelector('.mk-OnboardingButton')).toHaveAttribute(
      'data-state',
      'enabled',
    );
  });
});
