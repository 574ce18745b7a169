import { h } from '../../dom';
import { formatTimestamp } from '../../format';
import type { ConnectView } from '../connect-elements';
import { dueRequirements, type SandboxAccount } from './account';
import { describeRequirement, describeRequirements } from './requirement-labels';

/** Lists what the account must still provide; renders nothing (like Stripe's banner) when nothing is due. */
export const renderNotificationBanner: ConnectView = async (context) => {
  const { document, root, connector, call } = context;
  const loaded = await connector.request<SandboxAccount>('GET', 'account');
  if (!loaded.ok) return context.fail(loaded.error);
  const account = loaded.body;
  const due = describeRequirements(dueRequirements(account), connector.locale);
  const errors = account.requirements?.errors ?? [];
  const pastDue = account.requirements?.past_due ?? [];
  const total = due.length + errors.length;
  call('onNotificationsChange', { total, actionRequired: total });
  if (total === 0) {
    root.dataset.state = 'none';
    return;
  }
  const deadline = account.requirements?.current_deadline;
  root.append(
    h(
      document,
      'section',
      {
        role: 'region',
        'aria-label': 'Account notifications',
        'data-state': pastDue.length > 0 ? 'past-due' : 'due',
      },
      h(document, 'p', { class: 'mk-sandbox-badge', text: 'Sandbox' }),
      h(document, 'p', {
        text:
          `Action required: ${total} ${total === 1 ? 'item is' : 'items are'} due` +
          (deadline ? ` by ${formatTimestamp(deadline, connector.locale)}.` : '.') +
          (account.requirements?.disabled_reason
            ? ` Account restricted (${account.requirements.disabled_reason}).`
            : ''),
      }),
      h(
        document,
        'ul',
        {},
        ...errors.map((error) =>
          h(document, 'li', {
            text: `${describeRequirement(error.requirement, connector.locale)}: ${error.reason}`,
          }),
        ),
        ...due.map((label) => h(document, 'li', { text: label })),
      ),
    ),
  );
};
