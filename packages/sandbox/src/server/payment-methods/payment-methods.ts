import type { Engine } from '../core/engine';
import type { PaymentMethodRecord } from '../core/state';
import { createId } from '../ids';
import { StripeApiError, invalidRequest, missingParam, notFound } from '../http/errors';
import type { Params } from '../http/params';
import { testCards, testPaymentMethods } from '../fixtures/test-cards';

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

export const cardShape = { number: true, exp_month: true, exp_year: true, cvc: true } as const;

export const billingDetailsShape = {
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
export const paymentMethodDataShape = {
  type: true,
  card: cardShape,
  billing_details: billingDetailsShape,
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
