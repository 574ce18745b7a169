// @vitest-environment jsdom
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as ConnectJs from '@stripe/connect-js';
import {
  ConnectAccountOnboarding,
  ConnectBalances,
  ConnectComponentsProvider,
  ConnectDocuments,
  ConnectNotificationBanner,
  ConnectPayments,
  ConnectPayouts,
} from '@stripe/react-connect-js';
import { startSandbox } from '../../index';
import { installSandboxStripe, uninstallSandboxStripe } from '../index';

// Generous waits: CI runs these beside the whole monorepo on two cores.
configure({ asyncUtilTimeout: 5000 });

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let stripe: Stripe;
let connectJs: typeof ConnectJs;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  stripe = new Stripe(sandbox.secretKey, sandbox.stripeOptions);
  installSandboxStripe({ apiBase: sandbox.url });
  // connect-js notes once that a Connect.js is already on the page; that is the point of the stand-in.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  connectJs = await import('@stripe/connect-js');
});
afterEach(cleanup);
afterAll(async () => {
  vi.restoreAllMocks();
  uninstallSandboxStripe();
  await sandbox?.stop();
});

const components = {
  account_onboarding: { enabled: true },
  notification_banner: { enabled: true },
  payouts: { enabled: true },
  balances: { enabled: true },
  payments: { enabled: true },
  documents: { enabled: true },
};

const createAccount = () =>
  stripe.accounts.create({
    type: 'express',
    country: 'US',
    capabilities: { transfers: { requested: true } },
  });

function connectFor(account: string, fetchClientSecret?: () => Promise<string>) {
  return connectJs.loadConnectAndInitialize({
    publishableKey: sandbox.publishableKey,
    fetchClientSecret:
      fetchClientSecret ??
      (async () => (await stripe.accountSessions.create({ account, components })).client_secret),
    appearance: {
      variables: { colorPrimary: '#0a7d32', fontFamily: 'Georgia, serif', spacingUnit: '6px' },
    },
  });
}

function Embedded({
  instance,
  children,
}: {
  instance: ConnectJs.StripeConnectInstance;
  children: React.ReactNode;
}) {
  return (
    <ConnectComponentsProvider connectInstance={instance}>{children}</ConnectComponentsProvider>
  );
}

async function onboard(account: string) {
  const onExit = vi.fn();
  render(
    <Embedded instance={connectFor(account)}>
      <ConnectAccountOnboarding onExit={onExit} />
    </Embedded>,
  );
  const form = await screen.findByRole('form', { name: 'Sandbox account onboarding' });
  return { form, onExit };
}

/** Onboards through the sandbox API the onboarding component uses, for tests about other components. */
async function submitOnboarding(account: string) {
  const { client_secret: secret } = await stripe.accountSessions.create({ account, components });
  const response = await fetch(`${sandbox.url}/_sandbox/connect/onboarding`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      first_name: 'Jenny',
      last_name: 'Rosen',
      dob: { day: 1, month: 1, year: 1901 },
      address: { line1: 'address_full_match', city: 'San Francisco', postal_code: '94111' },
      id_number: '000000000',
      routing_number: '110000000',
      account_number: '000123456789',
    }),
  });
  expect(response.status).toBe(200);
}

