import { h } from '../../dom';
import type { ConnectView } from '../connect-elements';
import { dueRequirements, type SandboxAccount } from './account';
import { describeRequirement, describeRequirements } from './requirement-labels';

/** Stripe's documented test values that pass verification; the form starts with them so a click completes onboarding. */
const passingValues = {
  first_name: 'Jenny',
  last_name: 'Rosen',
  dob_day: '1',
  dob_month: '1',
  dob_year: '1901',
  line1: 'address_full_match',
  city: 'San Francisco',
  state: 'CA',
  postal_code: '94111',
  phone: '0000000000',
  email: 'jenny.rosen@example.com',
  id_number: '000000000',
  routing_number: '110000000',
  account_number: '000123456789',
};

type FieldName = keyof typeof passingValues;

const fields: Array<{
  name: FieldName;
  label: string;
  autocomplete?: string;
  inputmode?: string;
  required?: boolean;
  type?: string;
}> = [
  { name: 'first_name', label: 'First name', autocomplete: 'given-name', required: true },
  { name: 'last_name', label: 'Last name', autocomplete: 'family-name', required: true },
  { name: 'dob_day', label: 'Day', inputmode: 'numeric', required: true },
  { name: 'dob_month', label: 'Month', inputmode: 'numeric', required: true },
  { name: 'dob_year', label: 'Year', inputmode: 'numeric', required: true },
  { name: 'line1', label: 'Address line 1', autocomplete: 'address-line1', required: true },
  { name: 'city', label: 'City', autocomplete: 'address-level2', required: true },
  { name: 'state', label: 'State', autocomplete: 'address-level1' },
  { name: 'postal_code', label: 'Postal code', autocomplete: 'postal-code', required: true },
  { name: 'phone', label: 'Phone', autocomplete: 'tel', type: 'tel' },
  { name: 'email', label: 'Email', autocomplete: 'email', type: 'email' },
  { name: 'id_number', label: 'ID number (SSN)', inputmode: 'numeric', required: true },
  { name: 'routing_number', label: 'Routing number', inputmode: 'numeric', required: true },
  { name: 'account_number', label: 'Account number', inputmode: 'numeric', required: true },
];

