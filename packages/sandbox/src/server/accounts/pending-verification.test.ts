import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { createOnboardedAccount, createOnboardingLink, useHarness } from '../test-support';

const harness = useHarness({ clock: { now: 1_767_225_600 } });

const passingIndividual = {
  first_name: 'Jenny',
  last_name: 'Rosen',
  dob: { day: 1, month: 1, year: 1901 },
  address: { line1: 'address_full_match', city: 'San Francisco', postal_code: '94103' },
};

/** Follows the hosted onboarding page like a browser: GET the form, POST it back with a scenario. */
async function submitHostedForm(url: string, scenario: string) {
  const html = await (await fetch(url)).text();
  const fields = new URLSearchParams();
  for (const match of html.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g))
    fields.set(match[1] as string, match[2] as string);
  fields.set('accept_tos', 'on');
  fields.set('business_type', 'individual');
  fields.set('scenario', scenario);
  const submitted = await fetch(url, { method: 'POST', body: fields, redirect: 'manual' });
  return { html, status: submitted.status };
}

const accountUpdates = async (account: string) =>
  (
    await harness.stripe.events.list(
      { type: 'account.updated', limit: 100 },
      { stripeAccount: account },
    )
  ).data;

describe('asynchronous verification (pending_verification)', () => {
  it('keeps a hosted-form "verification pending" account pending for an hour, then verifies it and emits account.updated', async () => {
    const account = await harness.stripe.accounts.create({
      type: 'express',
      capabilities: { transfers: { requested: true } },
    });
    const link = await createOnboardingLink(harness.stripe, account.id);
    const { html, status } = await submitHostedForm(link.url, 'pending_verification');
    expect(html).toContain('value="pending_verification"');
    expect(status).toBe(303);

    const pending = await harness.stripe.accounts.retrieve(account.id);
    expect(pending.requirements).toMatchObject({
      currently_due: [],
      pending_verification: ['individual.id_number'],
      disabled_reason: 'requirements.pending_verification',
    });
    expect(pending.details_submitted).toBe(true);
    expect(pending.capabilities?.transfers).toBe('pending');
    expect(pending.payouts_enabled).toBe(false);
    const refused = (await harness.stripe.transfers
      .create({ amount: 500, currency: 'usd', destination: account.id })
      .catch((caught: unknown) => caught)) as Stripe.errors.StripeError;
    expect(refused.code).toBe('insufficient_capabilities_for_transfer');

    const updatesBefore = (await accountUpdates(account.id)).length;
    await harness.sandbox.advanceClock(3_599);
    expect((await harness.stripe.accounts.retrieve(account.id)).capabilities?.transfers).toBe(
      'pending',
    );
    expect(await accountUpdates(account.id)).toHaveLength(updatesBefore);

    await harness.sandbox.advanceClock(1);
    const verified = await harness.stripe.accounts.retrieve(account.id);
    expect(verified.requirements).toMatchObject({
      pending_verification: [],
      disabled_reason: null,
    });
    expect(verified.capabilities?.transfers).toBe('active');
    expect(verified.payouts_enabled).toBe(true);
    const [latest] = await accountUpdates(account.id);
    expect(latest?.created).toBe(harness.sandbox.now());
    expect(latest?.data.previous_attributes).toMatchObject({
      capabilities: { transfers: 'pending' },
      requirements: { disabled_reason: 'requirements.pending_verification' },
    });
  });

  it('verifies in the middle of a long clock advance, in time order before the day’s payout run', async () => {
    const account = await createOnboardedAccount(harness.stripe, {
      individual: { ...passingIndividual, id_number: '222222222' },
    });
    expect(account.capabilities?.transfers).toBe('pending');
    const start = harness.sandbox.now();
    await harness.sandbox.advanceClock(2 * 86_400);
    const events = await accountUpdates(account.id);
    const verifiedEvent = events.find(
      (event) =>
        (event.data.previous_attributes as { capabilities?: { transfers?: string } } | undefined)
          ?.capabilities?.transfers === 'pending',
    );
    expect(verifiedEvent?.created).toBe(start + 3_600);
    expect((await harness.stripe.accounts.retrieve(account.id)).payouts_enabled).toBe(true);
  });

  it('offers the same choice through the Connect.js onboarding API', async () => {
    const account = await harness.stripe.accounts.create({
      type: 'express',
      capabilities: { transfers: { requested: true } },
    });
    const session = await harness.stripe.accountSessions.create({
      account: account.id,
      components: { account_onboarding: { enabled: true } },
    });
    const response = await fetch(`${harness.sandbox.url}/_sandbox/connect/onboarding`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${session.client_secret}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        business_type: 'individual',
        first_name: 'Jenny',
        last_name: 'Rosen',
        dob: '1901-01-01',
        address_line1: 'address_full_match',
        address_city: 'San Francisco',
        address_postal_code: '94103',
        id_number: '000000000',
        routing_number: '110000000',
        account_number: '000123456789',
        scenario: 'pending_verification',
      }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Stripe.Account;
    expect(body.requirements?.disabled_reason).toBe('requirements.pending_verification');
    expect(body.capabilities?.transfers).toBe('pending');
  });

  it('does not restart the hour when the pending account is edited, and a passing ID number verifies at once', async () => {
    const account = await createOnboardedAccount(harness.stripe, {
      individual: { ...passingIndividual, id_number: '222222222' },
    });
    await harness.sandbox.advanceClock(1_800);
    await harness.stripe.accounts.update(account.id, { individual: { first_name: 'Jen' } });
    await harness.sandbox.advanceClock(1_800);
    expect((await harness.stripe.accounts.retrieve(account.id)).capabilities?.transfers).toBe(
      'active',
    );

    const other = await createOnboardedAccount(harness.stripe, {
      individual: { ...passingIndividual, id_number: '222222222' },
    });
    const fixed = await harness.stripe.accounts.update(other.id, {
      individual: { id_number: '000000000' },
    });
    expect(fixed.capabilities?.transfers).toBe('active');
    expect(fixed.requirements?.pending_verification).toEqual([]);
  });
});
