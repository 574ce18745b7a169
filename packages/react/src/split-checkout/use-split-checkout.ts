import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Stripe, StripeElements } from '@stripe/stripe-js';
import type { CheckoutItem, CheckoutResponse, Order } from '@marketkit/core';
import { useMarketkit } from '../provider/marketkit-provider';
import { getStripe } from '../provider/stripe-loader';
import { useCheckout } from '../provider/data-hooks';
import { reportError, toError } from '../i18n/error-message';
import type { ResourceStatus } from '../provider/use-resource';

/**
 * Where the payment stands. `declined`: Stripe refused the card (message to show, the buyer can retry);
 * `failed`: the request did not get through (retry the same card); `confirming_order`: paid, waiting for
 * the server to record the order.
 */
export type PaymentState =
  | 'ready'
  | 'submitting'
  | 'requires_action'
  | 'confirming_order'
  | 'succeeded'
  | 'declined'
  | 'failed';

export interface UseSplitCheckoutOptions {
  /** What the buyer is buying, by the app's item ids; prices come from the server. */
  items: readonly CheckoutItem[];
  currency: string;
  /** Where Stripe sends the buyer back after a redirect-based payment method. Default: the current page. */
  returnUrl?: string;
  /** After payment; `order` is the server's record, or `undefined` if it could not be fetched in time. */
  onSuccess?: (result: CheckoutSuccess) => void;
  onError?: (error: Error) => void;
  /** How often to ask for the order after paying, in ms. Default 1000. */
  orderPollInterval?: number;
  /** How many times to ask before showing the success from Stripe's answer alone. Default 10. */
  orderPollAttempts?: number;
}

export interface CheckoutSuccess {
  orderId: string;
  order: Order | undefined;
}

export interface UseSplitCheckoutResult {
  /** Creating the order and PaymentIntent. */
  status: ResourceStatus;
  checkout: CheckoutResponse | undefined;
  error: Error | undefined;
  retryCheckout: () => Promise<void>;
  paymentState: PaymentState;
  /** Stripe's message for a decline, or why the payment could not be sent (for developers, not the screen). */
  paymentError: string | undefined;
  /** Stripe's `decline_code` or `code` for a decline (e.g. `insufficient_funds`); the screen shows its sentence. */
  paymentErrorCode: string | undefined;
  order: Order | undefined;
  stripe: Promise<Stripe | null> | null;
  /** Confirms the PaymentIntent with what the buyer typed into the Payment Element. */
  pay: (stripe: Stripe, elements: StripeElements) => Promise<void>;
}

// The payment step loads with Stripe.js (`@marketkit/react/checkout-payment` when published); `pay`
// needs its confirmation, which is already there when SplitCheckout shows the Payment Element.
export const loadPaymentStep = () => import('./payment-step');

export function useSplitCheckout({
  items,
  currency,
  returnUrl,
  onSuccess,
  onError,
  orderPollInterval = 1000,
  orderPollAttempts = 10,
}: UseSplitCheckoutOptions): UseSplitCheckoutResult {
  const { api, publishableKey } = useMarketkit('SplitCheckout');
  const checkout = useCheckout({ items, currency, onError });
  // One attempt's state, message, decline code and order, replaced together.
  const [payment, setPayment] = useState<{
    state: PaymentState;
    message?: string;
    code?: string;
    order?: Order;
  }>({ state: 'ready' });
  const submitting = useRef(false);
  const mounted = useRef(true);
  const callbacks = useRef({ onSuccess, onError });
  useEffect(() => {
    callbacks.current = { onSuccess, onError };
  });
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  // A new cart is a new checkout: forget the previous payment attempt.
  const orderId = checkout.data?.orderId;
  useEffect(() => setPayment({ state: 'ready' }), [orderId]);

  // Stripe.js is loaded only once there is something to pay, and never during a server render.
  const hasCheckout = checkout.data !== undefined;
  const stripe = useMemo(
    () => (hasCheckout ? getStripe(publishableKey) : null),
    [hasCheckout, publishableKey],
  );

  const pay = useCallback(
    async (stripeJs: Stripe, elements: StripeElements) => {
      const current = checkout.data;
      if (!current || submitting.current) return;
      submitting.current = true;
      setPayment({ state: 'submitting' });
      try {
        const { confirmCheckoutPayment } = await loadPaymentStep();
        const outcome = await confirmCheckoutPayment({
          stripe: stripeJs,
          elements,
          checkout: current,
          returnUrl: returnUrl ?? window.location.href,
          api,
          orderPollInterval,
          orderPollAttempts,
          isMounted: () => mounted.current,
          onProgress: (state) => {
            if (mounted.current) setPayment({ state });
          },
        });
        if (!mounted.current) return;
        setPayment(outcome);
        if (outcome.state === 'succeeded')
          callbacks.current.onSuccess?.({ orderId: current.orderId, order: outcome.order });
        else if (outcome.failure) {
          reportError(outcome.failure);
          callbacks.current.onError?.(outcome.failure);
        }
      } catch (error) {
        if (!mounted.current) return;
        const failure = toError(error);
        setPayment({ state: 'failed', message: failure.message });
        callbacks.current.onError?.(failure);
      } finally {
        submitting.current = false;
      }
    },
    [checkout.data, returnUrl, api, orderPollInterval, orderPollAttempts],
  );

  return {
    status: checkout.status,
    checkout: checkout.data,
    error: checkout.error,
    retryCheckout: checkout.refetch,
    paymentState: payment.state,
    paymentError: payment.message,
    paymentErrorCode: payment.code,
    order: payment.order,
    stripe,
    pay,
  };
}
