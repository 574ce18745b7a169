import { h } from '../../dom';
import { formatMinorUnits, formatTimestamp } from '../../format';
import type { ConnectView } from '../connect-elements';

interface SandboxPaymentRow {
  id: string;
  object?: string;
  amount: number;
  currency: string;
  status?: string;
  type?: string;
  created: number;
  description?: string | null;
}

/** Payments received by the connected account (charges, transfers or balance transactions, whatever the sandbox lists). */
export const renderPayments: ConnectView = async (context) => {
  const { document, root, connector } = context;
  const page = await connector.request<{ data: SandboxPaymentRow[]; has_more: boolean }>(
    'GET',
    'payments?limit=25',
  );
  if (!page.ok) return context.fail(page.error);
  if (page.body.data.length === 0) {
    root.append(
      h(
        document,
        'section',
        { 'aria-label': 'Payments', 'data-state': 'empty' },
        h(document, 'p', { text: 'No payments yet.' }),
      ),
    );
    return;
  }
  root.append(
    h(
      document,
      'table',
      { 'data-state': 'loaded' },
      h(document, 'caption', { text: 'Payments' }),
      h(
        document,
        'thead',
        {},
        h(
          document,
          'tr',
          {},
          ...['Amount', 'Status', 'Date', 'Description'].map((label) =>
            h(document, 'th', { scope: 'col', text: label }),
          ),
        ),
      ),
      h(
        document,
        'tbody',
        {},
        ...page.body.data.map((row) =>
          h(
            document,
            'tr',
            { 'data-status': row.status ?? row.type ?? '' },
            h(document, 'td', {
              text: formatMinorUnits(row.amount, row.currency, connector.locale),
            }),
            h(document, 'td', { text: row.status ?? row.type ?? '' }),
            h(document, 'td', { text: formatTimestamp(row.created, connector.locale) }),
            h(document, 'td', { text: row.description ?? row.id }),
          ),
        ),
      ),
    ),
  );
};
