import type { Engine } from '../core/engine';
import { randomToken } from '../ids';
import { escapeHtml, field, html, page, redirect } from '../http/html';
import type { HostedResponse } from '../http/route';
import {
  onboardingScenarios,
  passingValues,
  submitOnboardingFields,
  type OnboardingFields,
} from './onboarding-form';

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
