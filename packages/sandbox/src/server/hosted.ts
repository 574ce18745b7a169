import type { Engine } from './engine';
import {
  onboardingScenarios,
  passingValues,
  submitOnboardingFields,
  type OnboardingFields,
} from './onboarding-form';
import { randomToken } from './ids';

export interface HostedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

function page(title: string, content: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Sandbox</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f6f8fa;color:#1a1f36}
main{max-width:560px;margin:2rem auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 3px #0002}
.banner{background:#fff3cd;border:1px solid #e0b400;padding:.5rem 1rem;border-radius:4px;font-weight:600}
label{display:block;margin-top:1rem;font-weight:500}
input,select{width:100%;padding:.5rem;font:inherit;box-sizing:border-box}
button{margin-top:1.5rem;padding:.75rem 1.5rem;font:inherit;background:#635bff;color:#fff;border:0;border-radius:4px}
table{width:100%;border-collapse:collapse}td,th{text-align:left;padding:.25rem;border-bottom:1px solid #eee}
</style>
</head>
<body>
<main>
<p class="banner" role="note">Sandbox — not a real Stripe page</p>
${content}
</main>
</body>
</html>`;
}

const html = (status: number, body: string): HostedResponse => ({
  status,
  headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  body,
});
const redirect = (location: string): HostedResponse => ({
  status: 303,
  headers: { Location: location },
  body: '',
});

function field(name: string, label: string, value: string, type = 'text') {
  return `<label for="${name}">${label}</label><input id="${name}" name="${name}" type="${type}" value="${escapeHtml(value)}" required>`;
}

/** `GET /_sandbox/hosted/onboarding/:link`: consumes the single-use link and shows the form. */
export function onboardingPage(engine: Engine, linkId: string): HostedResponse {
  const link = engine.state.accountLinks[linkId];
  if (!link) return html(404, page('Link not found', '<h1>This link is not valid</h1>'));
  if (link.used || link.link.expires_at <= engine.now()) return redirect(link.refresh_url);
  link.used = true;
  const token = randomToken(24);
  link.form_token = token;
  engine.changed();
  const account = engine.state.accounts[link.account]?.account;
  const scenarios = Object.entries(onboardingScenarios)
    .map(([value, label]) => `<option value="${value}">${escapeHtml(label)}</option>`)
    .join('');
  const title = link.type === 'account_update' ? 'Update your account' : 'Set up payouts';
  return html(
    200,
    page(
      title,
      `<h1>${title}</h1>
<p>Account <code>${escapeHtml(link.account)}</code>${account?.email ? ` (${escapeHtml(account.email)})` : ''}. Prefilled with Stripe's passing test values.</p>
<form method="post" action="/_sandbox/hosted/onboarding/${linkId}">
<input type="hidden" name="form_token" value="${token}">
<label for="scenario">Test scenario</label>
<select id="scenario" name="scenario">${scenarios}</select>
<label for="business_type">Business type</label>
<select id="business_type" name="business_type"><option value="individual">Individual</option><option value="company">Company</option></select>
${field('first_name', 'First name', passingValues.first_name)}
${field('last_name', 'Last name', passingValues.last_name)}
${field('email', 'Email', account?.email ?? passingValues.email, 'email')}
${field('dob', 'Date of birth', passingValues.dob, 'date')}
${field('address_line1', 'Address line 1', passingValues.address_line1)}
${field('address_city', 'City', passingValues.address_city)}
${field('address_postal_code', 'Postal code', passingValues.address_postal_code)}
${field('id_number', 'Social Security number', passingValues.id_number)}
${field('routing_number', 'Bank routing number', passingValues.routing_number)}
${field('account_number', 'Bank account number', passingValues.account_number)}
<label><input type="checkbox" name="accept_tos" checked style="width:auto"> I accept the Stripe Connected Account Agreement (sandbox)</label>
<button type="submit">Submit</button>
</form>`,
    ),
  );
}

/** `POST /_sandbox/hosted/onboarding/:link`: applies the answers and 303s to `return_url`. */
export function submitOnboarding(
  engine: Engine,
  linkId: string,
  fields: Record<string, unknown>,
  ip?: string,
): HostedResponse {
  const link = engine.state.accountLinks[linkId];
  if (!link) return html(404, page('Link not found', '<h1>This link is not valid</h1>'));
  if (!link.form_token || link.form_token !== fields.form_token) return redirect(link.refresh_url);
  link.form_token = undefined;
  const record = engine.state.accounts[link.account];
  if (!record) return redirect(link.refresh_url);
  submitOnboardingFields(engine, record, fields as OnboardingFields, ip);
  return redirect(link.return_url);
}

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
