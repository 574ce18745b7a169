import Stripe from 'stripe';
import { afterAll, beforeAll } from 'vitest';
import { startSandbox, type Sandbox, type SandboxOptions } from '../index';

export interface SandboxHarness {
  sandbox: Sandbox;
  stripe: Stripe;
  /** The publishable-key client, as Stripe.js would call (through the same SDK). */
  publishable: Stripe;
}

/** A sandbox on a random 127.0.0.1 port with SDK clients; call `sandbox.stop()` in `afterAll`. */
export async function startHarness(options: SandboxOptions = {}): Promise<SandboxHarness> {
  const sandbox = await startSandbox({ port: 0, ...options });
  const clientOptions = { ...sandbox.stripeOptions, maxNetworkRetries: 0, timeout: 5_000 };
  return {
    sandbox,
    stripe: new Stripe(sandbox.secretKey, clientOptions),
    publishable: new Stripe(sandbox.publishableKey, clientOptions),
  };
}

/**
 * Starts one harness before the file's tests and stops it after them. The returned object reads
 * the running harness, so use it inside tests and hooks, not at the top level.
 */
export function useHarness(options: SandboxOptions = {}): SandboxHarness {
  let current: SandboxHarness | undefined;
  beforeAll(async () => {
    current = await startHarness(options);
  });
  afterAll(() => current?.sandbox.stop());
  const running = () => {
    if (!current)
      throw new Error('useHarness: the sandbox is not running outside tests and hooks.');
    return current;
  };
  return {
    get sandbox() {
      return running().sandbox;
    },
    get stripe() {
      return running().stripe;
    },
    get publishable() {
      return running().publishable;
    },
  };
}

/** An Express account that finished onboarding with Stripe's passing test values. */
export async function createOnboardedAccount(
  stripe: Stripe,
  overrides: Stripe.AccountCreateParams = {},
) {
  return stripe.accounts.create({
    type: 'express',
    country: 'US',
    email: 'seller@example.com',
    capabilities: { transfers: { requested: true }, card_payments: { requested: true } },
    business_type: 'individual',
    individual: {
      first_name: 'Jenny',
      last_name: 'Rosen',
      dob: { day: 1, month: 1, year: 1901 },
      address: { line1: 'address_full_match', city: 'San Francisco', postal_code: '94103' },
      id_number: '000000000',
    },
    external_account: 'btok_us_verified',
    tos_acceptance: { date: 1_700_000_000, ip: '127.0.0.1' },
    ...overrides,
  });
}

/** An onboarding link that returns to `https://m.example/ok` and refreshes to `https://m.example/r`. */
export async function createOnboardingLink(stripe: Stripe, account: string) {
  return stripe.accountLinks.create({
    account,
    type: 'account_onboarding',
    refresh_url: 'https://m.example/r',
    return_url: 'https://m.example/ok',
  });
}

/** A PaymentIntent created and confirmed with a test payment method (`pm_card_visa`, which succeeds, by default). */
export async function chargeCard(
  stripe: Stripe,
  amount: number,
  paymentMethod = 'pm_card_visa',
  extra: Partial<Stripe.PaymentIntentCreateParams> = {},
) {
  return stripe.paymentIntents.create({
    amount,
    currency: 'usd',
    payment_method: paymentMethod,
    confirm: true,
    automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
    ...extra,
  });
}
