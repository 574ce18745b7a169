import { h } from '../../dom';
import { formatMinorUnits, formatTimestamp } from '../../format';
import type { ConnectViewContext } from '../connect-elements';
import { appendBalanceSummary } from './balances';

interface SandboxPayout {
  id: string;
  amount: number;
  currency: string;
  status: string;
  arrival_date: number;
  method?: string;
  failure_message?: string | null;
}

interface StripeList<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
}

const pageSize = 10;

/** Payouts: the balance with "Pay out now" (unless `showBalance` is false) and a paged list of payouts. */
export async function renderPayouts(
  context: ConnectViewContext,
  options: { showBalance: boolean },
): Promise<void> {
  const { document, root, connector } = context;
  if (options.showBalance && !(await appendBalanceSummary(context, root))) return;
  const body = h(document, 'tbody');
  const table = h(
    document,
    'table',
    {},
    h(document, 'caption', { text: 'Payouts' }),
    h(
      document,
      'thead',
      {},
      h(
        document,
        'tr',
        {},
        ...['Amount', 'Status', 'Arrival', 'Method'].map((label) =>
          h(document, 'th', { scope: 'col', text: label }),
        ),
      ),
    ),
    body,
  );
  const section = h(
    document,
    'section',
    { 'aria-label': 'Payouts', 'data-state': 'loading' },
    table,
  );
  root.append(section);
  let lastId: string | undefined;

  const loadPage = async (): Promise<boolean> => {
    const query = `payouts?limit=${pageSize}${lastId ? `&starting_after=${encodeURIComponent(lastId)}` : ''}`;
    const page = await connector.request<StripeList<SandboxPayout>>('GET', query);
    if (!context.isCurrent()) return false;
    if (!page.ok) {
      context.fail(page.error);
      return false;
    }
    for (const payout of page.body.data) {
      const status = payout.failure_message
        ? `${payout.status}: ${payout.failure_message}`
        : payout.status;
      body.append(
        h(
          document,
          'tr',
          { 'data-status': payout.status },
          h(document, 'td', {
            text: formatMinorUnits(payout.amount, payout.currency, connector.locale),
          }),
          h(document, 'td', { text: status }),
          h(document, 'td', { text: formatTimestamp(payout.arrival_date, connector.locale) }),
          h(document, 'td', { text: payout.method ?? 'standard' }),
        ),
      );
    }
    lastId = page.body.data.at(-1)?.id ?? lastId;
    section.dataset.state = body.childElementCount === 0 ? 'empty' : 'loaded';
    more.hidden = !page.body.has_more;
    return true;
  };

  const more = h(document, 'button', {
    type: 'button',
    'data-variant': 'secondary',
    text: 'Load more payouts',
    onClick: () => void loadPage(),
  });
  more.hidden = true;
  const empty = h(document, 'p', { 'data-empty-message': '', text: 'No payouts yet.' });
  if (await loadPage()) {
    if (body.childElementCount === 0)
      section.replaceChildren(h(document, 'h3', { text: 'Payouts' }), empty);
    section.append(more);
  }
}
