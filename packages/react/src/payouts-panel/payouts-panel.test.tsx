import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import type { PayoutSchedule } from '@marketkit/core';
import { server } from '../test/server';
import { TEST_API_BASE, apiErrorResponse, createMarketkitHandlers } from '../test/handlers';
import {
  accountStatusFixtures,
  balanceFixture,
  emptyBalanceFixture,
  emptyPayoutsPageFixture,
  lockedPayoutScheduleFixture,
  loginLinkFixture,
  manyPayoutsFixture,
  multiCurrencyBalanceFixture,
  payoutScheduleFixture,
  payoutsFixture,
} from '../test/fixtures';
import { renderWithProvider } from '../test/render';
import { fr } from '../i18n/fr';
import { expectNoAxeViolations } from '../test/axe';
import { PayoutsPanel } from './payouts-panel';

function historyRows() {
  const table = within(screen.getByRole('region', { name: 'Payout history' })).getByRole('table');
  return within(table).getAllByRole('row').slice(1);
}

describe('PayoutsPanel', () => {
  it('shows balances, the next payout and every payout status with the failure reason', async () => {
    const { container } = renderWithProvider(<PayoutsPanel />);
    const panel = await screen.findByRole('region', { name: 'Payouts' });
    await screen.findByRole('table');
    expect(panel).toHaveTextContent('Available$1,250.00');
    expect(panel).toHaveTextContent('Pending$300.50');
    expect(panel).toHaveTextContent('Next payout: $1,250.00 arriving Jan 17, 2026');
    expect(historyRows().map((row) => row.dataset.status)).toEqual([
      'pending',
      'in_transit',
      'failed',
      'canceled',
      'paid',
    ]);
    // A solid badge with an icon, and the reason as a next step beside it, not Stripe's raw text.
    expect(historyRows()[2]).toHaveTextContent(
      '$103.00Jan 12, 2026FailedYour bank returned this payout. Check your bank details.',
    );
    expect(historyRows()[2]!.querySelector('.mk-Badge svg')).not.toBeNull();
    expect(historyRows()[1]).toHaveTextContent('In transit');
    expect(historyRows()[3]).toHaveTextContent('Canceled');
    expect(panel).toHaveTextContent('Weekly on Friday');
    await expectNoAxeViolations(container);
  });

  it('lists every currency of the balance', async () => {
    server.use(
      ...createMarketkitHandlers({ overrides: { getBalance: multiCurrencyBalanceFixture } }),
    );
    renderWithProvider(<PayoutsPanel />);
    const panel = await screen.findByRole('region', { name: 'Payouts' });
    await waitFor(() => expect(panel).toHaveTextContent('Available$1,250.00€80.00'));
  });

  it('says so when there are no payouts yet and nothing to pay out', async () => {
    server.use(
      ...createMarketkitHandlers({
        overrides: { getBalance: emptyBalanceFixture, listPayouts: emptyPayoutsPageFixture },
      }),
    );
    const { container } = renderWithProvider(<PayoutsPanel />);
    expect(await screen.findByText('No payouts yet')).toBeInTheDocument();
    expect(screen.getByText('No payout scheduled')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Pay out now' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Instant payout' })).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('pages through the payout history with cursors', async () => {
    const cursors: Array<string | null> = [];
    server.use(
      http.get(`${TEST_API_BASE}/payouts`, ({ request }) => {
        const url = new URL(request.url);
        const after = url.searchParams.get('startingAfter');
        cursors.push(after);
        const limit = Number(url.searchParams.get('limit'));
        const start = after ? manyPayoutsFixture.findIndex((payout) => payout.id === after) + 1 : 0;
        const data = manyPayoutsFixture.slice(start, start + limit);
        const hasMore = start + limit < manyPayoutsFixture.length;
        return HttpResponse.json({
          data,
          hasMore,
          nextCursor: hasMore ? data[data.length - 1]!.id : null,
        });
      }),
    );
    const user = userEvent.setup();
    const { container } = renderWithProvider(<PayoutsPanel pageSize={10} />);
    await screen.findByRole('table');
    await waitFor(() => expect(historyRows()).toHaveLength(10));
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await user.click(await screen.findByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(historyRows()).toHaveLength(5));
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    await expectNoAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    await waitFor(() => expect(historyRows()[0]).toHaveTextContent('$111.00'));
    expect(cursors).toEqual([null, 'po_010', 'po_020', 'po_010']);
  });

  it('pays out the available balance only after the user confirms', async () => {
    const bodies: unknown[] = [];
    server.use(
      http.post(`${TEST_API_BASE}/payouts`, async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json({
          ...payoutsFixture[0]!,
          id: 'po_new',
          amount: 125_000,
          status: 'pending',
        });
      }),
    );
    const onPayout = vi.fn();
    const user = userEvent.setup();
    const { container } = renderWithProvider(<PayoutsPanel onPayout={onPayout} />);
    await user.click(await screen.findByRole('button', { name: 'Pay out now' }));
    const confirm = screen.getByRole('group', { name: 'Confirm' });
    expect(confirm).toHaveTextContent('Pay out $1,250.00 to your bank account?');
    expect(bodies).toEqual([]);
    await expectNoAxeViolations(container);
    await user.click(within(confirm).getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Payout of $1,250.00 created.');
    expect(bodies).toEqual([{ amount: 125_000, currency: 'usd', method: 'standard' }]);
    expect(onPayout).toHaveBeenCalledWith(expect.objectContaining({ id: 'po_new' }));
    expect(screen.queryByRole('group', { name: 'Confirm' })).toBeNull();
  });

  it('offers an instant payout of the instantly available balance when eligible, and cancel leaves it', async () => {
    const bodies: unknown[] = [];
    server.use(
      http.post(`${TEST_API_BASE}/payouts`, async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json({
          ...payoutsFixture[0]!,
          id: 'po_instant',
          amount: 50_000,
          method: 'instant',
        });
      }),
    );
    const user = userEvent.setup();
    renderWithProvider(<PayoutsPanel />);
    await user.click(await screen.findByRole('button', { name: 'Instant payout' }));
    expect(screen.getByRole('group', { name: 'Confirm' })).toHaveTextContent(
      'Pay out $500.00 instantly to your debit card?',
    );
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: 'Confirm' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Instant payout' }));
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    await screen.findByText('Payout of $500.00 created.');
    expect(bodies).toEqual([{ amount: 50_000, currency: 'usd', method: 'instant' }]);
  });

  it('shows why a payout was refused', async () => {
    server.use(
      http.post(`${TEST_API_BASE}/payouts`, () =>
        apiErrorResponse(
          'payout_insufficient_funds',
          'The available balance is smaller than the payout.',
        ),
      ),
    );
    const onError = vi.fn();
    const user = userEvent.setup();
    renderWithProvider(<PayoutsPanel onError={onError} />);
    await user.click(await screen.findByRole('button', { name: 'Pay out now' }));
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your available balance is too low for this payout. Wait for pending funds, then try again.',
    );
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'payout_insufficient_funds' }),
    );
  });

  it('retries a failed payout under the same Idempotency-Key, and a new payout gets a new key', async () => {
    const keys: (string | null)[] = [];
    server.use(
      http.post(`${TEST_API_BASE}/payouts`, ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'));
        return keys.length === 1
          ? apiErrorResponse('stripe_unavailable', 'Stripe could not be reached.')
          : HttpResponse.json({
              ...payoutsFixture[0]!,
              id: `po_${keys.length}`,
              status: 'pending',
            });
      }),
    );
    const user = userEvent.setup();
    renderWithProvider(<PayoutsPanel />);
    await user.click(await screen.findByRole('button', { name: 'Pay out now' }));
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    await screen.findByRole('alert');
    // Confirming again retries the same payout: the server finds the first attempt by its key.
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    await screen.findByText(/created/);
    await user.click(await screen.findByRole('button', { name: 'Pay out now' }));
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(keys).toHaveLength(3));
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('opens the Express Dashboard with a login link minted on click', async () => {
    let minted = 0;
    server.use(
      http.post(`${TEST_API_BASE}/login-links`, () => {
        minted += 1;
        return HttpResponse.json(loginLinkFixture);
      }),
    );
    const user = userEvent.setup();
    const { openWindow } = renderWithProvider(<PayoutsPanel />);
    const button = await screen.findByRole('button', { name: 'Open Express Dashboard' });
    expect(minted).toBe(0);
    await user.click(button);
    await waitFor(() => expect(openWindow).toHaveBeenCalledWith(loginLinkFixture.url));
    await user.click(button);
    await waitFor(() => expect(minted).toBe(2));
  });

  it('edits the payout schedule and keeps the platform’s delay', async () => {
    let current = payoutScheduleFixture;
    const saved: PayoutSchedule[] = [];
    server.use(
      http.get(`${TEST_API_BASE}/payout-schedule`, () => HttpResponse.json(current)),
      http.put(`${TEST_API_BASE}/payout-schedule`, async ({ request }) => {
        const schedule = (await request.json()) as PayoutSchedule;
        saved.push(schedule);
        current = { schedule, editable: true };
        return HttpResponse.json(current);
      }),
    );
    const user = userEvent.setup();
    const { container } = renderWithProvider(<PayoutsPanel />);
    await user.click(await screen.findByRole('button', { name: 'Edit schedule' }));
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Frequency' }), 'monthly');
    const day = screen.getByRole('spinbutton', { name: 'Day of the month' });
    await user.clear(day);
    await user.type(day, '15');
    await expectNoAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Save schedule' }));
    expect(await screen.findByText('Monthly on day 15')).toBeInTheDocument();
    expect(saved).toEqual([{ interval: 'monthly', monthlyAnchor: 15, delayDays: 2 }]);
  });

  it('moves the keyboard into the schedule form, and back to its button when the form closes', async () => {
    const user = userEvent.setup();
    renderWithProvider(<PayoutsPanel />);
    await user.click(await screen.findByRole('button', { name: 'Edit schedule' }));
    expect(await screen.findByRole('combobox', { name: 'Frequency' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByRole('button', { name: 'Edit schedule' })).toHaveFocus();
  });

  it('does not offer to edit a schedule the platform controls', async () => {
    server.use(
      ...createMarketkitHandlers({ overrides: { getPayoutSchedule: lockedPayoutScheduleFixture } }),
    );
    renderWithProvider(<PayoutsPanel />);
    expect(await screen.findByText('Daily')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit schedule' })).toBeNull();
  });

  it('shows loading, then a failure with a retry that recovers', async () => {
    let fail = true;
    server.use(
      http.get(`${TEST_API_BASE}/balance`, () =>
        fail
          ? apiErrorResponse('payouts_not_enabled', 'Payouts are not enabled yet.')
          : HttpResponse.json(balanceFixture),
      ),
    );
    const { container } = renderWithProvider(<PayoutsPanel />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Payouts are not on yet. Finish setting up your account to get paid.',
    );
    expect(screen.getByRole('region', { name: 'Payouts' })).toHaveAttribute('data-state', 'error');
    await expectNoAxeViolations(container);
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Available')).toBeInTheDocument();
  });

  it('offers a seller without an account the onboarding button, without asking for balances', async () => {
    const asked: string[] = [];
    server.use(
      http.get(`${TEST_API_BASE}/accounts/me`, () =>
        HttpResponse.json(accountStatusFixtures.not_started),
      ),
      http.get(`${TEST_API_BASE}/balance`, () => {
        asked.push('balance');
        return apiErrorResponse('account_missing', 'call POST /accounts first');
      }),
    );
    const warn = vi.spyOn(console, 'warn');
    const { container } = renderWithProvider(<PayoutsPanel />);
    expect(await screen.findByRole('button', { name: 'Set up payouts' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Payouts' })).toHaveAttribute('data-state', 'setup');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(asked).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
    await expectNoAxeViolations(container);
    warn.mockRestore();
  });

  it('explains why instant payouts are not offered', async () => {
    server.use(
      http.get(`${TEST_API_BASE}/balance`, () =>
        HttpResponse.json({ ...balanceFixture, instantPayouts: 'no_eligible_card' }),
      ),
    );
    renderWithProvider(<PayoutsPanel />);
    expect(
      await screen.findByText(
        'Instant payouts need a debit card that supports them. Add one in your Express Dashboard.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Instant payout' })).toBeNull();
  });

  it('formats amounts and dates for French users', async () => {
    renderWithProvider(<PayoutsPanel />, { locale: 'fr-FR', messages: fr });
    const panel = await screen.findByRole('region', { name: 'Virements' });
    await waitFor(() =>
      expect(panel).toHaveTextContent('Prochain virement : 1 250,00 $US, arrivée le 17 janv. 2026'),
    );
    expect(panel).toHaveTextContent('Chaque semaine le vendredi');
  });
});
