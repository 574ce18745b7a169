import { cookies } from 'next/headers';
import { PRODUCTS } from '../../lib/catalogue';
import { SESSION_COOKIE, readSessionValue } from '../../lib/session';
import { Checkout } from './checkout';

export default async function CheckoutPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = readSessionValue((await cookies()).get(SESSION_COOKIE)?.value);
  const query = await searchParams;
  // Only ids and quantities from the address bar; MarketKit prices them from the catalogue on the server.
  const items = PRODUCTS.flatMap((product) => {
    const quantity = Number(query[product.id]);
    return Number.isInteger(quantity) && quantity > 0
      ? [{ itemId: product.id, quantity: Math.min(quantity, 10) }]
      : [];
  });
  return (
    <section aria-labelledby="checkout-title">
      <h1 id="checkout-title">Checkout</h1>
      {user?.role !== 'buyer' ? (
        <p>
          Checkout is for buyers. <a href="/">Sign in as Grace</a> first.
        </p>
      ) : items.length === 0 ? (
        <p>
          Your cart is empty. <a href="/">Choose something</a> first.
        </p>
      ) : (
        <Checkout items={items} currency="usd" />
      )}
    </section>
  );
}
