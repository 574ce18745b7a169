import type Stripe from 'stripe';
import { createId, randomToken } from './ids';

/*
 * Stored objects are typed as subsets (`Pick`) of the `stripe` package's response types, so the compiler
 * flags any field the sandbox emits with a shape that drifted from the real API.
 */

export type AccountObject = Pick<
  Stripe.Account,
  | 'id'
  | 'object'
  | 'business_profile'
  | 'business_type'
  | 'capabilities'
  | 'charges_enabled'
  | 'controller'
  | 'country'
  | 'created'
  | 'default_currency'
  | 'details_submitted'
  | 'email'
  | 'metadata'
  | 'payouts_enabled'
  | 'requirements'
  | 'tos_acceptance'
  | 'type'
> & {
  settings: Pick<Stripe.Account.Settings, 'payouts' | 'dashboard'>;
};

/** Onboarding answers the sandbox keeps to decide verification; Stripe keeps them on Persons. */
export interface AccountProfile {
  business_type?: 'individual' | 'company';
  first_name?: string;
  last_name?: string;
  email?: string;
  dob?: { day: number; month: number; year: number };
  address?: { line1?: string; city?: string; postal_code?: string; state?: string };
  id_number?: string;
  tos_accepted_at?: number;
  verification: 'unverified' | 'pending' | 'verified' | 'failed';
  /** When a pending (asynchronous) verification of the ID number completes. */
  pending_until?: number;
  /** Which field failed verification, for `requirements.errors`. */
  failed_field?: string;
  failed_code?: string;
  /** When a failed verification starts disabling the account. */
  deadline?: number;
}

export interface AccountRecord {
  account: AccountObject;
  profile: AccountProfile;
  deleted?: boolean;
}

export type BankAccountObject = Pick<
  Stripe.BankAccount,
  | 'id'
  | 'object'
  | 'account'
  | 'account_holder_name'
  | 'account_holder_type'
  | 'bank_name'
  | 'country'
  | 'currency'
  | 'default_for_currency'
  | 'fingerprint'
  | 'last4'
  | 'metadata'
  | 'routing_number'
  | 'status'
>;

export type CardObject = Pick<
  Stripe.Card,
  | 'id'
  | 'object'
  | 'account'
  | 'available_payout_methods'
  | 'brand'
  | 'country'
  | 'currency'
  | 'default_for_currency'
  | 'exp_month'
  | 'exp_year'
  | 'fingerprint'
  | 'funding'
  | 'last4'
  | 'metadata'
>;

export type ExternalAccountObject = BankAccountObject | CardObject;

export interface ExternalAccountRecord {
  object: ExternalAccountObject;
  /** Full test number, kept to decide payout outcomes (Stripe keeps it too, just not in the response). */
  number: string;
}

export type AccountLinkObject = Stripe.AccountLink;
export interface AccountLinkRecord {
  id: string;
  link: AccountLinkObject;
  account: string;
  type: 'account_onboarding' | 'account_update';
  refresh_url: string;
  return_url: string;
  used: boolean;
  /** Issued with the form when the link is opened; the submission must carry it. */
  form_token?: string;
}

export type AccountSessionObject = Pick<
  Stripe.AccountSession,
  'object' | 'account' | 'client_secret' | 'expires_at' | 'livemode'
> & { components: Record<string, { enabled: boolean; features: Record<string, boolean> }> };

export interface LoginLinkRecord {
  id: string;
  account: string;
  created: number;
  used: boolean;
}

export type PaymentMethodObject = Pick<
  Stripe.PaymentMethod,
  'id' | 'object' | 'billing_details' | 'created' | 'customer' | 'livemode' | 'metadata' | 'type'
> & {
  card: Pick<
    Stripe.PaymentMethod.Card,
    'brand' | 'country' | 'exp_month' | 'exp_year' | 'funding' | 'last4'
  >;
};

export interface PaymentMethodRecord {
  object: PaymentMethodObject;
  number: string;
  cvc?: string;
}

