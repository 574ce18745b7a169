import { useEffect, useState } from 'react';
import { formatMoney, type OrderStatus, type OrderSummary } from '@marketkit/core';
import { listOrders, type OrderList } from '../api';
import { orderNumber } from '../i18n';

export function OrdersPage() {
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
      <h1 id="orders-title">Orders</h1>
      {error ? (
        <p role="alert" className="demo-Error">
          {error}
        </p>
      ) : null}
      {list === null && !error ? <p aria-live="polite">Loading orders…</p> : null}
      {list?.orders.length === 0 ? (
        <p>
          No orders yet. <a href="#/">Go shopping</a>.
        </p>
      ) : null}
      {list && list.orders.length > 0 ? <OrderTable list={list} /> : null}
    </section>
  );
}

// A checkout creates its order before the card is entered; one never paid stays `awaiting_payment`.
const STATUS_LABELS: Partial<Record<OrderStatus, string>> = {
  awaiting_payment: 'abandoned (unpaid)',
  dispute_lost: 'dispute lost (final)',
};

export function statusLabel(status: OrderStatus): string {
  return STATUS_LABELS[status] ?? status.replace(/_/g, ' ');
}

function sellerNames(order: OrderSummary): string {
  return order.sellers.map((seller) => seller.displayName).join(', ');
}

export function OrderTable({ list, caption }: { list: OrderList; caption?: string }) {
  return (
    <div className="demo-TableWrap">
      <table className="demo-Table">
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Placed</th>
            <th scope="col">Sellers</th>
            <th scope="col">Status</th>
            <th scope="col" className="demo-Number">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {list.orders.map((order) => (
            <tr key={order.id} data-testid="order-row" data-order-id={order.id}>
              <td>
                <a href={`#/orders/${order.id}`}>#{orderNumber(order.id)}</a>
              </td>
              <td>{new Date(order.createdAt * 1000).toLocaleString('en-US')}</td>
              <td>{sellerNames(order)}</td>
              <td>
                <span className="demo-Status" data-status={order.status}>
                  {statusLabel(order.status)}
                </span>
              </td>
              <td className="demo-Number">{formatMoney(order.total, order.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.truncated ? (
        <p className="demo-Muted">Showing the {list.orders.length} most recent orders.</p>
      ) : null}
    </div>
  );
}
