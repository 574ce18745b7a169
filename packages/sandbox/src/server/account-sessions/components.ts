import type Stripe from 'stripe';
import { type AccountObject } from '../core/state';
import { invalidRequest } from '../http/errors';
import type { Params } from '../http/params';
import { type ParamShape } from '../http/params';

type Components = Stripe.AccountSession.Components;
type ComponentName = keyof Components;

/**
 * Every embedded component the `stripe` declarations list, with its features and the default Stripe
 * documents for each (AccountSessionCreateParams in the `stripe` package;
 * https://docs.stripe.com/api/account_sessions/create). A default the docs do not state is `false`, the
 * stricter choice.
 */
const defaults: Record<ComponentName, (account: AccountObject) => Record<string, boolean>> = {
  account_management: () => collection(),
  account_onboarding: () => collection(),
  balance_report: () => ({}),
  balances: (account) => ({ ...collection(), ...payoutFeatures(account) }),
  disputes_list: () => paymentFeatures(),
  documents: () => ({}),
  financial_account: () => ({ ...collection(), send_money: false, transfer_balance: false }),
  financial_account_transactions: () => ({ card_spend_dispute_management: false }),
  instant_payouts_promotion: (account) => ({
    ...collection(),
    instant_payouts: stripeCoversLosses(account),
  }),
  issuing_card: () => issuingFeatures(),
  issuing_cards_list: () => ({ ...issuingFeatures(), disable_stripe_user_authentication: false }),
  notification_banner: () => collection(),
  payment_details: () => paymentFeatures(),
  payment_disputes: () => {
    const { capture_payments: _capture, ...rest } = paymentFeatures();
    return rest;
  },
  payment_method_settings: () => ({ disable_stripe_user_authentication: false }),
  payments: () => paymentFeatures(),
  payout_details: () => ({}),
  payout_reconciliation_report: () => ({}),
  payouts: (account) => ({ ...collection(), ...payoutFeatures(account) }),
  payouts_list: () => ({}),
  reporting_chart: () => ({}),
  tax_registrations: () => ({}),
  tax_settings: () => ({}),
  terminal_hardware_orders: () => ({}),
  terminal_hardware_shop: () => ({}),
};

/** `external_account_collection` defaults to true and `disable_stripe_user_authentication` to its opposite. */
function collection() {
  return { disable_stripe_user_authentication: false, external_account_collection: true };
}

function stripeCoversLosses(account: AccountObject) {
  return account.controller?.losses?.payments === 'stripe';
}

/** Payout features default to true only when Stripe is liable for negative balances. */
function payoutFeatures(account: AccountObject) {
  const stripeLiable = stripeCoversLosses(account);
  return {
    edit_payout_schedule: stripeLiable,
    instant_payouts: stripeLiable,
    standard_payouts: stripeLiable,
  };
}

function paymentFeatures() {
  return {
    capture_payments: true,
    destination_on_behalf_of_charge_management: false,
    dispute_management: true,
    refund_management: true,
    smart_disputes_management: true,
  };
}

function issuingFeatures() {
  return {
    card_management: false,
    card_spend_dispute_management: false,
    cardholder_management: false,
    spend_control_management: false,
  };
}

export const componentNames = Object.keys(defaults) as ComponentName[];

/**
 * `components[…]` of `POST /v1/account_sessions`: every component in the answer (disabled unless asked
 * for), features at their defaults unless set, and any unknown component or feature refused.
 */
export function parseComponents(account: AccountObject, requested: Params): Components {
  const featuresOf = Object.fromEntries(
    componentNames.map((name) => [name, defaults[name](account)]),
  );
  requested.allowOnly(
    Object.fromEntries(
      componentNames.map((name) => [
        name,
        {
          enabled: true,
          features: Object.fromEntries(
            Object.keys(featuresOf[name] ?? {}).map((feature) => [feature, true]),
          ),
        },
      ]),
    ) as ParamShape,
  );
  const components = {} as Record<string, { enabled: boolean; features: Record<string, boolean> }>;
  for (const name of componentNames) {
    const features = featuresOf[name] as Record<string, boolean>;
    const input = requested.object(name);
    const featureInput = input?.object('features');
    for (const feature of Object.keys(features)) {
      const value = featureInput?.boolean(feature);
      if (value !== undefined) features[feature] = value;
    }
    // Unset, `disable_stripe_user_authentication` follows the opposite of `external_account_collection`.
    if (
      'disable_stripe_user_authentication' in features &&
      'external_account_collection' in features &&
      !featureInput?.has('disable_stripe_user_authentication')
    )
      features.disable_stripe_user_authentication = !features.external_account_collection;
    if (
      features.disable_stripe_user_authentication &&
      account.controller?.requirement_collection !== 'application'
    ) {
      throw invalidRequest(
        '`disable_stripe_user_authentication` can only be true for accounts where `controller.requirement_collection` is `application`.',
        { param: `components[${name}][features][disable_stripe_user_authentication]` },
      );
    }
    components[name] = { enabled: input?.boolean('enabled') ?? false, features };
  }
  return components as unknown as Components;
}
