import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import {
  API_ROUTES,
  buildPath,
  formatMoney,
  parseMoney,
  type Order,
  type OrderSummary,
  type RefundReason,
  type RefundResponse,
} from '@marketkit/core';
import { PlatformRiskTable } from '@marketkit/react';
import { demoFetch, listOrders, type OrderList } from '../api';
import { useDemo } from '../app';
import { CLOCK_CHANGED_EVENT } from '../sandbox-clock';
import { orderNumber, useDemoTranslator } from '../i18n';
import { OrderTable, statusLabel } from './orders-page';

type Outcome = { kind: 'success' | 'error'; message: string } | null;

function messageOf(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}

export function AdminPage() {
  const { config } = useDemo();
  const { t } = useDemoTranslator();
  const [list, setList] = useState<OrderList | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  // Bumped after any action so the risk table and order list show the new state.
  const [revision, setRevision] = useState(0);

  const reload = useCallback(() => setRevision((value) => value + 1), []);

  useEffect(() => {
    let current = true;
    listOrders().then(
      (result) => {
        if (current) setList(result);
      },
      (failure: unknown) => {
        if (current) setListError(messageOf(failure));
      },
    );
    return () => {
      current = false;
    };
  }, [revision]);

  const orders = list?.orders;
  const abandoned = orders?.filter((order) => order.status === 'awaiting_payment').length ?? 0;

  return (
    <section aria-labelledby="admin-title" className="demo-Admin">
      <header className="demo-PageHeader">
        <div>
          <h1 id="admin-title">{t('admin.title')}</h1>
          <p className="demo-Lead">{t('admin.lead')}</p>
        </div>
      </header>
      <div className="demo-Stack">
        {/* The table is its own card, with its own "Accounts at risk" heading. */}
        <PlatformRiskTable key={revision} orderLabel={(orderId) => `#${orderNumber(orderId)}`} />
        <div className="demo-Columns">
          <RefundForm orders={orders ?? []} onDone={reload} />
          {config.mode === 'sandbox' ? (
            <SandboxControls orders={orders ?? []} revision={revision} onDone={reload} />
          ) : null}
        </div>
        <section className="demo-Card" aria-labelledby="recent-orders-title">
          <h2 id="recent-orders-title" className="demo-CardTitle">
            {t('admin.recentOrders')}
          </h2>
          {listError ? (
            <p role="alert" className="demo-Error">
              {listError}
            </p>
          ) : null}
          {orders?.length === 0 ? <p className="demo-Muted">{t('orders.none')}</p> : null}
          {abandoned > 0 ? (
            <p className="demo-Muted" data-testid="abandoned-count">
              {abandoned === 1
                ? t('admin.abandonedOne')
                : t('admin.abandonedMany', { count: abandoned })}
            </p>
          ) : null}
          {list && list.orders.length > 0 ? <OrderTable list={list} /> : null}
        </section>
      </div>
    </section>
  );
}

const REFUNDABLE = new Set(['paid', 'partially_refunded', 'disputed']);

