import { useState } from 'react';
import { SplitCheckout } from '@marketkit/react';
import { clearCart, confirmedCheckout } from '../cart';
import { navigateTo } from '../use-hash-route';
import { useDemoTranslator } from '../i18n';

export function CheckoutPage() {
  const { t } = useDemoTranslator();
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
      <h1 id="checkout-title">{t('checkout.title')}</h1>
      <p className="demo-Lead">{t('checkout.lead')}</p>
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
