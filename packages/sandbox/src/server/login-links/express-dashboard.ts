import type { Engine } from '../core/engine';
import { escapeHtml, html, page } from '../http/html';
import type { HostedResponse } from '../http/route';

/** `GET /_sandbox/hosted/express/:loginLink`: a single-use Express-dashboard look-alike. */
export function expressDashboardPage(engine: Engine, loginLinkId: string): HostedResponse {
  const link = engine.state.loginLinks[loginLinkId];
  if (!link) return html(404, page('Link not found', '<h1>This link is not valid</h1>'));
  if (link.used)
    return html(
      410,
      page(
        'Link expired',
        '<h1>This login link has already been used</h1><p>Ask the platform for a new one.</p>',
      ),
    );
  link.used = true;
  engine.changed();
  const balance = engine.balance(link.account);
  const money = (amount: number, currency: string) =>
    `${(amount / 100).toFixed(2)} ${currency.toUpperCase()}`;
  const rows = balance.available
    .map(
      (entry, index) =>
        `<tr><td>${entry.currency.toUpperCase()}</td><td>${money(entry.amount, entry.currency)}</td><td>${money(balance.pending[index]?.amount ?? 0, entry.currency)}</td></tr>`,
    )
    .join('');
  const payouts = Object.values(engine.state.payouts)
    .filter((payout) => engine.ownerOf(payout.id) === link.account)
    .reverse()
    .map(
      (payout) =>
        `<tr><td>${new Date(payout.arrival_date * 1000).toISOString().slice(0, 10)}</td><td>${money(payout.amount, payout.currency)}</td><td>${payout.method}</td><td data-status="${payout.status}">${payout.status}</td></tr>`,
    )
    .join('');
  return html(
    200,
    page(
      'Express dashboard',
      `<h1>Express dashboard</h1>
<p>Account <code>${escapeHtml(link.account)}</code></p>
<h2>Balance</h2>
<table aria-label="Balance"><thead><tr><th scope="col">Currency</th><th scope="col">Available</th><th scope="col">Pending</th></tr></thead><tbody>${rows}</tbody></table>
<h2>Payouts</h2>
${payouts ? `<table aria-label="Payouts"><thead><tr><th scope="col">Arrival</th><th scope="col">Amount</th><th scope="col">Method</th><th scope="col">Status</th></tr></thead><tbody>${payouts}</tbody></table>` : '<p>No payouts yet.</p>'}`,
    ),
  );
}
