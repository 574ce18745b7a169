import { useMemo } from 'react';
import { SplitCheckout } from '@marketkit/react';
import { clearCart, useCart } from '../cart';
import { navigateTo } from '../use-hash-route';

export function CheckoutPage() {
  const cart = useCart();
  // Lines are fixed once checkout starts: a new array on every render would start a new checkout.
  const lines = useMemo(
    () =>
      cart.map((item) => ({
        sellerId: item.sellerId,
        description: item.name,
        amount: item.amount,
        quantity: item.quantity,
      })),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- snapshot of the cart when the page opens
    [],
  );

  if (lines.length === 0) {
    return (
      <section className="demo-Notice">
        <h1>Nothing to check out</h1>
        <p>
          <a href="#/">Add something to your cart</a> first.
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
        lines={lines}
        currency={cart[0]?.currency ?? 'usd'}
        onSuccess={({ orderId }) => {
          clearCart();
          navigateTo(`/orders/${orderId}`);
        }}
      />
    </section>
  );
}
