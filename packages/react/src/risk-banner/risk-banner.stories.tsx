import type { Meta, StoryObj } from '@storybook/react-vite';
import type { RiskSignal } from '@marketkit/core';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import {
  accountLinkFixture,
  loginLinkFixture,
  riskReportFixture,
  riskSignalFixtures,
} from '../test/fixtures';
import { apiParameters, failsWith, neverAnswers } from '../stories-support/api-parameters';
import { RiskBanner } from './risk-banner';

const navigate = fn().mockName('navigate');
const openWindow = fn().mockName('openWindow');

const meta = {
  title: 'Components/RiskBanner',
  component: RiskBanner,
  tags: ['autodocs'],
  args: { onError: fn(), onDismiss: fn() },
  parameters: { marketkit: { navigate, openWindow } },
} satisfies Meta<typeof RiskBanner>;

export default meta;
type Story = StoryObj<typeof meta>;

const withSignals = (...signals: RiskSignal[]) =>
  apiParameters({ getRisk: riskReportFixture(signals) });

/** Critical signals interrupt (`role="alert"`); the rest wait their turn (`role="status"`). */
const expectRole = async (canvasElement: HTMLElement, role: 'alert' | 'status', text: RegExp) => {
  const signal = await within(canvasElement).findByRole(role);
  await expect(signal).toHaveTextContent(text);
  return signal;
};

export const RequirementsPastDue: Story = {
  parameters: withSignals(riskSignalFixtures.requirementsPastDue),
  play: async ({ canvasElement }) => {
    await expectRole(canvasElement, 'alert', /past due.*by/i);
    // Remediation mints an `update` account link and follows it.
    await userEvent.click(
      within(canvasElement).getByRole('button', { name: 'Update information' }),
    );
    await waitFor(() => expect(navigate).toHaveBeenCalledWith(accountLinkFixture.url));
  },
};

export const RequirementsDue: Story = {
  parameters: withSignals(riskSignalFixtures.requirementsDue),
  play: async ({ canvasElement }) => {
    await expectRole(canvasElement, 'status', /needs more information by/);
  },
};

export const AccountRestricted: Story = {
  parameters: withSignals(riskSignalFixtures.accountRestricted),
  play: async ({ canvasElement }) => {
    await expectRole(canvasElement, 'alert', /restricted/);
  },
};

export const AccountRejected: Story = {
  parameters: withSignals(riskSignalFixtures.accountRejected),
  play: async ({ canvasElement }) => {
    await expectRole(canvasElement, 'alert', /rejected/);
    // Nothing the seller can do from here: no remediation button.
    await expect(within(canvasElement).queryByRole('button')).toBeNull();
  },
};

export const NegativeBalance: Story = {
  parameters: withSignals(riskSignalFixtures.negativeBalance),
  play: async ({ canvasElement }) => {
    await expectRole(canvasElement, 'status', /-\$42\.50/);
  },
};

export const PayoutFailed: Story = {
  parameters: withSignals(riskSignalFixtures.payoutFailed),
  play: async ({ canvasElement }) => {
    await expectRole(canvasElement, 'alert', /A payout could not reach your bank/);
    await expect(
      within(canvasElement).getByRole('button', { name: 'Update bank details' }),
    ).toBeEnabled();
  },
};

export const DisputeOpen: Story = {
  parameters: withSignals(riskSignalFixtures.disputeOpen),
  play: async ({ canvasElement }) => {
    await expectRole(canvasElement, 'status', /\$72\.00/);
    await userEvent.click(
      within(canvasElement).getByRole('button', { name: 'Respond to dispute' }),
    );
    await waitFor(() => expect(openWindow).toHaveBeenCalledWith(loginLinkFixture.url));
  },
};

