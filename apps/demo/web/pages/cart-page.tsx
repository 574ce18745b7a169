import { formatMoney } from '@marketkit/core';
import { cartTotal, confirmCheckout, groupBySeller, setQuantity, useCart } from '../cart';
import { useDemo } from '../app';
import { navigateTo } from '../use-hash-route';

export function CartPage() {
  const cart = useCart();
  const { user } = useDemo();
  const groups = groupBySeller(cart);
  const currency = cart[0]?.currency ?? 'usd';

  if (cart.length === 0) {
    return (
      <section className="demo-Notice" aria-labelledby="cart-title">
        <h1 id="cart-title">Your cart is empty</h1>
        <p>
          <a href="#/">Browse the shop</a> and add something from a few sellers.
        </p>
      </section>
    );
  }

  return (
    <section aria-labelledby="cart-title" className="demo-Cart">
      <h1 id="cart-title">Cart</h1>
      <p className="demo-Lead">
        {groups.length} {groups.length === 1 ? 'seller' : 'sellers'}, one payment.
      </p>
      {groups.map((group) => (
        <section key={group.sellerId} className="demo-Card" aria-label={`From ${group.sellerName}`}>
          <h2 className="demo-CardTitle">{group.sellerName}</h2>
          <ul className="demo-CartLines">
            {group.items.map((item) => (
              <li key={item.productId} className="demo-CartLine">
                <span className="demo-CartName">{item.name}</span>
                <label className="demo-Quantity">
                  <span className="demo-VisuallyHidden">Quantity of {item.name}</span>
                  <input
                    type="number"
                    min={0}
                    max={99}
                    value={item.quantity}
                    onChange={(event) =>
                      setQuantity(
                        item.productId,
                        Math.max(0, Math.floor(Number(event.target.value) || 0)),
                      )
                    }
                  />
                </label>
                <span className="demo-Price">
                  {formatMoney(item.amount * item.quantity, item.currency)}
                </span>
                <button
                  type="button"
                  className="demo-Button demo-Button--ghost"
                  aria-label={`Remove ${item.name}`}
                  onClick={() => setQuantity(item.productId, 0)}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <div className="demo-CartTotal">
        <span>Total</span>
        <strong className="demo-Price">{formatMoney(cartTotal(cart), currency)}</strong>
      </div>
      {user?.role === 'buyer' ? (
        <div className="demo-CartActions">
          <button
            type="button"
            className="demo-Button demo-Button--large"
            onClick={() => {
              // The order is created when the payment form mounts, so only this press opens it.
              if (confirmCheckout()) navigateTo('/checkout');
            }}
          >
            Continue to payment
          </button>
          <p className="demo-Muted">You enter your card on the next page.</p>
        </div>
      ) : (
        <p>
          <a href="#/sign-in">Sign in as a buyer</a> to check out.
        </p>
      )}
    </section>
  );
}
