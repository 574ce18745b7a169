import type Stripe from 'stripe';
import { createId, randomToken } from '../ids';

/** Stored without `external_accounts`, which is rendered from the external-account records. */
export type AccountObject = Omit<Stripe.Account, 'external_accounts' | 'settings'> & {
  settings: Stripe.Account.Settings & { payouts: Stripe.Account.Settings.Payouts };
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
  ssn_last_4?: string;
  tos_accepted_at?: number;
  /** Set by Stripe's reject endpoint; the account stays disabled for good. */
  rejected?: 'rejected.fraud' | 'rejected.terms_of_service' | 'rejected.other';
  /** Set by the sandbox's review control, as Stripe's own review would. */
  under_review?: boolean;
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

export type BankAccountObject = Omit<Stripe.BankAccount, 'account'> & { account: string };

export type CardObject = Omit<Stripe.Card, 'account'> & { account: string };

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

export type AccountSessionObject = Stripe.AccountSession;

export interface LoginLinkRecord {
  id: string;
  account: string;
  created: number;
  used: boolean;
}

export type PaymentMethodObject = Stripe.PaymentMethod & { card: Stripe.PaymentMethod.Card };

export interface PaymentMethodRecord {
  object: PaymentMethodObject;
  number: string;
  cvc?: string;
}

/*
 * Stored objects are the `stripe` package's response types with expandable fields held as ids, so the
 * compiler flags any required field the sandbox leaves out (the conformance check confirms it at run time).
 */
export type PaymentIntentObject = Omit<
  Stripe.PaymentIntent,
  'latest_charge' | 'payment_method' | 'customer' | 'application' | 'on_behalf_of' | 'review'
> & {
  latest_charge: string | null;
  payment_method: string | null;
  customer: null;
  application: null;
  on_behalf_of: null;
  review: null;
};

export type ChargeObject = Omit<
  Stripe.Charge,
  | 'balance_transaction'
  | 'payment_intent'
  | 'payment_method_details'
  | 'refunds'
  | 'application'
  | 'application_fee'
  | 'customer'
  | 'failure_balance_transaction'
  | 'on_behalf_of'
  | 'review'
  | 'source_transfer'
  | 'transfer'
> & {
  balance_transaction: string | null;
  payment_intent: string | null;
  payment_method_details: Stripe.Charge.PaymentMethodDetails & {
    card: Stripe.Charge.PaymentMethodDetails.Card;
  };
  application: null;
  application_fee: null;
  customer: null;
  failure_balance_transaction: null;
  on_behalf_of: null;
  review: null;
  source_transfer: null;
};

export type RefundObject = Omit<
  Stripe.Refund,
  | 'balance_transaction'
  | 'charge'
  | 'payment_intent'
  | 'transfer_reversal'
  | 'payment_method'
  | 'source_transfer_reversal'
> & {
  balance_transaction: string | null;
  charge: string | null;
  payment_intent: string | null;
  transfer_reversal: string | null;
  payment_method: string | null;
  source_transfer_reversal: null;
};

/** `balance_transactions` are always objects in Stripe's dispute; the record keeps their ids. */
export type DisputeObject = Omit<
  Stripe.Dispute,
  'charge' | 'payment_intent' | 'balance_transactions'
> & { charge: string; payment_intent: string | null; balance_transactions: string[] };

export type TransferObject = Omit<
  Stripe.Transfer,
  'balance_transaction' | 'destination' | 'destination_payment' | 'source_transaction' | 'reversals'
> & {
  balance_transaction: string | null;
  destination: string;
  destination_payment: string | null;
  source_transaction: string | null;
};

export type TransferReversalObject = Omit<
  Stripe.TransferReversal,
  'balance_transaction' | 'transfer' | 'destination_payment_refund' | 'source_refund'
> & {
  balance_transaction: string | null;
  transfer: string;
  destination_payment_refund: string | null;
  source_refund: string | null;
};

export type PayoutObject = Omit<
  Stripe.Payout,
  | 'balance_transaction'
  | 'destination'
  | 'failure_balance_transaction'
  | 'application_fee'
  | 'original_payout'
  | 'reversed_by'
> & {
  balance_transaction: string | null;
  destination: string | null;
  failure_balance_transaction: string | null;
  application_fee: null;
  original_payout: null;
  reversed_by: null;
};

/** Balance transactions are immutable; `status` is derived from `available_on` when rendered. */
export type BalanceTransactionObject = Omit<
  Stripe.BalanceTransaction,
  'source' | 'status' | 'exchange_rate'
> & { source: string | null };

export type EventObject = Pick<
  Stripe.Event,
  'id' | 'object' | 'api_version' | 'created' | 'livemode' | 'pending_webhooks' | 'request'
> & {
  type: string;
  account?: string;
  data: { object: unknown; previous_attributes?: Record<string, unknown> };
};

export type WebhookEndpointObject = Omit<Stripe.WebhookEndpoint, 'secret'> & {
  connect?: boolean;
};

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
  /** Each endpoint's signing secret, kept apart because Stripe returns it only on create. */
  webhookEndpointSecrets: Record<string, string>;
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
    webhookEndpointSecrets: {},
    idempotency: {},
    owners: {},
    lastPayoutRun: {},
  };
}
