import type Stripe from 'stripe';
import type { Engine } from '../core/engine';
import type { PaymentIntentObject, PaymentMethodRecord } from '../core/state';
import { createId, newClientSecret } from '../ids';
import { StripeApiError, invalidRequest, missingParam, notFound } from '../http/errors';
import { type Params, requireCurrency } from '../http/params';
import { testCards, type TestCard } from '../fixtures/test-cards';
import {
  createPaymentMethod,
  paymentMethodDataShape,
  resolvePaymentMethod,
} from '../payment-methods/payment-methods';
import { createCharge, renderCharge } from '../charges/charges';
import { createDispute } from '../disputes/disputes';

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

export function validateAmount(amount: number, currency: string) {
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
export function chargeIntent(
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
