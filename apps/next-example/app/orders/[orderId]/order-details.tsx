'use client';
// The buyer's order after payment, read through MarketKit's API (which checks the buyer may see it).
// Sellers are paid by a background worker after the payment succeeds, so this polls until every
// transfer has landed.
import { useEffect, useState } from 'react';
import { formatMoney, type CurrencyCode, type Order } from '@marketkit/core';
import { useMarketkit } from '@marketkit/react';

const POLL_MS = 1000;
const settled = (order: Order) =>
  order.sellers.every(
    (seller) => seller.transfer.status !== 'planned' && seller.transfer.status !== 'in_flight',
  );

export function OrderDetails({ orderId }: { orderId: string }) {
  const { api } = useMarketkit();
  const [order, setOrder] = useState<Order | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const view = await api.request('getOrder', {
          params: { orderId },
          signal: controller.signal,
        });
        if ('view' in view) throw new Error('This page shows orders to their buyer.');
        setOrder(view);
        if (!settled(view)) timer = setTimeout(load, POLL_MS);
      } catch (caught) {
        if (!controller.signal.aborted)
          setError(caught instanceof Error ? caught.message : String(caught));
      }
    };
    void load();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [api, orderId]);

  if (error) return <p role="alert">{error}</p>;
  if (!order) return <p role="status">Loading your order…</p>;
  const money = (amount: number) => formatMoney(amount, order.currency as CurrencyCode);
  return (
    <section aria-labelledby="order-title">
      <h1 id="order-title">
        Order {order.status === 'paid' ? 'paid' : order.status.replace('_', ' ')}
      </h1>
      <p>
        Total{' '}
        <strong data-testid="order-total" data-amount={order.total}>
          {money(order.total)}
        </strong>
        , of which the platform keeps{' '}
        <span data-testid="order-platform-fee" data-amount={order.platformFee}>
          {money(order.platformFee)}
        </span>
        .
      </p>
      <table>
        <caption>What each seller receives</caption>
        <thead>
          <tr>
            <th scope="col">Seller</th>
            <th scope="col">Amount</th>
            <th scope="col">Transfer</th>
          </tr>
        </thead>
        <tbody>
          {order.sellers.map((seller) => (
            <tr key={seller.sellerId}>
              <th scope="row">{seller.displayName}</th>
              <td data-testid="seller-transfer" data-amount={seller.transferAmount}>
                {money(seller.transferAmount)}
              </td>
              <td data-testid="transfer-status">{seller.transfer.status.replace('_', ' ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href="/">Back to the shop</a>
      </p>
    </section>
  );
}
