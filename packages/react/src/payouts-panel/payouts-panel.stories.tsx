import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import {
  balanceFixture,
  emptyBalanceFixture,
  emptyPayoutsPageFixture,
  loginLinkFixture,
  lockedPayoutScheduleFixture,
  manyPayoutsFixture,
  multiCurrencyBalanceFixture,
  payoutsFixture,
} from '../test/fixtures';
import {
  apiParameters,
  failsWith,
  neverAnswers,
  paginatedPayouts,
} from '../stories-support/api-parameters';
import { PayoutsPanel } from './payouts-panel';

const openWindow = fn().mockName('openWindow');

const meta = {
  title: 'Components/PayoutsPanel',
  component: PayoutsPanel,
  tags: ['autodocs'],
  args: { onError: fn(), onPayout: fn() },
  parameters: { marketkit: { openWindow } },
} satisfies Meta<typeof PayoutsPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

const history = (canvasElement: HTMLElement) =>
  within(within(canvasElement).getByRole('region', { name: 'Payout history' }));

/** Balances, the next payout, and one payout in each status. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByText('Next payout: $1,250.00 arriving Jan 17, 2026'),
    ).toBeVisible();
    // A header row plus paid, pending, in transit, failed and canceled (the header shows while loading).
    await waitFor(() =>
      expect(history(canvasElement).getAllByRole('row')).toHaveLength(payoutsFixture.length + 1),
    );
  },
};

/** "Pay out now" asks first, then creates the payout and says so. */
export const PayOutNow: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Pay out now' }));
    const confirmation = within(canvas.getByRole('group', { name: 'Confirm' }));
    await expect(confirmation.getByText('Pay out $1,250.00 to your bank account?')).toBeVisible();
    await userEvent.click(confirmation.getByRole('button', { name: 'Confirm' }));
    await expect(await canvas.findByText(/^Payout of .* created\.$/)).toBeVisible();
    await expect(args.onPayout).toHaveBeenCalledTimes(1);
    await expect(canvas.queryByRole('group', { name: 'Confirm' })).toBeNull();
  },
};

/** A debit card that accepts instant payouts: the instant button appears and confirms with a fee warning. */
export const InstantEligible: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Instant payout' }));
    await expect(
      canvas.getByText('Pay out $500.00 instantly to your debit card? A fee may apply.'),
    ).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel' }));
    await expect(canvas.queryByRole('group', { name: 'Confirm' })).toBeNull();
  },
};

export const InstantUnavailable: Story = {
  parameters: apiParameters({
    getBalance: { ...balanceFixture, instantPayouts: 'no_eligible_card', instantAvailable: [] },
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('button', { name: 'Pay out now' })).toBeEnabled();
    await expect(canvas.queryByRole('button', { name: 'Instant payout' })).toBeNull();
  },
};

export const FailedPayout: Story = {
  parameters: apiParameters({
    listPayouts: {
      data: payoutsFixture.filter((payout) => payout.status === 'failed'),
      hasMore: false,
      nextCursor: null,
    },
  }),
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText(
        'Your bank returned this payout. Check your bank details.',
      ),
    ).toBeVisible();
  },
};

