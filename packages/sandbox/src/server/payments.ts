import type Stripe from 'stripe';
import { day, type Engine } from './engine';
import { StripeApiError, invalidRequest, missingParam, notFound } from './errors';
import { createId } from './ids';
import { type Params, percentOf, requireCurrency } from './params';
import type {
  BalanceTransactionObject,
  ChargeObject,
  DisputeObject,
  PaymentIntentObject,
  PaymentMethodRecord,
  RefundObject,
} from './state';
import { newClientSecret } from './accounts';

interface TestCard {
  brand: string;
  funding: 'credit' | 'debit';
  /** Funds available at once instead of after two days. */
  bypassPending?: boolean;
  dispute?: boolean;
  /** 3D Secure: confirming stops at `requires_action` until the tester completes or fails authentication. */
  authentication?: boolean;
  decline?: { code: string; decline_code?: string; message: string };
}

const insufficientFunds = {
  code: 'card_declined',
  decline_code: 'insufficient_funds',
  message: 'Your card has insufficient funds.',
};

/** Stripe's test cards: https://docs.stripe.com/testing#cards */
const testCards: Record<string, TestCard> = {
  '4242424242424242': { brand: 'visa', funding: 'credit' },
  '4000056655665556': { brand: 'visa', funding: 'debit' },
  '5555555555554444': { brand: 'mastercard', funding: 'credit' },
  '4000000000000077': { brand: 'visa', funding: 'credit', bypassPending: true },
  '4000000000000259': { brand: 'visa', funding: 'credit', dispute: true },
  '4000002500003155': { brand: 'visa', funding: 'credit', authentication: true },
  '4000002760003184': { brand: 'visa', funding: 'credit', authentication: true },
  // Authenticates, then the issuer declines anyway.
  '4000008260003178': {
    brand: 'visa',
    funding: 'credit',
    authentication: true,
    decline: insufficientFunds,
  },
  '4000000000000002': {
    brand: 'visa',
    funding: 'credit',
    decline: {
      code: 'card_declined',
      decline_code: 'generic_decline',
      message: 'Your card was declined.',
    },
  },
  '4000000000009995': {
    brand: 'visa',
    funding: 'credit',
    decline: insufficientFunds,
  },
  '4000000000009987': {
    brand: 'visa',
    funding: 'credit',
    decline: {
      code: 'card_declined',
      decline_code: 'lost_card',
      message: 'Your card was declined.',
    },
  },
  '4000000000009979': {
    brand: 'visa',
    funding: 'credit',
    decline: {
      code: 'card_declined',
      decline_code: 'stolen_card',
      message: 'Your card was declined.',
    },
  },
  '4000000000000069': {
    brand: 'visa',
    funding: 'credit',
    decline: {
      code: 'expired_card',
      decline_code: 'expired_card',
      message: 'Your card has expired.',
    },
  },
  '4000000000000127': {
    brand: 'visa',
    funding: 'credit',
    decline: {
      code: 'incorrect_cvc',
      decline_code: 'incorrect_cvc',
      message: "Your card's security code is incorrect.",
    },
  },
};

const testPaymentMethods: Record<string, string> = {
  pm_card_visa: '4242424242424242',
  pm_card_visa_debit: '4000056655665556',
  pm_card_mastercard: '5555555555554444',
  pm_card_bypassPending: '4000000000000077',
  pm_card_createDispute: '4000000000000259',
  pm_card_authenticationRequired: '4000002760003184',
  pm_card_authenticationRequiredOnSetup: '4000002500003155',
  pm_card_authenticationRequiredChargeDeclinedInsufficientFunds: '4000008260003178',
  pm_card_chargeDeclined: '4000000000000002',
  pm_card_chargeDeclinedInsufficientFunds: '4000000000009995',
  pm_card_chargeDeclinedLostCard: '4000000000009987',
  pm_card_chargeDeclinedStolenCard: '4000000000009979',
  pm_card_chargeDeclinedExpiredCard: '4000000000000069',
  pm_card_chargeDeclinedIncorrectCvc: '4000000000000127',
};

