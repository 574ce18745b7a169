// Confirming a SplitCheckout payment with Stripe.js, without React: the hook's `pay` calls it and applies
// the outcome. It comes with the payment step (`payment-step.tsx`), which loads with Stripe.js.
import type { PaymentIntent, Stripe, StripeElements, StripeError } from '@stripe/stripe-js';
import type { CheckoutResponse, Order } from '@marketkit/core';
import type { ApiClient } from '../provider/api-client';
import { getOrderRoute } from '../provider/routes';
import { loadErrorMessages } from '../i18n/load-error-messages';

export interface ConfirmCheckoutPaymentOptions {
  stripe: Stripe;
  elements: StripeElements;
  checkout: CheckoutResponse;
  returnUrl: string;
  api: ApiClient;
  orderPollInterval: number;
  orderPollAttempts: number;
  /** False once the component is gone: stop asking for the order. */
  isMounted: () => boolean;
  /** The steps between submitting and the outcome. */
  onProgress: (state: 'requires_action' | 'confirming_order') => void;
}

/** How a payment attempt ended; `failure` is what `onError` receives. */
export type PaymentOutcome =
  | { state: 'succeeded'; order: Order | undefined }
  | { state: 'declined' | 'failed'; message?: string; code?: string; failure?: Error };

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Stripe's error types for a request that did not get through; everything else is about the card or input. */
function isTransient(error: StripeError): boolean {
  return (
    error.type === 'api_connection_error' ||
    error.type === 'api_error' ||
    error.type === 'rate_limit_error'
  );
}

/** Asks for the order until the server has recorded the payment (Stripe's webhook) or attempts run out. */
async function awaitOrder({
  api,
  checkout,
  isMounted,
  orderPollAttempts,
  orderPollInterval,
}: ConfirmCheckoutPaymentOptions): Promise<Order | undefined> {
  let latest: Order | undefined;
  for (let attempt = 0; attempt < orderPollAttempts; attempt++) {
    try {
      const view = await api.send(getOrderRoute, { params: { orderId: checkout.orderId } });
      // The buyer always gets the whole order; a seller's view of it has no total to show here.
      latest = 'view' in view ? undefined : view;
      if (!latest) break;
      if (latest.status !== 'awaiting_payment' && latest.status !== 'processing') return latest;
    } catch {
      // A hiccup while polling is not a failed payment; ask again.
    }
    if (!isMounted()) break;
    await wait(orderPollInterval);
  }
  // Stripe already said the payment went through: the success stands even if the order lags.
  return latest;
}

/**
 * Confirms the PaymentIntent with what the buyer typed (3-D Secure and other next actions included), then
 * waits for the order. Declines and unreachable Stripe are outcomes, not throws.
 */
export async function confirmCheckoutPayment(
  options: ConfirmCheckoutPaymentOptions,
): Promise<PaymentOutcome> {
  const { stripe, elements, checkout, returnUrl, onProgress } = options;
  let result: { error?: StripeError; paymentIntent?: PaymentIntent } = await stripe.confirmPayment({
    elements,
    redirect: 'if_required',
    confirmParams: { return_url: returnUrl },
  });
  if (!result.error && result.paymentIntent?.status === 'requires_action') {
    // Stripe shows its own challenge, then we continue with the outcome.
    onProgress('requires_action');
    result = await stripe.handleNextAction({ clientSecret: checkout.clientSecret });
  }
  if (result.error) {
    const message = result.error.message ?? '';
    const code = result.error.decline_code ?? result.error.code;
    const transient = isTransient(result.error);
    // The decline's sentence comes with the failure catalogue: fetch it before showing the decline.
    if (!transient) await loadErrorMessages();
    const failure = Object.assign(new Error(message), { code, type: result.error.type });
    return { state: transient ? 'failed' : 'declined', message, code, failure };
  }
  const status = result.paymentIntent?.status;
  if (status !== 'succeeded' && status !== 'processing') return { state: 'declined' };
  onProgress('confirming_order');
  return { state: 'succeeded', order: await awaitOrder(options) };
}
