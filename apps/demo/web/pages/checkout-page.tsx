import { useState } from 'react';
import { SplitCheckout } from '@marketkit/react';
import { clearCart, confirmedCheckout } from '../cart';
import { navigateTo } from '../use-hash-route';

export function CheckoutPage() {
  // Fixed once the page opens: SplitCheckout starts a new order whenever its items change.
  const [checkout] = useState(confirmedCheckout);

  if (!checkout) {
    return (
      <section className="demo-Notice" aria-labelledby="checkout-title">
        <h1 id="checkout-title">Review your cart first</h1>
        <p>
          Payment starts from the cart, so browsing never opens an order.{' '}
          <a href="#/cart">Go to your cart</a> and press “Continue to payment”.
        </p>
      </section>
    );
  }

  return (
    <section aria-labelledby="checkout-title" className="demo-Checkout">
      <h1 id="checkout-title">Checkout</h1>
      <p className="demo-Lead">
        One card payment; MarketKit transfers each seller their share once the payment succeeds.
        Test cards: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined.
      </p>
      <SplitCheckout
        items={checkout.items}
        currency={checkout.currency}
        onSuccess={({ orderId }) => {
          clearCart();
          navigateTo(`/orders/${orderId}`);
        }}
      />
    </section>
  );
}