export function createPaymentMethod(
  engine: Engine,
  number: string,
  card: { exp_month?: number; exp_year?: number; cvc?: string } = {},
): PaymentMethodRecord {
  const digits = number.replace(/\s/g, '');
  const info = testCards[digits];
  if (!info) {
    throw new StripeApiError(402, {
      type: 'card_error',
      code: 'incorrect_number',
      message: 'Your card number is incorrect. Use a Stripe test card such as 4242 4242 4242 4242.',
      param: 'card[number]',
    });
  }
  const record: PaymentMethodRecord = {
    number: digits,
    cvc: card.cvc,
    object: {
      id: createId('pm'),
      object: 'payment_method',
      billing_details: { address: null, email: null, name: null, phone: null, tax_id: null },
      card: {
        brand: info.brand,
        checks: {
          address_line1_check: null,
          address_postal_code_check: null,
          cvc_check: card.cvc ? 'pass' : null,
        },
        country: 'US',
        display_brand: info.brand,
        exp_month: card.exp_month ?? 12,
        exp_year: card.exp_year ?? 2034,
        funding: info.funding,
        generated_from: null,
        last4: digits.slice(-4),
        networks: { available: [info.brand], preferred: null },
        regulated_status: 'unregulated',
        three_d_secure_usage: { supported: true },
        wallet: null,
      },
      created: engine.now(),
      customer: null,
      customer_account: null,
      livemode: false,
      metadata: {},
      type: 'card',
    },
  };
  engine.state.paymentMethods[record.object.id] = record;
  engine.setOwner(record.object.id, engine.platformId);
  return record;
}

const cardShape = { number: true, exp_month: true, exp_year: true, cvc: true } as const;
const billingDetailsShape = {
  address: {
    line1: true,
    line2: true,
    city: true,
    state: true,
    postal_code: true,
    country: true,
  },
  email: true,
  name: true,
  phone: true,
} as const;

/** `payment_method_data` on confirm: a card's details, as Stripe.js sends them. */
const paymentMethodDataShape = {
  type: true,
  card: cardShape,
  billing_details: billingDetailsShape,
} as const;

/** What `POST /v1/payment_intents/:id/confirm` accepts. */
export const confirmShape = {
  payment_method: true,
  payment_method_data: paymentMethodDataShape,
  client_secret: true,
  return_url: true,
  receipt_email: true,
  use_stripe_sdk: true,
  mandate_data: {
    customer_acceptance: {
      type: true,
      accepted_at: true,
      online: { ip_address: true, user_agent: true },
      offline: true,
    },
  },
} as const;

/** `POST /v1/payment_methods`: `type=card` with `card[number|exp_month|exp_year|cvc]`. */
export function createPaymentMethodFromParams(engine: Engine, params: Params): PaymentMethodRecord {
  params.allowOnly({
    type: true,
    card: { ...cardShape, token: true },
    billing_details: billingDetailsShape,
    metadata: 'any',
  });
  if (params.requiredString('type') !== 'card') {
    throw invalidRequest('The sandbox supports `type=card` payment methods only.', {
      param: 'type',
    });
  }
  const card = params.object('card');
  if (!card) throw missingParam('card');
  const token = card.string('token');
  if (token) return resolvePaymentMethod(engine, token.replace(/^tok_/, 'pm_card_'));
  return createPaymentMethod(engine, card.requiredString('number'), {
    exp_month: card.requiredInteger('exp_month'),
    exp_year: card.requiredInteger('exp_year'),
    cvc: card.string('cvc'),
  });
}

/** A stored `pm_…` or one of Stripe's named test payment methods (`pm_card_visa`…). */
export function resolvePaymentMethod(
  engine: Engine,
  id: string,
  param = 'payment_method',
): PaymentMethodRecord {
  const stored = engine.state.paymentMethods[id];
  if (stored) return stored;
  const number = testPaymentMethods[id];
  if (number) return createPaymentMethod(engine, number);
  throw notFound('PaymentMethod', id, param);
}

