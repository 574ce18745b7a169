import { useEffect, useState } from 'react';
import { formatMoney } from '@marketkit/core';
import { demoFetch, type OrderSummary } from '../api';

export function OrdersPage() {
  const [orders, setOrders] = useState<OrderSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    demoFetch<{ orders: OrderSummary[] }>('/api/demo/orders').then(
      (result) => setOrders(result.orders),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  }, []);

  return (
    <section aria-labelledby="orders-title">
      <h1 id="orders-title">Orders</h1>
      {error ? (
        <p role="alert" className="demo-Error">
          {error}
        </p>
      ) : null}
      {orders === null && !error ? <p aria-live="polite">Loading orders…</p> : null}
      {orders?.length === 0 ? (
        <p>
          No orders yet. <a href="#/">Go shopping</a>.
        </p>
      ) : null}
      {orders && orders.length > 0 ? <OrderTable orders={orders} /> : null}
    </section>
  );
}

export function OrderTable({ orders, caption }: { orders: OrderSummary[]; caption?: string }) {
  return (
    <div className="demo-TableWrap">
      <table className="demo-Table">
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Placed</th>
            <th scope="col">Status</th>
            <th scope="col" className="demo-Number">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id}>
              <td>
                <a href={`#/orders/${order.id}`}>{order.id}</a>
              </td>
              <td>{new Date(order.createdAt * 1000).toLocaleString('en-US')}</td>
              <td>
                <span className="demo-Status" data-status={order.status}>
                  {order.status.replace(/_/g, ' ')}
                </span>
              </td>
              <td className="demo-Number">{formatMoney(order.total, order.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