export type PaymentIntentObject = Pick<
  Stripe.PaymentIntent,
  | 'id'
  | 'object'
  | 'amount'
  | 'amount_capturable'
  | 'amount_received'
  | 'automatic_payment_methods'
  | 'canceled_at'
  | 'cancellation_reason'
  | 'capture_method'
  | 'client_secret'
  | 'confirmation_method'
  | 'created'
  | 'currency'
  | 'description'
  | 'last_payment_error'
  | 'livemode'
  | 'metadata'
  | 'next_action'
  | 'payment_method_types'
  | 'status'
  | 'transfer_group'
> & { latest_charge: string | null; payment_method: string | null };

export type ChargeObject = Pick<
  Stripe.Charge,
  | 'id'
  | 'object'
  | 'amount'
  | 'amount_captured'
  | 'amount_refunded'
  | 'captured'
  | 'created'
  | 'currency'
  | 'description'
  | 'disputed'
  | 'failure_code'
  | 'failure_message'
  | 'livemode'
  | 'metadata'
  | 'paid'
  | 'refunded'
  | 'status'
  | 'transfer_group'
> & {
  balance_transaction: string | null;
  payment_intent: string | null;
  payment_method: string | null;
  payment_method_details: {
    type: 'card';
    card: Pick<
      Stripe.Charge.PaymentMethodDetails.Card,
      'brand' | 'last4' | 'exp_month' | 'exp_year' | 'funding' | 'country'
    >;
  };
  outcome: Pick<
    Stripe.Charge.Outcome,
    'network_status' | 'reason' | 'risk_level' | 'seller_message' | 'type'
  >;
};

export type RefundObject = Pick<
  Stripe.Refund,
  'id' | 'object' | 'amount' | 'created' | 'currency' | 'metadata' | 'reason' | 'status'
> & {
  balance_transaction: string | null;
  charge: string | null;
  payment_intent: string | null;
  transfer_reversal: string | null;
};

export type DisputeObject = Pick<
  Stripe.Dispute,
  | 'id'
  | 'object'
  | 'amount'
  | 'created'
  | 'currency'
  | 'is_charge_refundable'
  | 'livemode'
  | 'metadata'
  | 'reason'
  | 'status'
> & { charge: string; payment_intent: string | null; balance_transactions: string[] };

export type TransferObject = Pick<
  Stripe.Transfer,
  | 'id'
  | 'object'
  | 'amount'
  | 'amount_reversed'
  | 'created'
  | 'currency'
  | 'description'
  | 'livemode'
  | 'metadata'
  | 'reversed'
  | 'transfer_group'
> & {
  balance_transaction: string | null;
  destination: string;
  destination_payment: string | null;
  source_transaction: string | null;
};

export type TransferReversalObject = Pick<
  Stripe.TransferReversal,
  'id' | 'object' | 'amount' | 'created' | 'currency' | 'metadata'
> & {
  balance_transaction: string | null;
  transfer: string;
  destination_payment_refund: string | null;
  source_refund: string | null;
};

export type PayoutObject = Pick<
  Stripe.Payout,
  | 'id'
  | 'object'
  | 'amount'
  | 'arrival_date'
  | 'automatic'
  | 'created'
  | 'currency'
  | 'description'
  | 'failure_code'
  | 'failure_message'
  | 'livemode'
  | 'metadata'
  | 'method'
  | 'source_type'
  | 'statement_descriptor'
  | 'status'
  | 'type'
> & {
  balance_transaction: string | null;
  destination: string | null;
  failure_balance_transaction: string | null;
};

/** Balance transactions are immutable; `status` is derived from `available_on` when rendered. */
export type BalanceTransactionObject = Pick<
  Stripe.BalanceTransaction,
  | 'id'
  | 'object'
  | 'amount'
  | 'available_on'
  | 'created'
  | 'currency'
  | 'description'
  | 'fee'
  | 'net'
  | 'reporting_category'
  | 'type'