export function paymentIntentRecord(
  engine: Engine,
  id: string,
  param = 'intent',
): PaymentIntentObject {
  const intent = engine.state.paymentIntents[id];
  if (!intent) throw notFound('payment_intent', id, param);
  return intent;
}

export function createPaymentIntent(engine: Engine, params: Params): PaymentIntentObject {
  params.allowOnly({
    amount: true,
    currency: true,
    transfer_group: true,
    metadata: 'any',
    automatic_payment_methods: { enabled: true, allow_redirects: true },
    payment_method: true,
    payment_method_types: true,
    confirm: true,
    description: true,
    capture_method: true,
    receipt_email: true,
    statement_descriptor_suffix: true,
    return_url: true,
  });
  const amount = params.requiredInteger('amount');
  const currency = requireCurrency(params);
  validateAmount(amount, currency);
  const captureMethod =
    params.oneOf('capture_method', ['automatic', 'automatic_async'] as const) ?? 'automatic_async';
  const automaticParams = params.object('automatic_payment_methods');
  const automatic = automaticParams?.boolean('enabled');
  const allowRedirects = automaticParams?.oneOf('allow_redirects', ['always', 'never'] as const);
  const types = params.stringArray('payment_method_types');
  const id = createId('pi');
  const intent: PaymentIntentObject = {
    id,
    object: 'payment_intent',
    amount,
    amount_capturable: 0,
    amount_received: 0,
    allowed_payment_method_types: null,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: types
      ? null
      : { allow_redirects: allowRedirects ?? 'always', enabled: automatic ?? true },
    canceled_at: null,
    cancellation_reason: null,
    capture_method: captureMethod,
    client_secret: newClientSecret(id),
    confirmation_method: 'automatic',
    created: engine.now(),
    currency,
    customer: null,
    customer_account: null,
    description: params.string('description') ?? null,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: params.metadata(),
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: {
      card: {
        installments: null,
        mandate_options: null,
        network: null,
        request_three_d_secure: 'automatic',
      },
    },
    payment_method_types: types ?? ['card'],
    payment_record: null,
    processing: null,
    receipt_email: params.string('receipt_email') ?? null,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: params.string('statement_descriptor_suffix') ?? null,
    status: 'requires_payment_method',
    transfer_group: params.string('transfer_group') ?? null,
  };
  engine.state.paymentIntents[id] = intent;
  engine.setOwner(id, engine.platformId);
  const paymentMethod = params.string('payment_method');
  if (paymentMethod) {
    intent.payment_method = resolvePaymentMethod(engine, paymentMethod).object.id;
    intent.status = 'requires_confirmation';
  }
  engine.emit('payment_intent.created', intent, engine.platformId);
  if (params.boolean('confirm')) {
    requireReturnUrl(intent, params.string('return_url'));
    confirmPaymentIntent(engine, intent, null);
  } else if (params.has('return_url')) {
    throw invalidRequest('You can only pass `return_url` when `confirm` is true.', {
      param: 'return_url',
    });
  }
  return intent;
}

function validateAmount(amount: number, currency: string) {
  // Stripe's minimum is about 50 minor units ($0.50, ¥50) in most currencies; one floor keeps it simple.
  const minimum = 50;
  if (amount < minimum) {
    throw invalidRequest(`Amount must be at least ${minimum} ${currency}`, {
      param: 'amount',
      code: 'amount_too_small',
    });
  }
  if (amount > 99_999_999) {
    throw invalidRequest('Amount must be no more than 99,999,999', {
      param: 'amount',
      code: 'amount_too_large',
    });
  }
}