describe('Connect embedded components over the stand-in, against a running sandbox', () => {
  it('completes onboarding with the sandbox form, calls onExit and satisfies the account’s requirements', async () => {
    const account = await createAccount();
    expect(account.requirements?.currently_due?.length).toBeGreaterThan(0);
    const { form, onExit } = await onboard(account.id);
    expect(within(form).getByText('Sandbox — not a real Stripe form')).toBeTruthy();
    const user = userEvent.setup({ delay: null });
    await user.click(
      within(form).getByRole('checkbox', {
        name: 'I agree to the Stripe Connected Account Agreement',
      }),
    );
    await user.click(within(form).getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(onExit).toHaveBeenCalledTimes(1));
    expect(
      screen.getByText('Onboarding complete. Your account details were submitted.'),
    ).toBeTruthy();
    const updated = await stripe.accounts.retrieve(account.id);
    expect(updated.requirements?.currently_due).toEqual([]);
    expect(updated.requirements?.errors).toEqual([]);
    expect(updated.details_submitted).toBe(true);
    expect(updated.payouts_enabled).toBe(true);
  });

  it('lists what is due with one human label per field, never a raw requirement key', async () => {
    const account = await createAccount();
    expect(account.requirements?.currently_due).toEqual(
      expect.arrayContaining(['individual.dob.day', 'tos_acceptance.ip', 'external_account']),
    );
    const { form } = await onboard(account.id);
    const needed = within(form).getByRole('region', { name: 'Information needed' });
    const items = within(needed)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(items).toEqual(
      expect.arrayContaining([
        'First name',
        'Date of birth',
        'Home address',
        'Last 4 digits of SSN',
        'Bank account',
        'Terms of service acceptance',
      ]),
    );
    // Three dob keys and two tos_acceptance keys are one thing each to fill in.
    expect(items.filter((item) => item === 'Date of birth')).toHaveLength(1);
    expect(items.filter((item) => item === 'Terms of service acceptance')).toHaveLength(1);
    expect(form.textContent).not.toMatch(
      /individual\.|tos_acceptance|Individual dob day|Tos acceptance ip|\w\.\w+_/,
    );
  });

  it('shows the verification failure for a failing ID number and does not exit', async () => {
    const account = await createAccount();
    const { form, onExit } = await onboard(account.id);
    const user = userEvent.setup({ delay: null });
    const idNumber = within(form).getByRole('textbox', { name: 'ID number (SSN)' });
    await user.clear(idNumber);
    await user.type(idNumber, '111111111');
    await user.click(
      within(form).getByRole('checkbox', {
        name: 'I agree to the Stripe Connected Account Agreement',
      }),
    );
    await user.click(within(form).getByRole('button', { name: 'Submit' }));
    await waitFor(() =>
      expect(within(form).getByRole('alert').textContent).toMatch(/could not be verified/),
    );
    expect(onExit).not.toHaveBeenCalled();
    const updated = await stripe.accounts.retrieve(account.id);
    expect(updated.requirements?.errors?.length).toBeGreaterThan(0);
  });

  it('lists what is due in the notification banner and reports the count', async () => {
    const account = await createAccount();
    const onNotificationsChange = vi.fn();
    render(
      <Embedded instance={connectFor(account.id)}>
        <ConnectNotificationBanner onNotificationsChange={onNotificationsChange} />
      </Embedded>,
    );
    const banner = await screen.findByRole('region', { name: 'Account notifications' });
    expect(banner.textContent).toMatch(/Action required: \d+ items are due/);
    expect(within(banner).getByText('Date of birth')).toBeTruthy();
    expect(banner.textContent).not.toMatch(/individual|tos_acceptance|Tos acceptance/i);
    const [report] = onNotificationsChange.mock.calls.at(-1)!;
    expect(report.total).toBeGreaterThan(0);
    expect(report.actionRequired).toBe(report.total);
  });

  it('shows the balance, pays out now, and lists the payout', async () => {
    const account = await createAccount();
    const funding = await onboard(account.id);
    const user = userEvent.setup({ delay: null });
    await user.click(
      within(funding.form).getByRole('checkbox', {
        name: 'I agree to the Stripe Connected Account Agreement',
      }),
    );
    await user.click(within(funding.form).getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(funding.onExit).toHaveBeenCalled());
    cleanup();
    // Funds available at once (4000 0000 0000 0077), then moved to the connected account.
    await stripe.paymentIntents.create({
      amount: 5000,
      currency: 'usd',
      payment_method: 'pm_card_bypassPending',
      confirm: true,
      return_url: 'https://m.example/checkout/return',
    });
    await stripe.transfers.create({ amount: 3000, currency: 'usd', destination: account.id });

    const onLoaderStart = vi.fn();
    render(
      <Embedded instance={connectFor(account.id)}>
        <ConnectPayouts onLoaderStart={onLoaderStart} />
      </Embedded>,
    );
    const balance = await screen.findByRole('region', { name: 'Balance' });
    expect(within(balance).getByText('$30.00')).toBeTruthy();
    expect(await screen.findByText('No payouts yet.')).toBeTruthy();
    expect(onLoaderStart).toHaveBeenCalledWith({ elementTagName: 'stripe-connect-payouts' });
    await user.click(within(balance).getByRole('button', { name: 'Pay out now' }));
    const table = await screen.findByRole('table', { name: 'Payouts' });
    expect(within(table).getByText('$30.00')).toBeTruthy();
    const payouts = await stripe.payouts.list({ limit: 10 }, { stripeAccount: account.id });
    expect(payouts.data.map((payout) => payout.amount)).toEqual([3000]);
  });

  it('offers an instant payout when the session enables it and pays out the balance less the fee', async () => {
    const account = await createAccount();
    await submitOnboarding(account.id);
    await stripe.accounts.createExternalAccount(account.id, { external_account: 'tok_visa_debit' });
    await stripe.paymentIntents.create({
      amount: 4000,
      currency: 'usd',
      payment_method: 'pm_card_bypassPending',
      confirm: true,
      return_url: 'https://m.example/checkout/return',
    });
    await stripe.transfers.create({ amount: 2000, currency: 'usd', destination: account.id });
    const instantSession = async () =>
      (
        await stripe.accountSessions.create({
          account: account.id,
          components: { payouts: { enabled: true, features: { instant_payouts: true } } },
        })
      ).client_secret;
    render(
      <Embedded instance={connectFor(account.id, instantSession)}>
        <ConnectPayouts />
      </Embedded>,
    );
    const balance = await screen.findByRole('region', { name: 'Balance' });
    await userEvent
      .setup({ delay: null })
      .click(within(balance).getByRole('button', { name: 'Instant payout' }));
    // $20.00 available: $19.50 goes out and the $0.50 minimum fee takes the rest.
    await waitFor(async () =>
      expect(
        (await stripe.payouts.list({ limit: 1 }, { stripeAccount: account.id })).data.map(
          (payout) => [payout.amount, payout.method],
        ),
      ).toEqual([[1950, 'instant']]),
    );
    expect(await screen.findByText('$19.50')).toBeTruthy();
  });

  it('shows why the sandbox refused an instant payout', async () => {
    const account = await createAccount();
    await submitOnboarding(account.id);
    await stripe.accounts.createExternalAccount(account.id, { external_account: 'tok_visa_debit' });
    await stripe.paymentIntents.create({
      amount: 4000,
      currency: 'usd',
      payment_method: 'pm_card_bypassPending',
      confirm: true,
      return_url: 'https://m.example/checkout/return',
    });
    // 0.40 cannot cover the 0.50 minimum fee.
    await stripe.transfers.create({ amount: 40, currency: 'usd', destination: account.id });
    const instantSession = async () =>
      (
        await stripe.accountSessions.create({
          account: account.id,
          components: { payouts: { enabled: true, features: { instant_payouts: true } } },
        })
      ).client_secret;
    render(
      <Embedded instance={connectFor(account.id, instantSession)}>
        <ConnectPayouts />
      </Embedded>,
    );
    const balance = await screen.findByRole('region', { name: 'Balance' });
    await userEvent
      .setup({ delay: null })
      .click(within(balance).getByRole('button', { name: 'Instant payout' }));
    const alert = within(balance).getByRole('alert');
    await waitFor(() => expect(alert.textContent).toMatch(/minimum instant payout fee/));
    expect(within(balance).getByRole('button', { name: 'Instant payout' })).toHaveProperty(
      'disabled',
      false,
    );
    expect((await stripe.payouts.list({ limit: 1 }, { stripeAccount: account.id })).data).toEqual(
      [],
    );
  });

  it('pages through many payouts with "Load more payouts"', async () => {
    const account = await createAccount();
    await submitOnboarding(account.id);
    await stripe.paymentIntents.create({
      amount: 5000,
      currency: 'usd',
      payment_method: 'pm_card_bypassPending',
      confirm: true,
      return_url: 'https://m.example/checkout/return',
    });
    await stripe.transfers.create({ amount: 1200, currency: 'usd', destination: account.id });
    for (let index = 0; index < 12; index += 1) {
      await stripe.payouts.create({ amount: 100, currency: 'usd' }, { stripeAccount: account.id });
    }
    render(
      <Embedded instance={connectFor(account.id)}>
        <ConnectPayouts />
      </Embedded>,
    );
    const table = await screen.findByRole('table', { name: 'Payouts' });
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 10);
    await userEvent
      .setup({ delay: null })
      .click(screen.getByRole('button', { name: 'Load more payouts' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(1 + 12));
    expect(screen.queryByRole('button', { name: 'Load more payouts' })).toBeNull();
  });

  it('shows balances and the payments an account received', async () => {
    const account = await createAccount();
    await submitOnboarding(account.id);
    // A transfer tied to a card charge stays pending until the charge's funds are available.
    const charge = await stripe.paymentIntents.create({
      amount: 2000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
      return_url: 'https://m.example/checkout/return',
    });
    await stripe.transfers.create({
      amount: 1234,
      currency: 'usd',
      destination: account.id,
      source_transaction: charge.latest_charge as string,
    });
    render(
      <Embedded instance={connectFor(account.id)}>
        <ConnectBalances />
        <ConnectPayments />
      </Embedded>,
    );
    const balance = await screen.findByRole('region', { name: 'Balance' });
    expect(within(balance).getByText('Pending (USD)').nextElementSibling?.textContent).toBe(
      '$12.34',
    );
    expect(within(balance).getByText('Available (USD)').nextElementSibling?.textContent).toBe(
      '$0.00',
    );
    expect(within(balance).getByRole('button', { name: 'Pay out now' })).toHaveProperty(
      'disabled',
      true,
    );
    const payments = await screen.findByRole('table', { name: 'Payments' });
    expect(within(payments).getByText('$12.34')).toBeTruthy();
  });

  it('renders nothing in the notification banner once nothing is due, and reports zero', async () => {
    const account = await createAccount();
    await submitOnboarding(account.id);
    const onNotificationsChange = vi.fn();
    const { container } = render(
      <Embedded instance={connectFor(account.id)}>
        <ConnectNotificationBanner onNotificationsChange={onNotificationsChange} />
      </Embedded>,
    );
    await waitFor(() =>
      expect(onNotificationsChange).toHaveBeenCalledWith({ total: 0, actionRequired: 0 }),
    );
    expect(container.textContent).toBe('');
  });

  it('renders a clear panel for components the sandbox does not emulate', async () => {
    const account = await createAccount();
    render(
      <Embedded instance={connectFor(account.id)}>
        <ConnectDocuments />
      </Embedded>,
    );
    expect((await screen.findByRole('note')).textContent).toContain(
      'The documents component is not emulated in the sandbox.',
    );
  });

  it('calls onLoadError when the account session secret is refused', async () => {
    const account = await createAccount();
    const onLoadError = vi.fn();
    const fetchClientSecret = vi.fn(async () => 'acctsess_unknown_secret_nope');
    render(
      <Embedded instance={connectFor(account.id, fetchClientSecret)}>
        <ConnectPayouts onLoadError={onLoadError} />
      </Embedded>,
    );
    await waitFor(() => expect(onLoadError).toHaveBeenCalled());
    expect(onLoadError.mock.calls[0]![0]).toMatchObject({
      elementTagName: 'stripe-connect-payouts',
      error: { type: expect.any(String), message: expect.any(String) },
    });
    // One retry with a fresh secret, as Connect.js does when a session expires.
    expect(fetchClientSecret).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('alert').textContent).toMatch(/^Sandbox: /);
  });

  it('honours appearance variables, restyles in place on update() and redraws for a new locale', async () => {
    const account = await createAccount();
    const instance = connectFor(account.id);
    render(
      <Embedded instance={instance}>
        <ConnectAccountOnboarding onExit={() => undefined} />
      </Embedded>,
    );
    const form = await screen.findByRole('form', { name: 'Sandbox account onboarding' });
    const root = form.closest<HTMLElement>('.mk-sandbox')!;
    expect(root.style.getPropertyValue('--mk-sandbox-color-primary')).toBe('#0a7d32');
    expect(root.style.getPropertyValue('--mk-sandbox-font-family')).toBe('Georgia, serif');
    expect(root.style.getPropertyValue('--mk-sandbox-spacing-unit')).toBe('6px');
    const firstName = within(form).getByRole('textbox', { name: 'First name' });
    const user = userEvent.setup({ delay: null });
    await user.clear(firstName);
    await user.type(firstName, 'Ada');
    instance.update({ appearance: { variables: { colorPrimary: '#123456' } } });
    await waitFor(() =>
      expect(root.style.getPropertyValue('--mk-sandbox-color-primary')).toBe('#123456'),
    );
    expect(root.style.getPropertyValue('--mk-sandbox-font-family')).toBe('');
    expect(within(form).getByRole('textbox', { name: 'First name' })).toHaveProperty(
      'value',
      'Ada',
    );
    instance.update({ locale: 'fr-FR' });
    await waitFor(() =>
      expect(document.querySelector('.mk-sandbox')?.getAttribute('lang')).toBe('fr-FR'),
    );
  });
});
