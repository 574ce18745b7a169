import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Stripe, StripeElements, PaymentIntent, StripeError } from '@stripe/stripe-js';
import type { CheckoutItem, CheckoutResponse, Order } from '@marketkit/core';
import { useMarketkit } from '../provider/marketkit-provider';
import { getOrderRoute } from '../provider/routes';
import { getStripe } from '../provider/stripe-loader';
import { useCheckout } from '../provider/data-hooks';
import { reportError, toError } from '../i18n/error-message';
import { loadErrorMessages } from '../i18n/load-error-messages';
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

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Stripe's error types for a request that did not get through; everything else is about the card or input. */
function isTransient(error: StripeError): boolean {
  return (
    error.type === 'api_connection_error' ||
    error.type === 'api_error' ||
    error.type === 'rate_limit_error'
  );
}

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
  const [paymentState, setPaymentState] = useState<PaymentState>('ready');
  const [paymentError, setPaymentError] = useState<string>();
  const [paymentErrorCode, setPaymentErrorCode] = useState<string>();
  const [order, setOrder] = useState<Order>();
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
  useEffect(() => {
    setPaymentState('ready');
    setPaymentError(undefined);
    setOrder(undefined);
  }, [orderId]);

  // Stripe.js is loaded only once there is something to pay, and never during a server render.
  const hasCheckout = checkout.data !== undefined;
  const stripe = useMemo(
    () => (hasCheckout ? getStripe(publishableKey) : null),
    [hasCheckout, publishableKey],
  );

  const awaitOrder = useCallback(
    async (id: string): Promise<Order | undefined> => {
      let latest: Order | undefined;
      for (let attempt = 0; attempt < orderPollAttempts; attempt++) {
        try {
          const view = await api.send(getOrderRoute, { params: { orderId: id } });
          // The buyer always gets the whole order; a seller's view of it has no total to show here.
          latest = 'view' in view ? undefined : view;
          if (!latest) break;
          // The server marks the order paid when Stripe's webhook arrives; until then it is in flight.
          if (latest.status !== 'awaiting_payment' && latest.status !== 'processing') return latest;
        } catch {
          // A hiccup while polling is not a failed payment; ask again.
        }
        if (!mounted.current) break;
        await wait(orderPollInterval);
      }
      // Stripe already said the payment went through: the success stands even if the order lags.
      return latest;
    },
    [api, orderPollAttempts, orderPollInterval],
  );

  const pay = useCallback(
    async (stripeJs: Stripe, elements: StripeElements) => {
      const current = checkout.data;
      if (!current || submitting.current) return;
      submitting.current = true;
      setPaymentState('submitting');
      setPaymentError(undefined);
      setPaymentErrorCode(undefined);
      try {
        let result: { error?: StripeError; paymentIntent?: PaymentIntent } =
          await stripeJs.confirmPayment({
            elements,
            redirect: 'if_required',
            confirmParams: { return_url: returnUrl ?? window.location.href },
          });
        if (!result.error && result.paymentIntent?.status === 'requires_action') {
          // 3-D Secure and similar: Stripe shows its own challenge, then we continue with the outcome.
          if (mounted.current) setPaymentState('requires_action');
          result = await stripeJs.handleNextAction({ clientSecret: current.clientSecret });
        }
        if (!mounted.current) return;
        if (result.error) {
          const message = result.error.message ?? '';
          const code = result.error.decline_code ?? result.error.code;
          const transient = isTransient(result.error);
          // The decline's sentence comes with the failure catalogue: fetch it before showing the decline.
          if (!transient) await loadErrorMessages();
          if (!mounted.current) return;
          setPaymentState(transient ? 'failed' : 'declined');
          setPaymentError(message);
          setPaymentErrorCode(code);
          const failure = Object.assign(new Error(message), { code, type: result.error.type });
          reportError(failure);
          callbacks.current.onError?.(failure);
          return;
        }
        const status = result.paymentIntent?.status;
        if (status !== 'succeeded' && status !== 'processing') {
          setPaymentState('declined');
          setPaymentError(undefined);
          return;
        }
        setPaymentState('confirming_order');
        const paid = await awaitOrder(current.orderId);
        if (!mounted.current) return;
        setOrder(paid);
        setPaymentState('succeeded');
        callbacks.current.onSuccess?.({ orderId: current.orderId, order: paid });
      } catch (error) {
        if (!mounted.current) return;
        const failure = toError(error);
        setPaymentState('failed');
        setPaymentError(failure.message);
        callbacks.current.onError?.(failure);
      } finally {
        submitting.current = false;
      }
    },
    [checkout.data, returnUrl, awaitOrder],
  );

  return {
    status: checkout.status,
    checkout: checkout.data,
    error: checkout.error,
    retryCheckout: checkout.refetch,
    paymentState,
    paymentError,
    paymentErrorCode,
    order,
    stripe,
    pay,
  };
}