export function updatePaymentIntent(engine: Engine, intent: PaymentIntentObject, params: Params) {
  params.allowOnly([
    'amount',
    'currency',
    'transfer_group',
    'metadata',
    'description',
    'payment_method',
  ]);
  if (intent.status === 'succeeded' || intent.status === 'canceled') {
    if (params.has('amount') || params.has('currency') || params.has('payment_method')) {
      throw invalidRequest(
        `This PaymentIntent's amount could not be updated because it has a status of ${intent.status}.`,
        {
          code: 'payment_intent_unexpected_state',
        },
      );
    }
  }
  const amount = params.integer('amount');
  if (amount !== undefined) {
    validateAmount(amount, intent.currency);
    intent.amount = amount;
  }
  if (params.has('currency')) intent.currency = requireCurrency(params);
  if (params.has('transfer_group')) intent.transfer_group = params.string('transfer_group') || null;
  if (params.has('description')) intent.description = params.string('description') || null;
  if (params.has('metadata')) intent.metadata = params.metadata(intent.metadata);
  const paymentMethod = params.string('payment_method');
  if (paymentMethod) {
    intent.payment_method = resolvePaymentMethod(engine, paymentMethod).object.id;
    intent.status = 'requires_confirmation';
  }
  engine.changed();
  return intent;
}

export function cancelPaymentIntent(engine: Engine, intent: PaymentIntentObject, params: Params) {
  params.allowOnly(['cancellation_reason']);
  if (intent.status === 'succeeded' || intent.status === 'canceled') {
    throw invalidRequest(
      `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.`,
      { code: 'payment_intent_unexpected_state' },
    );
  }
  intent.status = 'canceled';
  intent.next_action = null;
  intent.canceled_at = engine.now();
  intent.cancellation_reason =
    params.oneOf('cancellation_reason', [
      'duplicate',
      'fraudulent',
      'requested_by_customer',
      'abandoned',
    ] as const) ?? null;
  engine.emit('payment_intent.canceled', intent, engine.platformId);
  return intent;
}

/**
 * Confirms with the attached (or given) payment method. Success creates a charge, its balance
 * transaction and fee, and events; a test decline card throws Stripe's 402 `card_error`; a 3D Secure
 * card stops at `requires_action` until {@link authenticatePaymentIntent}.
 */
/**
 * Stripe refuses to confirm an intent that accepts redirect-based methods without somewhere to send the
 * buyer back to: https://docs.stripe.com/api/payment_intents/confirm#confirm_payment_intent-return_url
 */
export function requireReturnUrl(intent: PaymentIntentObject, returnUrl: string | undefined) {
  const automatic = intent.automatic_payment_methods;
  if (returnUrl || !automatic?.enabled || automatic.allow_redirects === 'never') return;
  throw invalidRequest(
    'A `return_url` must be specified because this Payment Intent is configured to automatically accept the payment methods enabled in the Dashboard, some of which may require a full page redirect to succeed. If you do not want to accept redirect-based payment methods, set `automatic_payment_methods[enabled]` to `true` and `automatic_payment_methods[allow_redirects]` to `never` when creating Setup Intents and Payment Intents.',
    { param: 'return_url' },
  );
}

export function confirmPaymentIntent(
  engine: Engine,
  intent: PaymentIntentObject,
  params: Params | null,
) {
  if (params) {
    const paymentMethod = params.string('payment_method');
    if (paymentMethod)
      intent.payment_method = resolvePaymentMethod(engine, paymentMethod).object.id;
    const data = params.object('payment_method_data');
    if (data) {
      if (data.requiredString('type') !== 'card')
        throw invalidRequest('Only card payment_method_data is supported.', {
          param: 'payment_method_data[type]',
        });
      const card = data.object('card');
      if (!card) throw missingParam('payment_method_data[card]');
      intent.payment_method = createPaymentMethod(engine, card.requiredString('number'), {
        exp_month: card.requiredInteger('exp_month'),
        exp_year: card.requiredInteger('exp_year'),
        cvc: card.string('cvc'),
      }).object.id;
    }
  }
  if (
    intent.status === 'succeeded' ||
    intent.status === 'canceled' ||
    intent.status === 'processing'
  ) {
    throw invalidRequest(
      `This PaymentIntent's payment_method could not be updated because it has a status of ${intent.status}. You may only update the payment_method of a PaymentIntent with one of the following statuses: requires_payment_method, requires_confirmation, requires_action.`,
      { code: 'payment_intent_unexpected_state' },
    );
  }
  if (!intent.payment_method) {
    throw invalidRequest(
      "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method or ConfirmationToken.",
      { code: 'payment_intent_unexpected_state' },
    );
  }
  const method = engine.state.paymentMethods[intent.payment_method] as PaymentMethodRecord;
  const card = testCards[method.number] as TestCard;
  if (card.authentication) {
    intent.status = 'requires_action';
    intent.last_payment_error = null;
    // Stripe.js reads `use_stripe_sdk` to open its 3D Secure modal; the stand-in opens its dialog instead.
    intent.next_action = {
      type: 'use_stripe_sdk',
      use_stripe_sdk: {
        type: 'three_d_secure_redirect',
        stripe_js: `${engine.url}/_sandbox/payment_intents/${intent.id}/authenticate`,
      },
    };
    engine.emit('payment_intent.requires_action', intent, engine.platformId);
    return intent;
  }
  const declined = chargeIntent(engine, intent, method, card);
  if (declined) throw declined;
  return intent;
}

