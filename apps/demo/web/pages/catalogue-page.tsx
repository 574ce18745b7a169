import { useEffect, useState } from 'react';
import { formatMoney } from '@marketkit/core';
import { demoFetch, type Product } from '../api';
import { addToCart, useCart } from '../cart';
import { useDemoTranslator } from '../i18n';

export function CataloguePage() {
  const { t } = useDemoTranslator();
  const [products, setProducts] = useState<Product[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cart = useCart();

  useEffect(() => {
    demoFetch<{ products: Product[] }>('/api/demo/catalogue').then(
      (result) => setProducts(result.products),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  }, []);

  return (
    <section aria-labelledby="catalogue-title">
      <div className="demo-Hero">
        <h1 id="catalogue-title">{t('catalogue.title')}</h1>
        <p className="demo-Lead">{t('catalogue.lead')}</p>
      </div>
      {error ? (
        <p role="alert" className="demo-Error">
          {error}
        </p>
      ) : null}
      {products === null && !error ? <p aria-live="polite">Loading products…</p> : null}
      <ul className="demo-Grid" aria-label="Products">
        {products?.map((product) => {
          const inCart = cart.find((item) => item.productId === product.id)?.quantity ?? 0;
          return (
            <li key={product.id} className="demo-Product" data-available={product.available}>
              <div
                className="demo-ProductArt"
                aria-hidden="true"
                style={{ '--demo-hue': String(product.hue) } as React.CSSProperties}
              />
              <div className="demo-ProductBody">
                <h2 className="demo-ProductName">{product.name}</h2>
                <p className="demo-ProductSeller">by {product.sellerName}</p>
                <p className="demo-ProductDescription">{product.description}</p>
                <div className="demo-ProductFooter">
                  <span className="demo-Price">
                    {formatMoney(product.amount, product.currency)}
                  </span>
                  {product.available ? (
                    <button
                      type="button"
                      className="demo-Button"
                      aria-label={`Add ${product.name} to cart`}
                      onClick={() =>
                        addToCart({
                          productId: product.id,
                          sellerId: product.sellerId,
                          sellerName: product.sellerName,
                          name: product.name,
                          amount: product.amount,
                          currency: product.currency,
                        })
                      }
                    >
                      {inCart > 0 ? `Add another (${inCart})` : 'Add to cart'}
                    </button>
                  ) : (
                    <span className="demo-Unavailable">Seller not ready for payouts</span>
                  )}
                </div>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
