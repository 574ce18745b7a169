import { useCallback, useEffect, useState } from 'react';
import { formatMoney, type Order } from '@marketkit/core';
import { demoFetch } from '../api';
import { orderNumber, useDemoTranslator } from '../i18n';

const SETTLING_TRANSFER = new Set(['planned', 'in_flight']);
const POLL_INTERVAL_MS = 1000;
const MAX_POLLS = 30;

function isSettling(order: Order): boolean {
  return (
    order.status === 'awaiting_payment' ||
    order.status === 'processing' ||
    order.sellers.some((seller) => SETTLING_TRANSFER.has(seller.transfer.status))
  );
}

export function OrderPage({ orderId }: { orderId: string }) {
  const { t } = useDemoTranslator();
  const [order, setOrder] = useState<Order | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const next = await demoFetch<Order>(`/api/marketkit/orders/${encodeURIComponent(orderId)}`);
    setOrder(next);
    return next;
  }, [orderId]);

  // Transfers run in the background after the webhook: poll (bounded) until they settle.
  useEffect(() => {
    let stopped = false;
    let polls = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const next = await load();
        polls += 1;
        if (!stopped && isSettling(next) && polls < MAX_POLLS)
          timer = setTimeout(() => void tick(), POLL_INTERVAL_MS);
      } catch (failure) {
        if (!stopped) setError(failure instanceof Error ? failure.message : String(failure));
      }
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [load]);

  if (error) {
    return (
      <section className="demo-Notice">
        <h1>
          {t('order.title', { number: orderNumber(orderId), sellers: '' }).replace(/ · $/, '')}
        </h1>
        <p role="alert" className="demo-Error">
          {error}
        </p>
      </section>
    );
  }
  if (!order) {
    return (
      <section aria-busy="true">
        <h1>
          {t('order.title', { number: orderNumber(orderId), sellers: '' }).replace(/ · $/, '')}
        </h1>
        <p aria-live="polite">…</p>
      </section>
    );
  }
  return <OrderDetails order={order} onRefresh={() => void load()} />;
}

export function OrderDetails({ order, onRefresh }: { order: Order; onRefresh?: () => void }) {
  const { t, dateTime } = useDemoTranslator();
  const sellerCount = order.sellers.length;
  const money = (amount: number) => formatMoney(amount, order.currency);
  const transfersTotal = order.sellers.reduce((sum, seller) => sum + seller.transferAmount, 0);
  return (
    <article className="demo-Order" aria-labelledby="order-title" data-order-status={order.status}>
      <header className="demo-OrderHeader">
        <div>
          <h1 id="order-title">
            {t('order.title', {
              number: orderNumber(order.id),
              sellers:
                sellerCount === 1
                  ? t('order.sellersOne')
                  : t('order.sellersMany', { count: sellerCount }),
            })}
          </h1>
          <p className="demo-Lead">
            {t('order.placed', { date: dateTime(order.createdAt) })} · <code>{order.id}</code>
          </p>
        </div>
        <span
          className="demo-Status demo-Status--large"
          data-status={order.status}
          data-testid="order-status"
        >
          {order.status.replace(/_/g, ' ')}
        </span>
      </header>

      <dl className="demo-Summary">
        <div>
          <dt>Total paid</dt>
          <dd data-testid="order-total" data-amount={order.total}>
            {money(order.total)}
          </dd>
        </div>
        <div>
          <dt>To sellers</dt>
          <dd data-testid="order-transfers-total" data-amount={transfersTotal}>
            {money(transfersTotal)}
          </dd>
        </div>
        <div>
          <dt>Platform fee</dt>
          <dd data-testid="order-platform-fee" data-amount={order.platformFee}>
            {money(order.platformFee)}
          </dd>
        </div>
        <div>
          <dt>Refunded</dt>
          <dd data-testid="order-refunded" data-amount={order.refunded}>
            {money(order.refunded)}
          </dd>
        </div>
      </dl>

      <div className="demo-TableWrap">
        <table className="demo-Table" aria-label="Split per seller">
          <thead>
            <tr>
              <th scope="col">Seller</th>
              <th scope="col" className="demo-Number">
                Subtotal
              </th>
              <th scope="col" className="demo-Number">
                Platform fee
              </th>
              <th scope="col" className="demo-Number">
                Transfer
              </th>
              <th scope="col">Transfer status</th>
              <th scope="col" className="demo-Number">
                Reversed
              </th>
            </tr>
          </thead>
          <tbody>
            {order.sellers.map((seller) => (
              <tr key={seller.sellerId} data-seller-id={seller.sellerId}>
                <th scope="row">
                  {seller.displayName}
                  <span className="demo-Muted">
                    {seller.lines
                      .map((line) => `${line.quantity} × ${line.description}`)
                      .join(', ')}
                  </span>
                </th>
                <td className="demo-Number">{money(seller.subtotal)}</td>
                <td className="demo-Number">{money(seller.fee)}</td>
                <td
                  className="demo-Number"
                  data-testid="seller-transfer"
                  data-amount={seller.transferAmount}
                >
                  {money(seller.transferAmount)}
                </td>
                <td>
                  <span
                    className="demo-Status"
                    data-status={seller.transfer.status}
                    data-testid="transfer-status"
                  >
                    {seller.transfer.status.replace(/_/g, ' ')}
                  </span>
                  {seller.transfer.id ? (
                    <code className="demo-Muted">{seller.transfer.id}</code>
                  ) : null}
                </td>
                <td
                  className="demo-Number"
                  data-testid="seller-reversed"
                  data-amount={seller.transfer.reversed}
                >
                  {money(seller.transfer.reversed)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {order.refunds.length > 0 ? (
        <section aria-labelledby="refunds-title" className="demo-Card">
          <h2 id="refunds-title" className="demo-CardTitle">
            Refunds
          </h2>
          <ul className="demo-Refunds">
            {order.refunds.map((refund) => (
              <li key={refund.id} data-testid="refund">
                <strong>{money(refund.amount)}</strong> · {refund.reason.replace(/_/g, ' ')} ·{' '}
                <span className="demo-Status" data-status={refund.status}>
                  {refund.status}
                </span>
                <ul>
                  {refund.reversals.map((reversal) => (
                    <li
                      key={reversal.sellerId}
                      data-testid="reversal"
                      data-seller-id={reversal.sellerId}
                      data-amount={reversal.amount}
                    >
                      {order.sellers.find((seller) => seller.sellerId === reversal.sellerId)
                        ?.displayName ?? reversal.sellerId}{' '}
                      returns {money(reversal.amount)}
                    </li>
                  ))}
                  <li data-testid="refund-platform-share" data-amount={refund.platformShare}>
                    Platform covers {money(refund.platformShare)}
                  </li>
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {order.dispute ? (
        <section aria-labelledby="dispute-title" className="demo-Card" data-testid="dispute">
          <h2 id="dispute-title" className="demo-CardTitle">
            Dispute
          </h2>
          <p>
            <code>{order.dispute.id}</code> · {money(order.dispute.amount)} ·{' '}
            {order.dispute.reason.replace(/_/g, ' ')} ·{' '}
            <span className="demo-Status" data-status={order.dispute.status}>
              {order.dispute.status.replace(/_/g, ' ')}
            </span>
          </p>
        </section>
      ) : null}

      {onRefresh ? (
        <button type="button" className="demo-Button demo-Button--ghost" onClick={onRefresh}>
          Refresh
        </button>
      ) : null}
    </article>
  );
}