/**
 * Charges the intent's card: success creates a charge, its balance transaction and fee, and events; a
 * decline leaves the intent in `requires_payment_method` and returns Stripe's 402 `card_error` to throw.
 */
function chargeIntent(
  engine: Engine,
  intent: PaymentIntentObject,
  method: PaymentMethodRecord,
  card: TestCard,
): StripeApiError | null {
  intent.next_action = null;
  const charge = createCharge(engine, intent, method, card);
  if (card.decline) {
    const { code, decline_code, message } = card.decline;
    intent.status = 'requires_payment_method';
    intent.last_payment_error = {
      charge: charge.id,
      code,
      decline_code,
      message,
      payment_method: structuredClone(method.object) as Stripe.PaymentMethod,
      type: 'card_error',
    };
    intent.payment_method = null;
    engine.emit('charge.failed', renderCharge(engine, charge), engine.platformId);
    engine.emit('payment_intent.payment_failed', intent, engine.platformId);
    return new StripeApiError(402, {
      type: 'card_error',
      code,
      decline_code,
      message,
      charge: charge.id,
      payment_intent: structuredClone(intent),
    });
  }
  intent.status = 'succeeded';
  intent.amount_received = intent.amount;
  intent.last_payment_error = null;
  engine.emit('charge.succeeded', renderCharge(engine, charge), engine.platformId);
  engine.emit('payment_intent.succeeded', intent, engine.platformId);
  if (card.dispute) createDispute(engine, charge);
  return null;
}

/**
 * The tester's answer to a 3D Secure challenge (the stand-in for Stripe's authentication page). `complete`
 * charges the card as a confirm would (a card that declines after authentication ends in
 * `requires_payment_method`); `fail` records Stripe's `payment_intent_authentication_failure`.
 */
export function authenticatePaymentIntent(
  engine: Engine,
  intent: PaymentIntentObject,
  outcome: 'complete' | 'fail',
): PaymentIntentObject {
  if (intent.status !== 'requires_action' || !intent.payment_method) {
    throw invalidRequest(
      `This PaymentIntent has a status of ${intent.status}; only a PaymentIntent that requires_action can be authenticated.`,
      { code: 'payment_intent_unexpected_state' },
    );
  }
  const method = engine.state.paymentMethods[intent.payment_method] as PaymentMethodRecord;
  if (outcome === 'complete') {
    chargeIntent(engine, intent, method, testCards[method.number] as TestCard);
    return intent;
  }
  intent.status = 'requires_payment_method';
  intent.next_action = null;
  intent.last_payment_error = {
    code: 'payment_intent_authentication_failure',
    message:
      'The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.',
    payment_method: structuredClone(method.object) as Stripe.PaymentMethod,
    type: 'invalid_request_error',
  };
  intent.payment_method = null;
  engine.emit('payment_intent.payment_failed', intent, engine.platformId);
  return intent;
}

