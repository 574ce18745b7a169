import { h } from '../../dom';
import { formatMinorUnits } from '../../format';
import type { ConnectView, ConnectViewContext } from '../connect-elements';

interface BalanceAmount {
  amount: number;
  currency: string;
}

export interface SandboxBalance {
  object: 'balance';
  available: BalanceAmount[];
  pending: BalanceAmount[];
  instant_available?: BalanceAmount[];
}

/** Draws available/pending per currency and a "Pay out now" button; shared by balances and payouts. */
export async function appendBalanceSummary(
  context: ConnectViewContext,
  container: HTMLElement,
): Promise<boolean> {
  const { document, connector } = context;
  const loaded = await connector.request<SandboxBalance>('GET', 'balance');
  if (!loaded.ok) {
    context.fail(loaded.error);
    return false;
  }
  const balance = loaded.body;
  const locale = connector.locale;
  const currencies = [
    ...new Set([...balance.available, ...balance.pending].map((entry) => entry.currency)),
  ];
  const amountIn = (list: BalanceAmount[], currency: string) =>
    list
      .filter((entry) => entry.currency === currency)
      .reduce((sum, entry) => sum + entry.amount, 0);
  const alert = h(document, 'p', { role: 'alert' });
  const status = h(document, 'p', { role: 'status' });
  const payable = balance.available.some((entry) => entry.amount > 0);
  const requestPayout = async (button: HTMLButtonElement, method: 'standard' | 'instant') => {
    button.disabled = true;
    alert.textContent = '';
    status.textContent = method === 'instant' ? 'Creating instant payout…' : 'Creating payout…';
    const result = await connector.request<{ id: string }>('POST', 'payouts', { method });
    if (!context.isCurrent()) return;
    if (!result.ok) {
      status.textContent = '';
      alert.textContent = result.error.message;
      button.disabled = false;
      return;
    }
    context.rerender();
  };
  const payOut = h(document, 'button', {
    type: 'button',
    text: 'Pay out now',
    disabled: !payable,
    onClick: () => void requestPayout(payOut as HTMLButtonElement, 'standard'),
  });
  // Offered only when the account session enables the instant_payouts feature, as in Stripe's component.
  const session = await connector.session();
  const instantEnabled =
    session.ok && session.body.components?.payouts?.features?.instant_payouts === true;
  const instantAvailable = (balance.instant_available ?? []).some((entry) => entry.amount > 0);
  const instant =
    instantEnabled && instantAvailable
      ? h(document, 'button', {
          type: 'button',
          'data-variant': 'secondary',
          text: 'Instant payout',
          onClick: () => void requestPayout(instant as HTMLButtonElement, 'instant'),
        })
      : null;
  container.append(
    h(
      document,
      'section',
      { 'aria-label': 'Balance', 'data-state': currencies.length === 0 ? 'empty' : 'loaded' },
      h(document, 'h3', { text: 'Balance' }),
      currencies.length === 0
        ? h(document, 'p', { text: 'No balance yet.' })
        : h(
            document,
            'dl',
            { class: 'mk-sandbox-row' },
            ...currencies.flatMap((currency) => [
              h(document, 'dt', { text: `Available (${currency.toUpperCase()})` }),
              h(document, 'dd', {
                text: formatMinorUnits(amountIn(balance.available, currency), currency, locale),
              }),
              h(document, 'dt', { text: `Pending (${currency.toUpperCase()})` }),
              h(document, 'dd', {
                text: formatMinorUnits(amountIn(balance.pending, currency), currency, locale),
              }),
            ]),
          ),
      h(document, 'div', { class: 'mk-sandbox-row' }, payOut, instant),
      alert,
      status,
    ),
  );
  return true;
}

export const renderBalances: ConnectView = async (context) => {
  await appendBalanceSummary(context, context.root);
};
