import { formatMoney } from '@marketkit/core';
import { cartTotal, confirmCheckout, groupBySeller, setQuantity, useCart } from '../cart';
import { useDemo } from '../app';
import { useDemoTranslator } from '../i18n';
import { navigateTo } from '../use-hash-route';

export function CartPage() {
  const cart = useCart();
  const { user } = useDemo();
  const { t, locale } = useDemoTranslator();
  const groups = groupBySeller(cart);
  const currency = cart[0]?.currency ?? 'usd';

  if (cart.length === 0) {
    return (
      <section className="demo-Notice" aria-labelledby="cart-title">
        <h1 id="cart-title">{t('cart.emptyTitle')}</h1>
        <p>
          <a href="#/">{t('cart.emptyBrowse')}</a>
          {t('cart.emptyRest')}
        </p>
      </section>
    );
  }

  return (
    <section aria-labelledby="cart-title" className="demo-Cart">
      <h1 id="cart-title">{t('cart.title')}</h1>
      <p className="demo-Lead">
        {groups.length === 1
          ? t('cart.sellersOne')
          : t('cart.sellersMany', { count: groups.length })}
      </p>
      {groups.map((group) => (
        <section
          key={group.sellerId}
          className="demo-Card"
          aria-label={t('cart.from', { seller: group.sellerName })}
        >
          <h2 className="demo-CardTitle">{group.sellerName}</h2>
          <ul className="demo-CartLines">
            {group.items.map((item) => (
              <li key={item.productId} className="demo-CartLine">
                <span className="demo-CartName">{item.name}</span>
                <label className="demo-Quantity">
                  <span className="demo-VisuallyHidden">
                    {t('cart.quantityOf', { name: item.name })}
                  </span>
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
                  {formatMoney(item.amount * item.quantity, item.currency, locale)}
                </span>
                <button
                  type="button"
                  className="demo-Button demo-Button--ghost"
                  aria-label={t('cart.removeItem', { name: item.name })}
                  onClick={() => setQuantity(item.productId, 0)}
                >
                  {t('cart.remove')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <div className="demo-CartTotal">
        <span>{t('cart.total')}</span>
        <strong className="demo-Price">{formatMoney(cartTotal(cart), currency, locale)}</strong>
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
            {t('cart.continue')}
          </button>
          <p className="demo-Muted">{t('cart.cardNext')}</p>
        </div>
      ) : (
        <p>
          <a href="#/sign-in">{t('cart.signIn')}</a>
          {t('cart.signInRest')}
        </p>
      )}
    </section>
  );
}
