'use client';
// The buyer's order after payment, read through MarketKit's API (which checks the buyer may see it).
// Sellers are paid by a background worker after the payment succeeds, so this polls until every
// transfer has landed.
import { useEffect, useState } from 'react';
import {
  formatMoney,
  type CurrencyCode,
  type Order,
  type OrderStatus,
  type TransferStatus,
} from '@marketkit/core';
import { useMarketkit } from '@marketkit/react';

const POLL_MS = 1000;

// What the buyer reads, never the API's raw enum values.
const ORDER_STATUS: Record<OrderStatus, string> = {
  awaiting_payment: 'Waiting for your payment',
  processing: 'Your payment is being processed',
  paid: 'Thank you, your order is paid',
  payment_failed: 'Your payment did not go through',
  canceled: 'This order was canceled',
  partially_refunded: 'Part of this order was refunded',
  refunded: 'This order was refunded',
  disputed: 'This payment is being disputed',
  dispute_lost: 'This payment was returned by your bank',
};
const TRANSFER_STATUS: Record<TransferStatus, string> = {
  planned: 'Being sent',
  in_flight: 'Being sent',
  paid: 'Sent',
  failed: 'Delayed',
  partially_reversed: 'Partly returned',
  reversed: 'Returned',
};
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
        if ('view' in view) {
          setError('This page shows an order to the buyer who placed it.');
          return;
        }
        setOrder(view);
        if (!settled(view)) timer = setTimeout(load, POLL_MS);
      } catch (caught) {
        if (controller.signal.aborted) return;
        // The reason is for developers; the buyer gets a sentence they can act on.
        console.error(caught);
        setError('We could not load your order. Refresh the page to try again.');
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
      <h1 id="order-title" data-status={order.status}>
        {ORDER_STATUS[order.status]}
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
              <td data-testid="transfer-status" data-status={seller.transfer.status}>
                {TRANSFER_STATUS[seller.transfer.status]}
              </td>
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
