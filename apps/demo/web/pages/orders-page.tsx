import { useEffect, useState } from 'react';
import { formatMoney, type OrderStatus, type OrderSummary } from '@marketkit/core';
import { listOrders, type OrderList } from '../api';
import { orderNumber, useDemoTranslator, type DemoTranslator } from '../i18n';

export function OrdersPage() {
  const { t } = useDemoTranslator();
  const [list, setList] = useState<OrderList | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    listOrders().then(
      (result) => {
        if (current) setList(result);
      },
      (failure: unknown) => {
        if (current) setError(failure instanceof Error ? failure.message : String(failure));
      },
    );
    return () => {
      current = false;
    };
  }, []);

  return (
    <section aria-labelledby="orders-title">
      <h1 id="orders-title">{t('orders.title')}</h1>
      {error ? (
        <p role="alert" className="demo-Error">
          {error}
        </p>
      ) : null}
      {list === null && !error ? <p aria-live="polite">{t('orders.loading')}</p> : null}
      {list?.orders.length === 0 ? (
        <p>
          {t('orders.none')} <a href="#/">{t('orders.goShopping')}</a>.
        </p>
      ) : null}
      {list && list.orders.length > 0 ? <OrderTable list={list} /> : null}
    </section>
  );
}

// A checkout creates its order before the card is entered; one never paid stays `awaiting_payment`,
// which people read as "abandoned (unpaid)".
export function statusLabel(status: OrderStatus, t: DemoTranslator['t']): string {
  return t(`status.${status}`);
}

function sellerNames(order: OrderSummary): string {
  return order.sellers.map((seller) => seller.displayName).join(', ');
}

export function OrderTable({ list, caption }: { list: OrderList; caption?: string }) {
  const { t, locale } = useDemoTranslator();
  return (
    <div className="demo-TableWrap">
      <table className="demo-Table">
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col">{t('orders.order')}</th>
            <th scope="col">{t('orders.placed')}</th>
            <th scope="col">{t('orders.sellers')}</th>
            <th scope="col">{t('orders.status')}</th>
            <th scope="col" className="demo-Number">
              {t('orders.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {list.orders.map((order) => (
            <tr key={order.id} data-testid="order-row" data-order-id={order.id}>
              <td>
                <a href={`#/orders/${order.id}`}>#{orderNumber(order.id)}</a>
              </td>
              <td>{new Date(order.createdAt * 1000).toLocaleString(locale)}</td>
              <td>{sellerNames(order)}</td>
              <td>
                <span className="demo-Status" data-status={order.status}>
                  {statusLabel(order.status, t)}
                </span>
              </td>
              <td className="demo-Number">{formatMoney(order.total, order.currency, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.truncated ? (
        <p className="demo-Muted">{t('orders.truncated', { count: list.orders.length })}</p>
      ) : null}
    </div>
  );
}