/** What the seller owes after a refund or a lost dispute once they were paid out, and from which order. */
export const SellerDebt: Story = {
  parameters: withSignals(
    riskSignalFixtures.sellerDebtRefund,
    riskSignalFixtures.sellerDebtDispute,
  ),
  play: async ({ canvasElement }) => {
    const statuses = await within(canvasElement).findAllByRole('status');
    await expect(statuses[0]).toHaveTextContent(
      '$14.25 from refunded order ord_fixture_1 will be deducted from your next sales.',
    );
    await expect(statuses[1]).toHaveTextContent(/dispute you lost on order ord_fixture_5/);
    // Nothing to do but sell: no button, and it cannot be hidden.
    await expect(within(canvasElement).queryByRole('button')).toBeNull();
  },
};

export const SellerDebtFrench: Story = {
  globals: { locale: 'fr' },
  parameters: withSignals(
    riskSignalFixtures.sellerDebtRefund,
    riskSignalFixtures.sellerDebtDispute,
  ),
  play: async ({ canvasElement }) => {
    const statuses = await within(canvasElement).findAllByRole('status');
    await expect(statuses[0]).toHaveTextContent(/de la commande remboursée ord_fixture_1/);
    await expect(statuses[1]).toHaveTextContent(/du litige perdu sur la commande ord_fixture_5/);
  },
};

/** Info-level signals are the only ones a seller can hide. */
export const InfoDismissible: Story = {
  parameters: withSignals(riskSignalFixtures.informational),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expectRole(canvasElement, 'status', /needs more information/);
    await userEvent.click(canvas.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(canvas.queryByRole('status')).toBeNull());
    await expect(args.onDismiss).toHaveBeenCalledWith(riskSignalFixtures.informational);
  },
};

/** Every severity at once, most severe first; only the info one has a dismiss button. */
export const AllSeverities: Story = {
  parameters: withSignals(
    riskSignalFixtures.informational,
    riskSignalFixtures.negativeBalance,
    riskSignalFixtures.payoutFailed,
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('alert');
    const severities = [...canvasElement.querySelectorAll('[data-severity]')]
      .slice(1)
      .map((element) => element.getAttribute('data-severity'));
    await expect(severities).toEqual(['critical', 'warning', 'info']);
    await expect(canvas.getAllByRole('button', { name: 'Dismiss' })).toHaveLength(1);
  },
};

/** A healthy account: the banner takes no space at all. */
export const NoSignals: Story = {
  parameters: withSignals(),
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(canvasElement.querySelector('.mk-StoryCanvas')).toBeEmptyDOMElement(),
    );
  },
};

/** While the report loads the banner stays out of the way rather than flashing a placeholder. */
export const Loading: Story = {
  parameters: apiParameters({ getRisk: neverAnswers }),
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('.mk-RiskBanner')).toBeNull();
  },
};

export const LoadError: Story = {
  parameters: apiParameters({ getRisk: failsWith('forbidden', 'Only sellers have risk reports.') }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeEnabled();
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  parameters: withSignals(
    riskSignalFixtures.payoutFailed,
    riskSignalFixtures.disputeOpen,
    riskSignalFixtures.informational,
  ),
  play: async ({ canvasElement }) => {
    await expectRole(canvasElement, 'alert', /could not reach your bank/i);
  },
};

export const French: Story = {
  globals: { locale: 'fr' },
  parameters: withSignals(
    riskSignalFixtures.requirementsPastDue,
    riskSignalFixtures.negativeBalance,
  ),
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByRole('button', { name: 'Mettre à jour les informations' }),
    ).toBeVisible();
    // Amounts follow the locale: French puts the currency sign after the number.
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent(/42,50\s\$/);
  },
};

/** Stripe's `ConnectNotificationBanner` over the Connect.js stand-in: the account still has requirements due. */
export const Embedded: Story = {
  args: { variant: 'embedded' },
  play: async ({ canvasElement }) => {
    await waitFor(
      () =>
        expect(canvasElement.querySelector('stripe-connect-notification-banner')).toHaveTextContent(
          /first name/i,
        ),
      { timeout: 5000 },
    );
  },
};
