import { cookies } from 'next/headers';
import { formatMoney } from '@marketkit/core';
import { PRODUCTS, USERS, sellerName } from '../lib/catalogue';
import { SESSION_COOKIE, readSessionValue } from '../lib/session';

export default async function HomePage() {
  const user = readSessionValue((await cookies()).get(SESSION_COOKIE)?.value);
  return (
    <>
      <section aria-labelledby="account-title">
        <h1 id="account-title">{user ? `Signed in as ${user.displayName}` : 'Sign in'}</h1>
        <form method="post" action="/api/session">
          {user ? (
            <>
              {user.role === 'seller' ? <a href="/seller">Your seller account</a> : null}{' '}
              <button name="action" value="sign-out">
                Sign out
              </button>
            </>
          ) : (
            USERS.map((candidate) => (
              <button key={candidate.userId} name="userId" value={candidate.userId}>
                Sign in as {candidate.displayName} ({candidate.role})
              </button>
            ))
          )}
        </form>
      </section>
      <section aria-labelledby="shop-title">
        <h2 id="shop-title">Shop</h2>
        {/* The cart is the form: the checkout page reads product ids and quantities, never prices. */}
        <form action="/checkout">
          <ul className="products">
            {PRODUCTS.map((product) => (
              <li key={product.id}>
                <span>
                  {product.name} · {sellerName(product.sellerId)} ·{' '}
                  {formatMoney(product.amount, product.currency)}
                </span>
                <label>
                  <span className="visually-hidden">Quantity of {product.name}</span>{' '}
                  <input type="number" name={product.id} min={0} max={10} defaultValue={0} />
                </label>
              </li>
            ))}
          </ul>
          <button type="submit">Continue to payment</button>
        </form>
      </section>
    </>
  );
}
