import { http, HttpResponse, type RequestHandler } from 'msw';
import type Stripe from 'stripe';
import type { CheckoutResponse } from '@marketkit/core';
import { STRIPE_SANDBOX_PATH } from './constants';

/** The PaymentIntent fields the stand-ins read. */
export type StoryPaymentIntent = Pick<
  Stripe.PaymentIntent,
  | 'id'
  | 'object'
  | 'amount'
  | 'currency'
  | 'status'
  | 'client_secret'
  | 'created'
  | 'livemode'
  | 'next_action'
  | 'last_payment_error'
>;

type DeclineCode =
  | 'generic_decline'
  | 'insufficient_funds'
  | 'lost_card'
  | 'stolen_card'
  | 'expired_card'
  | 'incorrect_cvc';

interface CardDecline {
  code: 'card_declined' | 'expired_card' | 'incorrect_cvc';
  declineCode: DeclineCode;
  message: string;
}

/** Stripe's test card numbers and the outcome Stripe documents for each. */
const DECLINES: Record<string, CardDecline> = {
  '4000000000000002': {
    code: 'card_declined',
    declineCode: 'generic_decline',
    message: 'Your card was declined.',
  },
  '4000000000009995': {
    code: 'card_declined',
    declineCode: 'insufficient_funds',
    message: 'Your card has insufficient funds.',
  },
  '4000000000009987': {
    code: 'card_declined',
    declineCode: 'lost_card',
    message: 'Your card was declined.',
  },
  '4000000000009979': {
    code: 'card_declined',
    declineCode: 'stolen_card',
    message: 'Your card was declined.',
  },
  '4000000000000069': {
    code: 'expired_card',
    declineCode: 'expired_card',
    message: 'Your card has expired.',
  },
  '4000000000000127': {
    code: 'incorrect_cvc',
    declineCode: 'incorrect_cvc',
    message: "Your card's security code is incorrect.",
  },
};

/** Cards that ask for 3D Secure before the payment can succeed. */
const AUTHENTICATION_CARDS = new Set(['4000002500003155', '4000002760003184']);

export interface StripeSandboxHandlersOptions {
  /** The checkouts the stories start; each PaymentIntent gets its order's total and currency. */
  checkouts: Array<Pick<CheckoutResponse, 'paymentIntentId' | 'breakdown'>>;
  /**
   * What a successful confirmation leaves the PaymentIntent in. `'processing'` shows the state where
   * the bank has not settled yet.
   */
  successStatus?: 'succeeded' | 'processing';
}

const nowInSeconds = () => Math.floor(Date.now() / 1000);

const idFromSecret = (secret: string | null) => secret?.split('_secret_')[0] ?? null;

/**
 * MSW handlers for the publishable-key endpoints the Stripe.js stand-in calls (`confirmPayment`,
 * `retrievePaymentIntent`), so checkout stories pay without a sandbox running.
 */
export function createStripeSandboxHandlers({
  checkouts,
  successStatus = 'succeeded',
}: StripeSandboxHandlersOptions): RequestHandler[] {
  const paymentIntents = new Map<string, StoryPaymentIntent>();

  const paymentIntent = (id: string, clientSecret: string | null): StoryPaymentIntent => {
    const existing = paymentIntents.get(id);
    if (existing) return existing;
    const checkout = checkouts.find((candidate) => candidate.paymentIntentId === id);
    if (!checkout) throw new Error(`No checkout fixture for PaymentIntent ${id}.`);
    const { total: amount, currency } = checkout.breakdown;
    const created: StoryPaymentIntent = {
      id,
      object: 'payment_intent',
      amount,
      currency,
      status: 'requires_payment_method',
      client_secret: clientSecret,
      created: nowInSeconds(),
      livemode: false,
      next_action: null,
      last_payment_error: null,
    };
    paymentIntents.set(id, created);
    return created;
  };

  const update = (id: string, changes: Partial<StoryPaymentIntent>) => {
    const next = { ...paymentIntent(id, null), ...changes };
    paymentIntents.set(id, next);
    return next;
  };

  return [
    http.get(`*${STRIPE_SANDBOX_PATH}/v1/payment_intents/:id`, ({ params, request }) => {
      const clientSecret = new URL(request.url).searchParams.get('client_secret');
      const id = String(params.id);
      if (idFromSecret(clientSecret) !== id) {
        return HttpResponse.json<{ error: Stripe.StripeRawError }>(
          {
            error: {
              type: 'invalid_request_error',
              code: 'resource_missing',
              message: `No such payment_intent: '${id}'`,
            },
          },
          { status: 404 },
        );
      }
      return HttpResponse.json(paymentIntent(id, clientSecret));
    }),

    // The stand-in's 3D Secure dialog reports the tester's choice here, as Stripe's challenge page would.
    http.post(
      `*${STRIPE_SANDBOX_PATH}/_sandbox/payment_intents/:id/authenticate`,
      async ({ params, request }) => {
        const id = String(params.id);
        const body = (await request.json()) as { client_secret?: string; outcome?: string };
        const current = paymentIntent(id, body.client_secret ?? null);
        if (
          idFromSecret(body.client_secret ?? null) !== id ||
          current.status !== 'requires_action'
        ) {
          return HttpResponse.json<{ error: Stripe.StripeRawError }>(
            {
              error: {
                type: 'invalid_request_error',
                code: 'payment_intent_unexpected_state',
                message: `PaymentIntent ${id} is not waiting for authentication.`,
              },
            },
            { status: 400 },
          );
        }
        if (body.outcome === 'complete') {
          return HttpResponse.json(update(id, { status: successStatus, next_action: null }));
        }
        return HttpResponse.json(
          update(id, {
            status: 'requires_payment_method',
            next_action: null,
            last_payment_error: {
              type: 'invalid_request_error',
              code: 'payment_intent_authentication_failure',
              message:
                'We are unable to authenticate your payment method. Please choose a different payment method and try again.',
            },
          }),
        );
      },
    ),

    http.post(
      `*${STRIPE_SANDBOX_PATH}/v1/payment_intents/:id/confirm`,
      async ({ params, request }) => {
        const id = String(params.id);
        const form = new URLSearchParams(await request.text());
        const clientSecret = form.get('client_secret');
        paymentIntent(id, clientSecret);
        const number = form.get('payment_method_data[card][number]') ?? '';
        const decline = DECLINES[number];
        if (decline) {
          const lastPaymentError: Stripe.PaymentIntent.LastPaymentError = {
            type: 'card_error',
            code: decline.code,
            decline_code: decline.declineCode,
            message: decline.message,
          };
          const declined = update(id, {
            status: 'requires_payment_method',
            last_payment_error: lastPaymentError,
          });
          return HttpResponse.json<{ error: Stripe.StripeRawError }>(
            {
              error: {
                type: 'card_error',
                code: decline.code,
                decline_code: decline.declineCode,
                message: decline.message,
                payment_intent: declined as unknown as Stripe.PaymentIntent,
              },
            },
            { status: 402 },
          );
        }
        if (AUTHENTICATION_CARDS.has(number)) {
          return HttpResponse.json(
            update(id, {
              status: 'requires_action',
              last_payment_error: null,
              next_action: { type: 'use_stripe_sdk', use_stripe_sdk: {} },
            }),
          );
        }
        return HttpResponse.json(
          update(id, { status: successStatus, last_payment_error: null, next_action: null }),
        );
      },
    ),
  ];
}
