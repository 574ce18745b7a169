import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server } from '../test/server';
import { TEST_API_BASE, apiErrorResponse, createMarketkitHandlers } from '../test/handlers';
import {
  emptyPlatformRiskFixture,
  platformRiskFixture,
  platformRiskWithDebtsFixture,
} from '../test/fixtures';
import { fr } from '../i18n/fr';
import { renderWithProvider } from '../test/render';
import { expectNoAxeViolations } from '../test/axe';
import { PlatformRiskTable } from './platform-risk-table';

function accountNames() {
  return within(screen.getByRole('table', { name: 'Accounts at risk' }))
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent);
}

describe('PlatformRiskTable', () => {
  it('lists accounts at risk, most exposed first, with the platform’s exposure per currency', async () => {
    const { container } = renderWithProvider(<PlatformRiskTable />);
    await screen.findByRole('table', { name: 'Accounts at risk' });
    expect(accountNames()).toEqual(['Lin Prints', 'Grace Textiles', 'Ada’s Pottery']);
    expect(screen.getByRole('region', { name: 'Accounts at risk' })).toHaveTextContent(
      'Platform exposure$42.50, €900.00',
    );
    const grace = screen.getByRole('row', { name: /Grace Textiles/ });
    expect(grace).toHaveTextContent('Grace TextilesWarning2$42.50Enabled');
    expect(screen.getByRole('columnheader', { name: /Exposure/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await expectNoAxeViolations(container);
  });

  it('sorts by a column when its header is activated, and flips on the second press', async () => {
    const user = userEvent.setup();
    renderWithProvider(<PlatformRiskTable />);
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Severity' }));
    expect(accountNames()).toEqual(['Ada’s Pottery', 'Grace Textiles', 'Lin Prints']);
    expect(screen.getByRole('columnheader', { name: /Severity/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    screen.getByRole('button', { name: 'Account' }).focus();
    await user.keyboard('{Enter}');
    expect(accountNames()).toEqual(['Ada’s Pottery', 'Grace Textiles', 'Lin Prints']);
    await user.keyboard('{Enter}');
    expect(accountNames()).toEqual(['Lin Prints', 'Grace Textiles', 'Ada’s Pottery']);
    expect(screen.getByRole('columnheader', { name: /Account/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
  });

  it('says so when no account is at risk', async () => {
    server.use(
      ...createMarketkitHandlers({ overrides: { getPlatformRisk: emptyPlatformRiskFixture } }),
    );
    const { container } = renderWithProvider(<PlatformRiskTable />);
    expect(await screen.findByText('No accounts at risk')).toBeInTheDocument();
    expect(screen.getByText('No exposure')).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('explains a refusal for non-admins and retries', async () => {
    let calls = 0;
    server.use(
      http.get(`${TEST_API_BASE}/platform/risk`, () => {
        calls += 1;
        return calls === 1
          ? apiErrorResponse('forbidden', 'Only platform admins can see platform risk.')
          : HttpResponse.json(platformRiskFixture);
      }),
    );
    const onError = vi.fn();
    const { container } = renderWithProvider(<PlatformRiskTable onError={onError} />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This is not available with your account. Sign in with the right account.',
    );
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'forbidden', httpStatus: 403 }),
    );
    await expectNoAxeViolations(container);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(accountNames()).toHaveLength(3));
  });

  it('lists what each seller owes, with its reason, age and what is left, counted in the exposure', async () => {
    server.use(
      ...createMarketkitHandlers({ overrides: { getPlatformRisk: platformRiskWithDebtsFixture } }),
    );
    const { container } = renderWithProvider(<PlatformRiskTable />);
    const debts = await screen.findByRole('table', { name: 'Seller debts' });
    expect(
      within(debts)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Seller', 'Order', 'Reason', 'Outstanding', 'Owed at first', 'Age']);
    // Grouped by seller, oldest first within a seller; names come from the accounts, not raw ids.
    const rows = within(debts).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      'Grace Textilesord_fixture_5Lost dispute$30.00$50.0012 days',
      'Grace Textilesord_fixture_1Refund after payout$14.25$14.25Today',
      'Mo’s Framesord_fixture_9Refund after payout€120.00€120.001 day',
    ]);
    expect(within(rows[0]!).getByRole('rowheader')).toHaveTextContent('Grace Textiles');
    // Exposure per currency already includes the debts; the summary says how much of it is debt.
    const summary = screen.getByRole('region', { name: 'Accounts at risk' });
    expect(summary).toHaveTextContent('Platform exposure$86.75, €1,020.00');
    expect(summary).toHaveTextContent('Including seller debt$44.25, €120.00');
    await expectNoAxeViolations(container);
  });

  it('names each debt’s order the way the app does when given an orderLabel', async () => {
    server.use(
      ...createMarketkitHandlers({ overrides: { getPlatformRisk: platformRiskWithDebtsFixture } }),
    );
    renderWithProvider(
      <PlatformRiskTable orderLabel={(orderId) => `Order ${orderId.slice(-1)}`} />,
    );
    const debts = await screen.findByRole('table', { name: 'Seller debts' });
    const orders = within(debts)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[0]!.textContent);
    expect(orders).toEqual(['Order 5', 'Order 1', 'Order 9']);
  });

  it('lists seller debts in French', async () => {
    server.use(
      ...createMarketkitHandlers({ overrides: { getPlatformRisk: platformRiskWithDebtsFixture } }),
    );
    renderWithProvider(<PlatformRiskTable />, { locale: 'fr-FR', messages: fr });
    const debts = await screen.findByRole('table', { name: 'Dettes des vendeurs' });
    const rows = within(debts).getAllByRole('row');
    expect(rows[1]).toHaveTextContent(/Litige perdu\s*30,00\s\$US\s*50,00\s\$US\s*12 jours/);
    expect(rows[3]).toHaveTextContent(/Remboursement après virement.*1 jour$/);
    expect(screen.getByText('Dont dettes des vendeurs')).toBeInTheDocument();
  });

  it('shows no debt table when nobody owes anything', async () => {
    renderWithProvider(<PlatformRiskTable />);
    await screen.findByRole('table', { name: 'Accounts at risk' });
    expect(screen.queryByRole('table', { name: 'Seller debts' })).toBeNull();
    expect(screen.queryByText('Including seller debt')).toBeNull();
  });
});