function RefundForm({ orders, onDone }: { orders: OrderSummary[]; onDone(): void }) {
  const { t, locale } = useDemoTranslator();
  const refundable = orders.filter((order) => REFUNDABLE.has(order.status));
  const [orderId, setOrderId] = useState('');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState<RefundReason>('requested_by_customer');
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const selected = refundable.find((order) => order.id === orderId) ?? refundable[0];
  // One Idempotency-Key per refund the admin asks for: submitting the same refund again after an error
  // retries it (never a second refund); a different order, amount or reason is a new refund.
  const attempt = useRef<{ refund: string; key: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!selected) return;
    setOutcome(null);
    let minorUnits: number | undefined;
    try {
      minorUnits = amount.trim() === '' ? undefined : parseMoney(amount, selected.currency);
    } catch (failure) {
      setOutcome({ kind: 'error', message: messageOf(failure) });
      return;
    }
    const refund = `${selected.id}:${minorUnits ?? 'rest'}:${reason}`;
    if (attempt.current?.refund !== refund) attempt.current = { refund, key: crypto.randomUUID() };
    setPending(true);
    try {
      const result = await demoFetch<RefundResponse>(
        `/api/marketkit/orders/${encodeURIComponent(selected.id)}/refunds`,
        {
          method: 'POST',
          body: { ...(minorUnits === undefined ? {} : { amount: minorUnits }), reason },
          idempotencyKey: attempt.current.key,
        },
      );
      attempt.current = null;
      setOutcome({
        kind: 'success',
        message: t('refund.done', {
          amount: formatMoney(result.refund.amount, selected.currency, locale),
          order: selected.id,
          reversals: result.refund.reversals.length,
        }),
      });
      setAmount('');
      onDone();
    } catch (failure) {
      setOutcome({ kind: 'error', message: messageOf(failure) });
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="demo-Card" aria-labelledby="refund-title">
      <h2 id="refund-title" className="demo-CardTitle">
        {t('refund.title')}
      </h2>
      {refundable.length === 0 ? (
        <p className="demo-Muted">{t('refund.none')}</p>
      ) : (
        <form className="demo-Form" onSubmit={(event) => void submit(event)}>
          <label>
            {t('refund.order')}
            <select value={selected?.id ?? ''} onChange={(event) => setOrderId(event.target.value)}>
              {refundable.map((order) => (
                <option key={order.id} value={order.id}>
                  #{orderNumber(order.id)} · {formatMoney(order.total, order.currency, locale)} ·{' '}
                  {statusLabel(order.status, t)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('refund.amount')}
            <input
              inputMode="decimal"
              autoComplete="off"
              placeholder={t('refund.placeholder')}
              value={amount}
              onChange={(event) => setAmount(event.target.value)}
            />
          </label>
          <label>
            {t('refund.reason')}
            <select
              value={reason}
              onChange={(event) => setReason(event.target.value as RefundReason)}
            >
              <option value="requested_by_customer">{t('refund.requested_by_customer')}</option>
              <option value="duplicate">{t('refund.duplicate')}</option>
              <option value="fraudulent">{t('refund.fraudulent')}</option>
            </select>
          </label>
          <button type="submit" className="demo-Button" disabled={pending} aria-busy={pending}>
            {pending ? t('refund.pending') : t('refund.submit')}
          </button>
        </form>
      )}
      {outcome ? (
        <p
          role={outcome.kind === 'error' ? 'alert' : 'status'}
          className={outcome.kind === 'error' ? 'demo-Error' : 'demo-Success'}
        >
          {outcome.message}
          {outcome.kind === 'success' && selected ? (
            <>
              {' '}
              <a href={`#/orders/${selected.id}`}>{t('refund.viewOrder')}</a>
            </>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}

const CLOSED_DISPUTE = new Set(['won', 'lost']);

// Order summaries carry no dispute; the full order (GET /orders/:orderId) does, so only disputed orders
// are fetched again.
function useOpenDisputes(orders: OrderSummary[], revision: number): Order[] {
  const [disputed, setDisputed] = useState<Order[]>([]);
  const disputedIds = orders
    .filter((order) => order.status === 'disputed')
    .map((order) => order.id)
    .join(',');
  useEffect(() => {
    let current = true;
    const ids = disputedIds === '' ? [] : disputedIds.split(',');
    Promise.all(
      ids.map((orderId) =>
        demoFetch<Order>(`/api/marketkit${buildPath(API_ROUTES.getOrder.path, { orderId })}`),
      ),
    ).then(
      (result) => {
        if (current) setDisputed(result);
      },
      () => {
        if (current) setDisputed([]);
      },
    );
    return () => {
      current = false;
    };
  }, [disputedIds, revision]);
  return disputed.filter((order) => order.dispute && !CLOSED_DISPUTE.has(order.dispute.status));
}

function SandboxControls({
  orders,
  revision,
  onDone,
}: {
  orders: OrderSummary[];
  revision: number;
  onDone(): void;
}) {
  const { t, locale } = useDemoTranslator();
  const [pending, setPending] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [clock, setClock] = useState<number | null>(null);
  const openDisputes = useOpenDisputes(orders, revision);

  useEffect(() => {
    demoFetch<{ now: number }>('/api/demo/sandbox/clock').then(
      (result) => setClock(result.now),
      () => setClock(null),
    );
  }, []);

  const run = async (key: string, action: () => Promise<string>) => {
    setPending(key);
    setOutcome(null);
    try {
      setOutcome({ kind: 'success', message: await action() });
      onDone();
    } catch (failure) {
      setOutcome({ kind: 'error', message: messageOf(failure) });
    } finally {
      setPending(null);
    }
  };

  const advance = () =>
    run('advance', async () => {
      const result = await demoFetch<{ now: number }>('/api/demo/sandbox/advance', {
        method: 'POST',
        body: { days: 1 },
      });
      setClock(result.now);
      window.dispatchEvent(new Event(CLOCK_CHANGED_EVENT));
      return t('sandbox.clockNow', { time: new Date(result.now * 1000).toLocaleString(locale) });
    });

  const closeDispute = (disputeId: string, result: 'won' | 'lost') =>
    run(`${disputeId}:${result}`, async () => {
      await demoFetch(`/api/demo/sandbox/disputes/${encodeURIComponent(disputeId)}/close`, {
        method: 'POST',
        body: { outcome: result },
      });
      return t(result === 'won' ? 'sandbox.closedWon' : 'sandbox.closedLost', {
        dispute: disputeId,
      });
    });

  return (
    <section className="demo-Card" aria-labelledby="sandbox-title">
      <h2 id="sandbox-title" className="demo-CardTitle">
        {t('sandbox.title')}
      </h2>
      <p className="demo-Muted">
        {t('sandbox.time', {
          time: clock === null ? '…' : new Date(clock * 1000).toLocaleString(locale),
        })}
      </p>
      <button
        type="button"
        className="demo-Button"
        disabled={pending !== null}
        aria-busy={pending === 'advance'}
        onClick={() => void advance()}
      >
        {t('sandbox.advance')}
      </button>
      <h3 className="demo-Subtitle">{t('sandbox.openDisputes')}</h3>
      {openDisputes.length === 0 ? <p className="demo-Muted">{t('sandbox.none')}</p> : null}
      <ul className="demo-DisputeList">
        {openDisputes.map((order) => {
          const disputeId = order.dispute?.id ?? '';
          return (
            <li key={disputeId}>
              <span>
                <code>{disputeId}</code> {t('sandbox.on')}{' '}
                <a href={`#/orders/${order.id}`}>{order.id}</a> (
                {formatMoney(order.total, order.currency, locale)})
              </span>
              <span className="demo-ButtonRow">
                <button
                  type="button"
                  className="demo-Button demo-Button--ghost"
                  disabled={pending !== null}
                  onClick={() => void closeDispute(disputeId, 'won')}
                >
                  {t('sandbox.closeWon', { dispute: disputeId })}
                </button>
                <button
                  type="button"
                  className="demo-Button demo-Button--ghost"
                  disabled={pending !== null}
                  onClick={() => void closeDispute(disputeId, 'lost')}
                >
                  {t('sandbox.closeLost', { dispute: disputeId })}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      {outcome ? (
        <p
          role={outcome.kind === 'error' ? 'alert' : 'status'}
          className={outcome.kind === 'error' ? 'demo-Error' : 'demo-Success'}
        >
          {outcome.message}
        </p>
      ) : null}
    </section>
  );
}
