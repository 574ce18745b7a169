// Apart from checkout.ts: these load with SplitCheckout's payment step, not with the order summary.

/** SplitCheckout's payment step, which loads with Stripe.js. */
export const checkoutPaymentMessages = {
  'checkout.pay': 'Pay {amount}',
  'checkout.paying': 'Processing payment…',
  'checkout.confirmingOrder': 'Payment received. Confirming your order…',
  'checkout.succeeded': 'Payment complete. Order {orderId}',
  'checkout.declined': 'Your payment was not completed. {message}',
  'checkout.stripeUnavailable': 'The payment form could not be loaded.',
};

/**
 * The sentence for any decline, shown until (or if) the decline catalogue, which loads with the first
 * failure, is there.
 */
export const declinedMessages = {
  'decline.declined': 'Your card was declined. Try another card, or contact your bank.',
};