export function chargeFee(engine: Engine, amount: number) {
  const pricing = engine.state.pricing;
  return percentOf(amount, pricing.cardPercentBasisPoints) + pricing.cardFixed;
}

function createCharge(
  engine: Engine,
  intent: PaymentIntentObject,
  method: PaymentMethodRecord,
  card: TestCard,
): ChargeObject {
  const id = createId('ch');
  const succeeded = !card.decline;
  const charge: ChargeObject = {
    id,
    object: 'charge',
    amount: intent.amount,
    amount_captured: succeeded ? intent.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: null,
    billing_details: structuredClone(method.object.billing_details),
    calculated_statement_descriptor: null,
    captured: succeeded,
    created: engine.now(),
    currency: intent.currency,
    customer: null,
    description: intent.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: card.decline?.code ?? null,
    failure_message: card.decline?.message ?? null,
    fraud_details: {},
    livemode: false,
    metadata: { ...intent.metadata },
    on_behalf_of: null,
    outcome: {
      advice_code: null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: succeeded ? 'approved_by_network' : 'declined_by_network',
      reason: card.decline?.decline_code ?? null,
      risk_level: 'normal',
      seller_message: succeeded
        ? 'Payment complete.'
        : 'The bank did not return any further details with this decline.',
      type: succeeded ? 'authorized' : 'issuer_declined',
    },
    paid: succeeded,
    payment_intent: intent.id,
    payment_method: method.object.id,
    payment_method_details: {
      type: 'card',
      card: {
        amount_authorized: succeeded ? intent.amount : null,
        authorization_code: null,
        brand: method.object.card.brand,
        checks: structuredClone(method.object.card.checks),
        country: 'US',
        electronic_commerce_indicator: null,
        exp_month: method.object.card.exp_month,
        exp_year: method.object.card.exp_year,
        extended_authorization: { status: 'disabled' },
        funding: method.object.card.funding,
        incremental_authorization: { status: 'unavailable' },
        installments: null,
        last4: method.object.card.last4,
        mandate: null,
        multicapture: { status: 'unavailable' },
        network: method.object.card.brand,
        network_token: { used: false },
        network_transaction_id: null,
        overcapture: { maximum_amount_capturable: intent.amount, status: 'unavailable' },
        regulated_status: 'unregulated',
        three_d_secure: null,
        transaction_link_id: null,
        wallet: null,
      },
    },
    receipt_email: intent.receipt_email,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: intent.statement_descriptor_suffix,
    status: succeeded ? 'succeeded' : 'failed',
    transfer_data: null,
    transfer_group: intent.transfer_group,
  };
  if (succeeded) {
    const transaction = engine.addBalanceTransaction(engine.platformId, {
      amount: intent.amount,
      currency: intent.currency,
      type: 'charge',
      reporting_category: 'charge',
      source: id,
      fee: chargeFee(engine, intent.amount),
      available_on: card.bypassPending ? engine.now() : engine.now() + 2 * day,
      description: intent.description,
    });
    charge.balance_transaction = transaction.id;
  }
  engine.state.charges[id] = charge;
  engine.setOwner(id, engine.platformId);
  intent.latest_charge = id;
  return charge;
}

export function chargeRecord(engine: Engine, id: string, param = 'charge'): ChargeObject {
  const charge = engine.state.charges[id];
  if (!charge) throw notFound('charge', id, param);
  return charge;
}

export function renderCharge(engine: Engine, charge: ChargeObject) {
  const refunds = Object.values(engine.state.refunds)
    .filter((refund) => refund.charge === charge.id)
    .reverse();
  return {
    ...structuredClone(charge),
    refunds: {
      object: 'list' as const,
      data: structuredClone(refunds),
      has_more: false,
      url: `/v1/charges/${charge.id}/refunds`,
    },
  };
}

