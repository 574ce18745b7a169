import { checkoutPaymentMessages } from './checkout-payment';

/** SplitCheckout's first load: the order summary. */
export const checkoutSummaryMessages = {
  'checkout.title': 'Order summary',
  'checkout.seller': 'Sold by {name}',
  'checkout.line': '{description} × {quantity}',
  'checkout.subtotal': 'Subtotal',
  'checkout.platformFee': 'Includes marketplace fee',
  'checkout.total': 'Total',
  'checkout.preparing': 'Preparing checkout…',
  'checkout.empty': 'Your cart is empty.',
};

/** SplitCheckout. */
export const checkoutMessages = /* @__PURE__ */ Object.assign(
  {},
  checkoutSummaryMessages,
  checkoutPaymentMessages,
);