/** The embedded onboarding: one accessible form that completes the account's requirements in the sandbox. */
export const renderAccountOnboarding: ConnectView = async (context) => {
  const { document, root, connector, call } = context;
  const loaded = await connector.request<SandboxAccount>('GET', 'account');
  if (!loaded.ok) return context.fail(loaded.error);
  const account = loaded.body;

  const inputs = new Map<FieldName, HTMLInputElement>();
  const field = (name: FieldName) => {
    const spec = fields.find((candidate) => candidate.name === name)!;
    const prefilled =
      name === 'first_name'
        ? (account.individual?.first_name ?? passingValues.first_name)
        : name === 'last_name'
          ? (account.individual?.last_name ?? passingValues.last_name)
          : passingValues[name];
    const input = h(document, 'input', {
      name,
      type: spec.type ?? 'text',
      autocomplete: spec.autocomplete,
      inputmode: spec.inputmode,
      required: spec.required,
      value: prefilled,
    }) as HTMLInputElement;
    inputs.set(name, input);
    return h(document, 'label', {}, h(document, 'span', { text: spec.label }), input);
  };

  // With setSkipTermsOfServiceCollection(true) the platform collects acceptance itself, as with Stripe.
  const collectTerms = context.settings.skipTermsOfServiceCollection !== true;
  const termsUrl =
    typeof context.settings.fullTermsOfServiceUrl === 'string'
      ? context.settings.fullTermsOfServiceUrl
      : 'https://stripe.com/legal/connect-account';
  const terms = h(document, 'input', {
    type: 'checkbox',
    name: 'accept_tos',
    required: true,
  }) as HTMLInputElement;
  const termsField = collectTerms
    ? h(
        document,
        'label',
        { style: 'display:flex;gap:.5em;align-items:center' },
        terms,
        h(
          document,
          'span',
          {},
          'I agree to the ',
          h(document, 'a', {
            href: termsUrl,
            target: '_blank',
            rel: 'noreferrer',
            text: 'Stripe Connected Account Agreement',
          }),
        ),
      )
    : null;
  const alert = h(document, 'div', { role: 'alert' });
  const status = h(document, 'p', { role: 'status' });
  const submit = h(document, 'button', { type: 'submit', text: 'Submit' }) as HTMLButtonElement;
  const exit = h(document, 'button', {
    type: 'button',
    'data-variant': 'secondary',
    text: 'Exit',
    onClick: () => call('onExit'),
  });

  // What Stripe still needs, one human label per thing to fill in (never a raw key such as individual.dob.day).
  const neededList = () => {
    const needed = describeRequirements(dueRequirements(account), connector.locale);
    if (needed.length === 0) return null;
    return h(
      document,
      'section',
      { 'aria-label': 'Information needed' },
      h(document, 'p', { text: 'Stripe needs:' }),
      h(document, 'ul', {}, ...needed.map((label) => h(document, 'li', { text: label }))),
    );
  };

  const value = (name: FieldName) => inputs.get(name)?.value.trim() ?? '';
  const optional = (name: FieldName) => value(name) || undefined;

  const form = h(
    document,
    'form',
    {
      'aria-label': 'Sandbox account onboarding',
      'data-state': 'form',
      onSubmit: (event) => {
        event.preventDefault();
        void send();
      },
    },
    h(document, 'p', { class: 'mk-sandbox-badge', text: 'Sandbox — not a real Stripe form' }),
    h(document, 'p', {
      text: "Prefilled with Stripe's passing test values. Use ID number 111111111 or account number 000111111116 to see a failure.",
    }),
    neededList(),
    h(
      document,
      'fieldset',
      {},
      h(document, 'legend', { text: 'Personal details' }),
      h(document, 'div', { class: 'mk-sandbox-row' }, field('first_name'), field('last_name')),
      h(
        document,
        'fieldset',
        {},
        h(document, 'legend', { text: 'Date of birth' }),
        h(
          document,
          'div',
          { class: 'mk-sandbox-row' },
          field('dob_day'),
          field('dob_month'),
          field('dob_year'),
        ),
      ),
      field('line1'),
      h(
        document,
        'div',
        { class: 'mk-sandbox-row' },
        field('city'),
        field('state'),
        field('postal_code'),
      ),
      h(document, 'div', { class: 'mk-sandbox-row' }, field('phone'), field('email')),
      field('id_number'),
    ),
    h(
      document,
      'fieldset',
      {},
      h(document, 'legend', { text: 'Bank account for payouts' }),
      h(
        document,
        'div',
        { class: 'mk-sandbox-row' },
        field('routing_number'),
        field('account_number'),
      ),
    ),
    termsField,
    alert,
    status,
    h(document, 'div', { class: 'mk-sandbox-row' }, submit, exit),
  );

  const send = async () => {
    submit.disabled = true;
    alert.textContent = '';
    status.textContent = 'Submitting…';
    call('onStepChange', { step: 'summary_submit' });
    const result = await connector.request<SandboxAccount>('POST', 'onboarding', {
      first_name: value('first_name'),
      last_name: value('last_name'),
      dob: {
        day: Number(value('dob_day')),
        month: Number(value('dob_month')),
        year: Number(value('dob_year')),
      },
      address: {
        line1: value('line1'),
        city: value('city'),
        postal_code: value('postal_code'),
        state: optional('state'),
      },
      id_number: value('id_number'),
      phone: optional('phone'),
      email: optional('email'),
      routing_number: value('routing_number'),
      account_number: value('account_number'),
      accept_tos: collectTerms && terms.checked,
    });
    if (!context.isCurrent()) return;
    submit.disabled = false;
    status.textContent = '';
    if (!result.ok) {
      alert.textContent = result.error.message;
      return;
    }
    // The endpoint answers with the account; re-read it if it answered with something smaller.
    let updated = result.body;
    if (updated?.object !== 'account') {
      const reread = await connector.request<SandboxAccount>('GET', 'account');
      if (!reread.ok) {
        alert.textContent = reread.error.message;
        return;
      }
      updated = reread.body;
    }
    const errors = updated.requirements?.errors ?? [];
    const due = dueRequirements(updated);
    if (errors.length > 0 || due.length > 0) {
      alert.replaceChildren(
        h(document, 'p', { text: 'Some details could not be verified:' }),
        h(
          document,
          'ul',
          {},
          ...(errors.length > 0
            ? errors.map((error) =>
                h(document, 'li', {
                  text: `${describeRequirement(error.requirement, connector.locale)}: ${error.reason}`,
                }),
              )
            : describeRequirements(due, connector.locale).map((label) =>
                h(document, 'li', { text: `${label} is still due` }),
              )),
        ),
      );
      return;
    }
    form.dataset.state = 'complete';
    root.replaceChildren(
      h(
        document,
        'div',
        { 'data-state': 'complete' },
        h(document, 'p', { class: 'mk-sandbox-badge', text: 'Sandbox' }),
        h(document, 'p', {
          role: 'status',
          text: 'Onboarding complete. Your account details were submitted.',
        }),
      ),
    );
    call('onExit');
  };

  if (
    account.details_submitted &&
    dueRequirements(account).length === 0 &&
    (account.requirements?.errors ?? []).length === 0
  ) {
    root.append(
      h(
        document,
        'div',
        { 'data-state': 'complete' },
        h(document, 'p', { class: 'mk-sandbox-badge', text: 'Sandbox' }),
        h(document, 'p', { text: 'Your account details are complete; nothing is due.' }),
        h(document, 'button', { type: 'button', text: 'Done', onClick: () => call('onExit') }),
      ),
    );
    return;
  }
  call('onStepChange', { step: 'representative_details' });
  root.append(form);
};