/** A dispute's evidence before any is submitted: every field null, as Stripe returns it. */
function emptyEvidence(): Stripe.Dispute.Evidence {
  const fields = [
    'access_activity_log',
    'billing_address',
    'cancellation_policy',
    'cancellation_policy_disclosure',
    'cancellation_rebuttal',
    'customer_communication',
    'customer_email_address',
    'customer_name',
    'customer_purchase_ip',
    'customer_signature',
    'duplicate_charge_documentation',
    'duplicate_charge_explanation',
    'duplicate_charge_id',
    'product_description',
    'receipt',
    'refund_policy',
    'refund_policy_disclosure',
    'refund_refusal_explanation',
    'service_date',
    'service_documentation',
    'shipping_address',
    'shipping_carrier',
    'shipping_date',
    'shipping_documentation',
    'shipping_tracking_number',
    'uncategorized_file',
    'uncategorized_text',
  ] as const;
  return {
    ...(Object.fromEntries(fields.map((field) => [field, null])) as Record<
      (typeof fields)[number],
      null
    >),
    enhanced_evidence: {},
  };
}

/** The dispute a `pm_card_createDispute` charge opens: the amount and Stripe's dispute fee leave the platform. */
function createDispute(engine: Engine, charge: ChargeObject) {
  const id = createId('dp');
  const fee = engine.state.pricing.disputeFee;
  const transaction = engine.addBalanceTransaction(engine.platformId, {
    amount: -charge.amount,
    currency: charge.currency,
    type: 'adjustment',
    reporting_category: 'dispute',
    source: id,
    fee,
    fee_description: 'Dispute fee',
    description: `Chargeback withdrawal for ${charge.id}`,
  });
  const dispute: DisputeObject = {
    id,
    object: 'dispute',
    amount: charge.amount,
    balance_transactions: [transaction.id],
    charge: charge.id,
    created: engine.now(),
    currency: charge.currency,
    enhanced_eligibility_types: [],
    evidence: emptyEvidence(),
    evidence_details: {
      due_by: engine.now() + 7 * day,
      enhanced_eligibility: {},
      has_evidence: false,
      past_due: false,
      submission_count: 0,
      submission_method: 'not_submitted',
    },
    intended_submission_method: null,
    is_charge_refundable: false,
    livemode: false,
    metadata: {},
    payment_intent: charge.payment_intent,
    reason: 'fraudulent',
    status: 'needs_response',
  };
  engine.state.disputes[id] = dispute;
  engine.setOwner(id, engine.platformId);
  charge.disputed = true;
  engine.emit('charge.dispute.created', renderDispute(engine, dispute), engine.platformId);
  engine.emit('charge.dispute.funds_withdrawn', renderDispute(engine, dispute), engine.platformId);
}

export function renderDispute(engine: Engine, dispute: DisputeObject) {
  return {
    ...structuredClone(dispute),
    balance_transactions: dispute.balance_transactions.map((id) =>
      engine.renderBalanceTransaction(
        engine.state.balanceTransactions[id] as BalanceTransactionObject,
      ),
    ),
  };
}

/** Closes a dispute: `won` returns the disputed amount (the fee stays with Stripe), `lost` keeps it withdrawn. */
export function closeDispute(engine: Engine, id: string, outcome: 'won' | 'lost') {
  const dispute = engine.state.disputes[id];
  if (!dispute) throw notFound('dispute', id);
  if (dispute.status === 'won' || dispute.status === 'lost') {
    throw invalidRequest(`This dispute is already closed (${dispute.status}).`, {
      code: 'dispute_already_closed',
    });
  }
  const previous = { status: dispute.status };
  if (outcome === 'won') {
    const transaction = engine.addBalanceTransaction(engine.platformId, {
      amount: dispute.amount,
      currency: dispute.currency,
      type: 'adjustment',
      reporting_category: 'dispute_reversal',
      source: id,
      description: `Chargeback reversal for ${dispute.charge}`,
    });
    dispute.balance_transactions.push(transaction.id);
    dispute.status = 'won';
  } else {
    dispute.status = 'lost';
  }
  engine.emit('charge.dispute.closed', renderDispute(engine, dispute), engine.platformId, previous);
  if (outcome === 'won')
    engine.emit(
      'charge.dispute.funds_reinstated',
      renderDispute(engine, dispute),
      engine.platformId,
    );
  return dispute;
}

