import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { createOnboardedAccount, createOnboardingLink, useHarness } from '../test-support';

const harness = useHarness();

const day = 86_400;

/** Follows the hosted onboarding page like a browser: GET the form, POST it back. */
async function submitHostedForm(url: string, overrides: Record<string, string> = {}) {
  const page = await fetch(url, { redirect: 'manual' });
  if (page.status !== 200)
    return { status: page.status, location: page.headers.get('location'), html: '' };
  const html = await page.text();
  const fields = new URLSearchParams();
  for (const match of html.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g))
    fields.set(match[1] as string, match[2] as string);
  fields.set('accept_tos', 'on');
  fields.set('scenario', 'pass');
  fields.set('business_type', 'individual');
  for (const [key, value] of Object.entries(overrides)) fields.set(key, value);
  const submitted = await fetch(url, {
    method: 'POST',
    body: fields,
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  return { status: submitted.status, location: submitted.headers.get('location'), html };
}

describe('accounts', () => {
  it('creates an account from controller properties and reports them back', async () => {
    const account = await harness.stripe.accounts.create({
      controller: {
        fees: { payer: 'application' },
        losses: { payments: 'application' },
        stripe_dashboard: { type: 'express' },
        requirement_collection: 'stripe',
      },
      country: 'US',
      capabilities: { transfers: { requested: true } },
    });
    expect(account.id).toMatch(/^acct_/);
    expect(account.controller).toMatchObject({
      fees: { payer: 'application_express' },
      losses: { payments: 'application' },
      stripe_dashboard: { type: 'express' },
      requirement_collection: 'stripe',
    });
    expect(account.type).toBe('express');
    expect(account.capabilities?.transfers).toBe('inactive');
    expect(account.charges_enabled).toBe(false);
    expect(account.requirements?.currently_due).toEqual(
      expect.arrayContaining(['individual.first_name', 'external_account', 'tos_acceptance.date']),
    );
    expect(account.requirements?.disabled_reason).toBe('requirements.past_due');
  });

  it('rejects a controller combination Stripe does not allow', async () => {
    const error = (await harness.stripe.accounts
      .create({
        controller: {
          requirement_collection: 'application',
          stripe_dashboard: { type: 'express' },
        },
      })
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(error.statusCode).toBe(400);
    expect(error.param).toBe('controller[requirement_collection]');
  });

  it('retrieves, updates the payout schedule, lists and deletes accounts', async () => {
    const account = await harness.stripe.accounts.create({
      type: 'express',
      capabilities: { transfers: { requested: true } },
      email: 'a@example.com',
    });
    const retrieved = await harness.stripe.accounts.retrieve(account.id);
    expect(retrieved.email).toBe('a@example.com');
    const updated = await harness.stripe.accounts.update(account.id, {
      settings: { payouts: { schedule: { interval: 'weekly', weekly_anchor: 'friday' } } },
      metadata: { seller: 's_1' },
    });
    expect(updated.settings?.payouts?.schedule).toMatchObject({
      interval: 'weekly',
      weekly_anchor: 'friday',
      delay_days: 2,
    });
    expect(updated.metadata).toEqual({ seller: 's_1' });
    const list = await harness.stripe.accounts.list({ limit: 100 });
    expect(list.data.some((item) => item.id === account.id)).toBe(true);
    const deleted = await harness.stripe.accounts.del(account.id);
    expect(deleted).toMatchObject({ id: account.id, deleted: true });
    const error = (await harness.stripe.accounts
      .retrieve(account.id)
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(error.statusCode).toBe(404);
  });

  it('keeps the country and fails cross-border transfers outside the platform’s region', async () => {
    const account = await createOnboardedAccount(harness.stripe, { country: 'FR' });
    expect(account.country).toBe('FR');
    expect(account.default_currency).toBe('eur');
    const error = (await harness.stripe.transfers
      .create({ amount: 100, currency: 'usd', destination: account.id })
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(error.code).toBe('transfers_not_allowed');
    expect(error.message).toContain("restricted outside of your platform's region");
  });

  it('refuses transfers to an account whose transfers capability is not active', async () => {
    const account = await harness.stripe.accounts.create({
      type: 'express',
      capabilities: { transfers: { requested: true } },
    });
    const error = (await harness.stripe.transfers
      .create({ amount: 100, currency: 'usd', destination: account.id })
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(error.code).toBe('insufficient_capabilities_for_transfer');
  });
});

describe('onboarding', () => {
  it('moves requirements from due to satisfied through the hosted onboarding page and emits account.updated', async () => {
    const account = await harness.stripe.accounts.create({
      type: 'express',
      capabilities: { transfers: { requested: true }, card_payments: { requested: true } },
    });
    const link = await harness.stripe.accountLinks.create({
      account: account.id,
      type: 'account_onboarding',
      refresh_url: 'https://marketplace.example/refresh',
      return_url: 'https://marketplace.example/return',
    });
    expect(link.url).toBe(
      `${harness.sandbox.url}/_sandbox/hosted/onboarding/${link.url.split('/').pop()}`,
    );
    expect(link.expires_at - link.created).toBe(300);
    const result = await submitHostedForm(link.url);
    expect(result.html).toContain('Sandbox — not a real Stripe page');
    expect(result.html).toContain('<label for="id_number">');
    expect(result.status).toBe(303);
    expect(result.location).toBe('https://marketplace.example/return');
    const onboarded = await harness.stripe.accounts.retrieve(account.id);
    expect(onboarded.details_submitted).toBe(true);
    expect(onboarded.requirements?.currently_due).toEqual([]);
    expect(onboarded.requirements?.disabled_reason).toBeNull();
    expect(onboarded.capabilities).toEqual({ transfers: 'active', card_payments: 'active' });
    expect(onboarded.charges_enabled).toBe(true);
    expect(onboarded.payouts_enabled).toBe(true);
    expect(onboarded.external_accounts?.data[0]).toMatchObject({
      object: 'bank_account',
      last4: '6789',
      routing_number: '110000000',
    });
    const events = await harness.stripe.events.list(
      { type: 'account.updated' },
      { stripeAccount: account.id },
    );
    const update = events.data.find(
      (event) => (event.data.object as Stripe.Account).id === account.id,
    );
    expect(update?.account).toBe(account.id);
    expect(update?.data.previous_attributes).toMatchObject({ charges_enabled: false });
  });

  it('redirects a reused or expired link to refresh_url', async () => {
    const account = await harness.stripe.accounts.create({
      type: 'express',
      capabilities: { transfers: { requested: true } },
    });
    const linkParams = {
      account: account.id,
      type: 'account_onboarding' as const,
      refresh_url: 'https://m.example/refresh',
      return_url: 'https://m.example/return',
    };
    const link = await harness.stripe.accountLinks.create(linkParams);
    expect((await fetch(link.url, { redirect: 'manual' })).status).toBe(200);
    const reused = await fetch(link.url, { redirect: 'manual' });
    expect(reused.status).toBe(303);
    expect(reused.headers.get('location')).toBe('https://m.example/refresh');
    const expiring = await harness.stripe.accountLinks.create(linkParams);
    await harness.sandbox.advanceClock(301);
    const expired = await fetch(expiring.url, { redirect: 'manual' });
    expect(expired.headers.get('location')).toBe('https://m.example/refresh');
  });

  it('fails verification for ID number 111111111 and disables the account once the deadline passes', async () => {
    const account = await harness.stripe.accounts.create({
      type: 'express',
      capabilities: { transfers: { requested: true } },
    });
    const link = await createOnboardingLink(harness.stripe, account.id);
    await submitHostedForm(link.url, { scenario: 'fail_id_number' });
    const restrictedSoon = await harness.stripe.accounts.retrieve(account.id);
    expect(restrictedSoon.requirements?.currently_due).toEqual([
      'individual.verification.document',
    ]);
    expect(restrictedSoon.requirements?.errors?.[0]?.code).toBe(
      'verification_failed_keyed_identity',
    );
    expect(restrictedSoon.requirements?.current_deadline).toBe(harness.sandbox.now() + 7 * day);
    expect(restrictedSoon.payouts_enabled).toBe(true);
    await harness.sandbox.advanceClock(7 * day);
    const disabled = await harness.stripe.accounts.retrieve(account.id);
    expect(disabled.requirements?.past_due).toEqual(['individual.verification.document']);
    expect(disabled.requirements?.disabled_reason).toBe('requirements.past_due');
    expect(disabled.payouts_enabled).toBe(false);
    expect(disabled.capabilities?.transfers).toBe('inactive');
    // Fixing it with the passing value through a fresh link re-enables the account.
    const again = await createOnboardingLink(harness.stripe, account.id);
    await submitHostedForm(again.url);
    const fixed = await harness.stripe.accounts.retrieve(account.id);
    expect(fixed.requirements?.currently_due).toEqual([]);
    expect(fixed.payouts_enabled).toBe(true);
  });

  it('leaves requirements due when the tester chooses to skip', async () => {
    const account = await harness.stripe.accounts.create({
      type: 'express',
      capabilities: { transfers: { requested: true } },
    });
    const link = await createOnboardingLink(harness.stripe, account.id);
    const result = await submitHostedForm(link.url, { scenario: 'skip' });
    expect(result.location).toBe('https://m.example/ok');
    const after = await harness.stripe.accounts.retrieve(account.id);
    expect(after.details_submitted).toBe(false);
    expect(after.requirements?.currently_due?.length).toBeGreaterThan(0);
  });

  it('verifies DOB 1901-01-01 through the API and fails 1902-01-01', async () => {
    const passing = await createOnboardedAccount(harness.stripe);
    expect(passing.requirements?.errors).toEqual([]);
    const failing = await createOnboardedAccount(harness.stripe, {
      individual: {
        first_name: 'Jenny',
        last_name: 'Rosen',
        dob: { day: 1, month: 1, year: 1902 },
        address: { line1: 'address_full_match', city: 'San Francisco', postal_code: '94103' },
        id_number: '000000000',
      },
    });
    expect(failing.requirements?.errors?.[0]?.requirement).toBe('individual.verification.document');
  });

  it('completes onboarding programmatically with the hosted form’s scenarios and values', async () => {
    const express = () =>
      harness.stripe.accounts.create({
        country: 'US',
        controller: {
          fees: { payer: 'application' },
          losses: { payments: 'application' },
          stripe_dashboard: { type: 'express' },
          requirement_collection: 'stripe',
        },
        capabilities: { transfers: { requested: true } },
      });
    const passing = await express();
    await harness.sandbox.completeOnboarding(passing.id, {
      values: { first_name: 'Ada', account_number: '000111111116' },
    });
    const enabled = await harness.stripe.accounts.retrieve(passing.id);
    expect(enabled.details_submitted).toBe(true);
    expect(enabled.capabilities?.transfers).toBe('active');
    expect(enabled.requirements?.currently_due).toEqual([]);
    expect(enabled.external_accounts?.data[0]).toMatchObject({ last4: '1116' });

    const failing = await express();
    await harness.sandbox.completeOnboarding(failing.id, { scenario: 'fail_id_number' });
    const unverified = await harness.stripe.accounts.retrieve(failing.id);
    expect(unverified.requirements?.errors?.[0]?.code).toBe('verification_failed_keyed_identity');
    expect(unverified.requirements?.currently_due).toEqual(['individual.verification.document']);

    await expect(harness.sandbox.completeOnboarding('acct_missing')).rejects.toThrow(
      /No such account/,
    );
  });

  it('only allows account_update links where the platform collects requirements', async () => {
    const express = await harness.stripe.accounts.create({
      type: 'express',
      capabilities: { transfers: { requested: true } },
    });
    const error = (await harness.stripe.accountLinks
      .create({
        account: express.id,
        type: 'account_update',
        refresh_url: 'https://m.example/r',
        return_url: 'https://m.example/ok',
      })
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(error.param).toBe('type');
    const custom = await harness.stripe.accounts.create({
      capabilities: { transfers: { requested: true } },
      controller: {
        requirement_collection: 'application',
        stripe_dashboard: { type: 'none' },
        fees: { payer: 'application' },
        losses: { payments: 'application' },
      },
    });
    const link = await harness.stripe.accountLinks.create({
      account: custom.id,
      type: 'account_update',
      refresh_url: 'https://m.example/r',
      return_url: 'https://m.example/ok',
    });
    const result = await submitHostedForm(link.url);
    expect(result.html).toContain('Update your account');
    expect((await harness.stripe.accounts.retrieve(custom.id)).details_submitted).toBe(true);
  });
});

describe('sessions, login links and external accounts', () => {
  it('creates an account session with a client secret, expiry and the requested components', async () => {
    const account = await harness.stripe.accounts.create({
      type: 'express',
      capabilities: { transfers: { requested: true } },
    });
    const session = await harness.stripe.accountSessions.create({
      account: account.id,
      components: {
        account_onboarding: { enabled: true },
        payouts: { enabled: true, features: { instant_payouts: true } },
      },
    });
    expect(session.client_secret).toMatch(/^acctsess_.+_secret_/);
    expect(session.expires_at).toBe(harness.sandbox.now() + 1800);
    expect(session.components.payouts).toMatchObject({
      enabled: true,
      features: { instant_payouts: true },
    });
    expect(session.components.payments?.enabled).toBe(false);
  });

  it('serves a single-use Express dashboard page through a login link', async () => {
    const account = await createOnboardedAccount(harness.stripe);
    const link = await harness.stripe.accounts.createLoginLink(account.id);
    expect(link.url).toContain('/_sandbox/hosted/express/');
    const page = await fetch(link.url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Sandbox — not a real Stripe page');
    expect(html).toContain('aria-label="Balance"');
    expect((await fetch(link.url)).status).toBe(410);
  });

  it('refuses login links for accounts without the Express dashboard', async () => {
    const account = await harness.stripe.accounts.create({ type: 'standard' });
    const error = (await harness.stripe.accounts
      .createLoginLink(account.id)
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(error.statusCode).toBe(400);
  });

  it('adds bank accounts by test numbers and debit cards, lists and deletes them', async () => {
    const account = await harness.stripe.accounts.create({
      type: 'express',
      capabilities: { transfers: { requested: true } },
    });
    const bank = (await harness.stripe.accounts.createExternalAccount(account.id, {
      external_account: {
        object: 'bank_account',
        country: 'US',
        currency: 'usd',
        routing_number: '110000000',
        account_number: '000111111116',
      },
    } as Stripe.AccountCreateExternalAccountParams)) as Stripe.BankAccount;
    expect(bank).toMatchObject({
      object: 'bank_account',
      last4: '1116',
      default_for_currency: true,
    });
    const card = (await harness.stripe.accounts.createExternalAccount(account.id, {
      external_account: 'tok_visa_debit',
    })) as Stripe.Card;
    expect(card).toMatchObject({ object: 'card', funding: 'debit', last4: '5556' });
    expect(card.available_payout_methods).toContain('instant');
    const list = await harness.stripe.accounts.listExternalAccounts(account.id, { object: 'card' });
    expect(list.data.map((item) => item.id)).toEqual([card.id]);
    const deleted = await harness.stripe.accounts.deleteExternalAccount(account.id, card.id);
    expect(deleted.deleted).toBe(true);
    const badRouting = (await harness.stripe.accounts
      .createExternalAccount(account.id, {
        external_account: {
          object: 'bank_account',
          country: 'US',
          currency: 'usd',
          routing_number: '12',
          account_number: '000123456789',
        },
      } as Stripe.AccountCreateExternalAccountParams)
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(badRouting.code).toBe('routing_number_invalid');
  });
});

describe('hosted form safety', () => {
  it('refuses a form submission without the token issued with the page', async () => {
    const account = await harness.stripe.accounts.create({
      type: 'express',
      capabilities: { transfers: { requested: true } },
    });
    const link = await createOnboardingLink(harness.stripe, account.id);
    const forged = await fetch(link.url, {
      method: 'POST',
      body: new URLSearchParams({ scenario: 'pass', first_name: 'Mallory' }),
      redirect: 'manual',
    });
    expect(forged.status).toBe(303);
    expect(forged.headers.get('location')).toBe('https://m.example/r');
    expect((await harness.stripe.accounts.retrieve(account.id)).details_submitted).toBe(false);
  });
});
