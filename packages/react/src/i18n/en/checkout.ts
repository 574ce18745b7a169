/** SplitCheckout. */
export const checkoutMessages = {
  'checkout.title': 'Order summary',
  'checkout.seller': 'Sold by {name}',
  'checkout.line': '{description} × {quantity}',
  'checkout.subtotal': 'Subtotal',
  'checkout.platformFee': 'Includes marketplace fee',
  'checkout.total': 'Total',
  'checkout.pay': 'Pay {amount}',
  'checkout.paying': 'Processing payment…',
  'checkout.preparing': 'Preparing checkout…',
  'checkout.empty': 'Your cart is empty.',
  'checkout.confirmingOrder': 'Payment received. Confirming your order…',
  'checkout.succeeded': 'Payment complete. Order {orderId}',
  'checkout.paidTo': '{name} receives {amount}',
  'checkout.declined': 'Your payment was not completed. {message}',
  'checkout.stripeUnavailable': 'The payment form could not be loaded.',
};

/**
 * The sentence for any decline: in SplitCheckout's first load, shown until (or if) the catalogue below,
 * which loads with the first failure, is there.
 */
export const declinedMessages = {
  'decline.declined': 'Your card was declined. Try another card, or contact your bank.',
};