> & {
  fee_details: Array<
    Pick<Stripe.BalanceTransaction.FeeDetail, 'amount' | 'currency' | 'description' | 'type'>
  >;
  source: string | null;
};

export type EventObject = Pick<
  Stripe.Event,
  'id' | 'object' | 'api_version' | 'created' | 'livemode' | 'pending_webhooks' | 'request'
> & {
  type: string;
  account?: string;
  data: { object: unknown; previous_attributes?: Record<string, unknown> };
};

export type WebhookEndpointObject = Pick<
  Stripe.WebhookEndpoint,
  | 'id'
  | 'object'
  | 'api_version'
  | 'application'
  | 'created'
  | 'description'
  | 'enabled_events'
  | 'livemode'
  | 'metadata'
  | 'status'
  | 'url'
> & { connect?: boolean };

export interface IdempotencyRecord {
  fingerprint: string;
  status: number;
  body: string;
  created: number;
}

export interface Pricing {
  /** Card fee in basis points of the amount (290 = 2.9%). */
  cardPercentBasisPoints: number;
  /** Fixed card fee in minor units. */
  cardFixed: number;
  disputeFee: number;
  /** Instant payout fee in basis points, with a 50 minor-unit floor (Stripe: 1% in the US). */
  instantPayoutBasisPoints: number;
}

export const defaultPricing: Pricing = {
  cardPercentBasisPoints: 290,
  cardFixed: 30,
  disputeFee: 1500,
  instantPayoutBasisPoints: 100,
};

export interface SandboxState {
  version: 1;
  keys: { secretKey: string; publishableKey: string; webhookSecret: string };
  now: number;
  platformAccountId: string;
  platformCountry: string;
  pricing: Pricing;
  accounts: Record<string, AccountRecord>;
  accountLinks: Record<string, AccountLinkRecord>;
  accountSessions: Record<string, AccountSessionObject>;
  loginLinks: Record<string, LoginLinkRecord>;
  externalAccounts: Record<string, ExternalAccountRecord>;
  paymentMethods: Record<string, PaymentMethodRecord>;
  paymentIntents: Record<string, PaymentIntentObject>;
  charges: Record<string, ChargeObject>;
  refunds: Record<string, RefundObject>;
  disputes: Record<string, DisputeObject>;
  transfers: Record<string, TransferObject>;
  transferReversals: Record<string, TransferReversalObject>;
  payouts: Record<string, PayoutObject>;
  balanceTransactions: Record<string, BalanceTransactionObject>;
  events: Record<string, EventObject>;
  webhookEndpoints: Record<string, WebhookEndpointObject>;
  idempotency: Record<string, IdempotencyRecord>;
  /** Which account owns an object (platform id for platform objects). */
  owners: Record<string, string>;
  /** Last day (unix seconds at 00:00 UTC) automatic payouts ran, per account. */
  lastPayoutRun: Record<string, number>;
}

export function createState(options: { now: number; platformCountry: string }): SandboxState {
  return {
    version: 1,
    keys: {
      // Independent tokens: the publishable key ships to browsers and must not reveal the secret one.
      secretKey: `sk_test_sandbox_${randomToken(32)}`,
      publishableKey: `pk_test_sandbox_${randomToken(32)}`,
      webhookSecret: `whsec_${randomToken(32)}`,
    },
    now: options.now,
    platformAccountId: createId('acct'),
    platformCountry: options.platformCountry,
    pricing: { ...defaultPricing },
    accounts: {},
    accountLinks: {},
    accountSessions: {},
    loginLinks: {},
    externalAccounts: {},
    paymentMethods: {},
    paymentIntents: {},
    charges: {},
    refunds: {},
    disputes: {},
    transfers: {},
    transferReversals: {},
    payouts: {},
    balanceTransactions: {},
    events: {},
    webhookEndpoints: {},
    idempotency: {},
    owners: {},
    lastPayoutRun: {},
  };
}