/** 25 payouts, ten per page, paged with the server's cursors. */
export const ManyPages: Story = {
  parameters: apiParameters({ listPayouts: paginatedPayouts(manyPayoutsFixture) }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const next = await canvas.findByRole('button', { name: 'Next page' });
    await waitFor(() => expect(history(canvasElement).getAllByRole('row')).toHaveLength(11));
    await expect(canvas.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    const firstRow = () => history(canvasElement).getAllByRole('row')[1]?.textContent;
    const pageOneFirstRow = firstRow();
    await userEvent.click(next);
    // Page two must have arrived (new rows, nothing busy) before "Next page" can be pressed again.
    await waitFor(() => {
      expect(firstRow()).not.toBe(pageOneFirstRow);
      expect(canvasElement.querySelector('[aria-busy="true"]')).toBeNull();
      expect(canvas.getByRole('button', { name: 'Next page' })).toBeEnabled();
    });
    await userEvent.click(canvas.getByRole('button', { name: 'Next page' }));
    // The third page holds the last five.
    await waitFor(() => expect(history(canvasElement).getAllByRole('row')).toHaveLength(6));
    await expect(canvas.getByRole('button', { name: 'Next page' })).toBeDisabled();
  },
};

export const Empty: Story = {
  parameters: apiParameters({
    getBalance: emptyBalanceFixture,
    listPayouts: emptyPayoutsPageFixture,
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('No payouts yet')).toBeVisible();
    await expect(canvas.getByText('No payout scheduled')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Pay out now' })).toBeDisabled();
  },
};

export const MultipleCurrencies: Story = {
  parameters: apiParameters({ getBalance: multiCurrencyBalanceFixture }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('€80.00')).toBeVisible();
    await waitFor(() => expect(canvasElement.querySelector('[aria-busy="true"]')).toBeNull());
  },
};

/** The seller changes the payout schedule where the platform allows it. */
export const EditSchedule: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Edit schedule' }));
    await userEvent.selectOptions(await canvas.findByLabelText('Frequency'), 'monthly');
    await expect(canvas.getByLabelText('Day of the month')).toHaveValue(1);
    await userEvent.click(canvas.getByRole('button', { name: 'Save schedule' }));
    await waitFor(() => expect(canvas.queryByLabelText('Frequency')).toBeNull());
  },
};

export const ScheduleLockedByPlatform: Story = {
  parameters: apiParameters({ getPayoutSchedule: lockedPayoutScheduleFixture }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Daily')).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Edit schedule' })).toBeNull();
  },
};

/** The Express Dashboard link is minted on click and opened in a new tab. */
export const OpenDashboard: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Open Express Dashboard' }));
    await waitFor(() => expect(openWindow).toHaveBeenCalledWith(loginLinkFixture.url));
  },
};

export const Loading: Story = {
  parameters: apiParameters({ getBalance: neverAnswers }),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Loading…');
  },
};

export const LoadError: Story = {
  parameters: apiParameters({
    getBalance: failsWith('account_missing', 'Set up payouts before viewing your balance.'),
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeEnabled();
  },
};

export const PayoutRefused: Story = {
  parameters: apiParameters({
    createPayout: failsWith('rate_limited', 'Too many payouts requested; try again in a minute.'),
  }),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Pay out now' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Confirm' }));
    await expect(await canvas.findByRole('alert')).toBeVisible();
    await expect(args.onPayout).not.toHaveBeenCalled();
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText(
        'Your bank returned this payout. Check your bank details.',
      ),
    ).toBeVisible();
  },
};

export const French: Story = {
  globals: { locale: 'fr' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Virements' })).toBeVisible();
    // Amounts and dates follow the locale too.
    await expect(
      await canvas.findByText(/^Prochain virement : 1\s250,00\s\$US, arrivée le 17 janv\. 2026$/),
    ).toBeVisible();
  },
};

/** Stripe's `ConnectPayouts` over the Connect.js stand-in. */
export const Embedded: Story = {
  args: { variant: 'embedded' },
  parameters: {
    // Real Connect.js draws in an iframe, a separate document; the stand-in draws inline, so its own
    // "Payouts" region sits inside the kit's "Payouts" region and axe sees two landmarks with one name.
    // The stand-in's own colours are Stripe's UI (an iframe axe cannot see in production), not the kit's.
    a11y: {
      config: { rules: [{ id: 'landmark-unique', enabled: false }] },
      context: { include: ['body'], exclude: ['.mk-sandbox'] },
    },
  },
  play: async ({ canvasElement }) => {
    const element = await waitFor(
      () => {
        const payouts = canvasElement.querySelector('stripe-connect-payouts');
        expect(payouts).toHaveTextContent('The bank account has been closed.');
        return payouts!;
      },
      { timeout: 5000 },
    );
    await expect(
      within(element as HTMLElement).getByRole('button', { name: /pay out/i }),
    ).toBeVisible();
  },
};