export function createRefund(engine: Engine, params: Params): RefundObject {
  params.allowOnly([
    'charge',
    'payment_intent',
    'amount',
    'reason',
    'reverse_transfer',
    'refund_application_fee',
    'metadata',
  ]);
  const chargeId = params.string('charge');
  const intentId = params.string('payment_intent');
  let charge: ChargeObject;
  if (chargeId) charge = chargeRecord(engine, chargeId);
  else if (intentId) {
    const intent = paymentIntentRecord(engine, intentId, 'payment_intent');
    if (intent.status !== 'succeeded' || !intent.latest_charge) {
      throw invalidRequest(
        `This PaymentIntent (${intent.id}) does not have a successful charge to refund.`,
        { code: 'charge_not_refundable', param: 'payment_intent' },
      );
    }
    charge = chargeRecord(engine, intent.latest_charge);
  } else {
    throw invalidRequest(
      'One of the following params should be provided for this request: payment_intent or charge.',
      { code: 'parameter_missing' },
    );
  }
  // `reverse_transfer` applies to destination charges (`transfer_data[destination]`), which the sandbox does
  // not create; Stripe does not reverse separate transfers for you:
  // https://docs.stripe.com/api/refunds/create#create_refund-reverse_transfer
  if (params.boolean('reverse_transfer') && !charge.transfer_data) {
    throw invalidRequest(
      `Charge ${charge.id} was not created with \`transfer_data[destination]\`, so there is no transfer to reverse with \`reverse_transfer\`. Reverse the transfers you made from it with \`POST /v1/transfers/:id/reversals\`.`,
      { param: 'reverse_transfer' },
    );
  }
  if (charge.status !== 'succeeded')
    throw invalidRequest(`Charge ${charge.id} has not succeeded and cannot be refunded.`, {
      code: 'charge_not_refundable',
    });
  if (charge.disputed) {
    throw invalidRequest(`Charge ${charge.id} has been charged back; cannot issue a refund.`, {
      code: 'charge_disputed',
    });
  }
  const remaining = charge.amount - charge.amount_refunded;
  if (remaining === 0)
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, {
      code: 'charge_already_refunded',
    });
  const amount = params.integer('amount') ?? remaining;
  if (amount <= 0)
    throw invalidRequest('Refund amount must be positive.', {
      param: 'amount',
      code: 'parameter_invalid_integer',
    });
  if (amount > remaining) {
    throw invalidRequest(
      `Refund amount (${amount} ${charge.currency}) is greater than unrefunded amount on charge (${remaining} ${charge.currency})`,
      { param: 'amount', code: 'amount_too_large' },
    );
  }
  // Accepted for API compatibility; the sandbox has no application fees (the kit uses separate charges and transfers).
  params.boolean('refund_application_fee');
  const id = createId('re');
  const transaction = engine.addBalanceTransaction(engine.platformId, {
    amount: -amount,
    currency: charge.currency,
    type: 'refund',
    reporting_category: 'refund',
    source: id,
    description: 'REFUND FOR CHARGE',
  });
  const refund: RefundObject = {
    id,
    object: 'refund',
    amount,
    balance_transaction: transaction.id,
    charge: charge.id,
    created: engine.now(),
    currency: charge.currency,
    customer: null,
    customer_account: null,
    metadata: params.metadata(),
    payment_intent: charge.payment_intent,
    payment_method: charge.payment_method,
    receipt_number: null,
    source_transfer_reversal: null,
    reason:
      params.oneOf('reason', ['duplicate', 'fraudulent', 'requested_by_customer'] as const) ?? null,
    status: 'succeeded',
    transfer_reversal: null,
  };
  engine.state.refunds[id] = refund;
  engine.setOwner(id, engine.platformId);
  const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  engine.emit('refund.created', refund, engine.platformId);
  engine.emit('charge.refunded', renderCharge(engine, charge), engine.platformId, previous);
  return refund;
}
