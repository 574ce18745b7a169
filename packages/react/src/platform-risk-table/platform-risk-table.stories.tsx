import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { emptyPlatformRiskFixture, platformRiskWithDebtsFixture } from '../test/fixtures';
import { apiParameters, failsWith, neverAnswers } from '../stories-support/api-parameters';
import { PlatformRiskTable } from './platform-risk-table';

const meta = {
  title: 'Components/PlatformRiskTable',
  component: PlatformRiskTable,
  tags: ['autodocs'],
  args: { onError: fn() },
} satisfies Meta<typeof PlatformRiskTable>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Account names in the order the table shows them. */
const rowNames = (canvasElement: HTMLElement) =>
  within(canvasElement)
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent);

/** Accounts at risk, most exposure first, with the platform's exposure per currency. */
export const Overview: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('$42.50, €900.00')).toBeVisible();
    await expect(rowNames(canvasElement)).toEqual([
      'Lin Prints',
      'Grace Textiles',
      'Ada’s Pottery',
    ]);
  },
};

/** Sorting by a column header; pressing it again reverses the order. */
export const SortByName: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const account = await canvas.findByRole('button', { name: 'Account' });
    await userEvent.click(account);
    await expect(rowNames(canvasElement)).toEqual([
      'Ada’s Pottery',
      'Grace Textiles',
      'Lin Prints',
    ]);
    await expect(canvas.getByRole('columnheader', { name: /Account/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    await userEvent.click(account);
    await expect(rowNames(canvasElement)).toEqual([
      'Lin Prints',
      'Grace Textiles',
      'Ada’s Pottery',
    ]);
  },
};

export const SortBySeverity: Story = {
  args: { defaultSort: { key: 'severity', direction: 'descending' } },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findAllByRole('rowheader');
    await expect(rowNames(canvasElement)[0]).toBe('Ada’s Pottery');
  },
};

/** Sellers who owe the platform after a refund or a lost dispute, by seller, with age and what is left. */
export const SellerDebts: Story = {
  parameters: apiParameters({ getPlatformRisk: platformRiskWithDebtsFixture }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const debts = await canvas.findByRole('table', { name: 'Seller debts' });
    await expect(
      within(debts)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Grace Textiles', 'Grace Textiles', 'Mo’s Frames']);
    await expect(within(debts).getByText('12 days')).toBeVisible();
    await expect(canvas.getByText('$44.25, €120.00')).toBeVisible();
  },
};

export const SellerDebtsFrench: Story = {
  globals: { locale: 'fr' },
  parameters: apiParameters({ getPlatformRisk: platformRiskWithDebtsFixture }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const debts = await canvas.findByRole('table', { name: 'Dettes des vendeurs' });
    await expect(within(debts).getByText('12 jours')).toBeVisible();
    await expect(canvas.getByText('Dont dettes des vendeurs')).toBeVisible();
  },
};

export const NoAccountsAtRisk: Story = {
  parameters: apiParameters({ getPlatformRisk: emptyPlatformRiskFixture }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('No accounts at risk')).toBeVisible();
    await expect(canvas.getByText('No exposure')).toBeVisible();
    await expect(canvas.queryByRole('table')).toBeNull();
  },
};

export const Loading: Story = {
  parameters: apiParameters({ getPlatformRisk: neverAnswers }),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Loading…');
  },
};

/** Sellers are not allowed to see the platform overview. */
export const Forbidden: Story = {
  parameters: apiParameters({
    getPlatformRisk: failsWith('forbidden', 'Only platform admins can see the risk overview.'),
  }),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeEnabled();
    await waitFor(() => expect(args.onError).toHaveBeenCalled());
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('table')).toBeVisible();
  },
};

export const French: Story = {
  globals: { locale: 'fr' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Comptes à risque' })).toBeVisible();
    await expect(await canvas.findByText(/^42,50\s\$US, 900,00\s€$/)).toBeVisible();
  },
};
