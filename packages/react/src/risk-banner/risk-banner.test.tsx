import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { API_ROUTES } from '@marketkit/core';
import { server } from '../test/server';
import { TEST_API_BASE, apiErrorResponse, createMarketkitHandlers } from '../test/handlers';
import {
  accountLinkFixture,
  loginLinkFixture,
  riskReportFixture,
  riskSignalFixtures,
} from '../test/fixtures';
import { renderWithProvider } from '../test/render';
import { fr } from '../i18n/fr';
import { expectNoAxeViolations } from '../test/axe';
import { RiskBanner } from './risk-banner';

function serveRisk(...signals: Parameters<typeof riskReportFixture>[0]) {
  server.use(...createMarketkitHandlers({ overrides: { getRisk: riskReportFixture(signals) } }));
}

describe('RiskBanner', () => {
  it('renders nothing when the account has nothing to worry about', async () => {
    const requests: string[] = [];
    server.events.on('request:end', ({ request }) => requests.push(request.url));
    const { container } = renderWithProvider(<RiskBanner data-testid="banner" />);
    await waitFor(() => expect(requests).toContain(`${TEST_API_BASE}/risk`));
    // Let the answer render before asserting emptiness.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(container.querySelector('.mk-RiskBanner')).toBeNull();
    server.events.removeAllListeners();
  });

  it('announces critical signals as alerts and the others as status, most severe first', async () => {
    serveRisk(
      riskSignalFixtures.disputeOpen,
      riskSignalFixtures.requirementsPastDue,
      riskSignalFixtures.informational,
    );
    const { container } = renderWithProvider(<RiskBanner />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Information is past due. Payouts are paused until you update it by Jan 14, 2026.',
    );
    const statuses = screen.getAllByRole('status');
    expect(statuses.map((status) => status.dataset.kind)).toEqual([
      'dispute_open',
      'requirements_due',
    ]);
    expect(statuses[0]).toHaveTextContent('A customer disputed a payment of $72.00.');
    expect(screen.getByRole('region', { name: 'Account alerts' })).toHaveAttribute(
      'data-severity',
      'critical',
    );
    await expectNoAxeViolations(container);
  });

  it('explains every kind of signal in words', async () => {
    serveRisk(...Object.values(riskSignalFixtures));
    renderWithProvider(<RiskBanner />);
    const region = await screen.findByRole('region', { name: 'Account alerts' });
    expect(region).toHaveTextContent('Your account is restricted.');
    expect(region).toHaveTextContent('Your account was rejected. Contact support.');
    expect(region).toHaveTextContent(
      'Your balance is negative (-$42.50). The platform is covering it',
    );
    expect(region).toHaveTextContent(
      'A payout could not reach your bank. Update your bank details to get paid.',
    );
    // Each banner carries its severity icon.
    expect(region.querySelectorAll('.mk-RiskBanner-signal > svg[data-icon]').length).toBe(
      Object.values(riskSignalFixtures).length,
    );
    expect(region).toHaveTextContent('Stripe needs more information by Jan 22, 2026.');
  });

  it('mints an update link when the remediation button is pressed', async () => {
    serveRisk(riskSignalFixtures.payoutFailed);
    const bodies: unknown[] = [];
    server.use(
      http.post(`${TEST_API_BASE}${API_ROUTES.createAccountLink.path}`, async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json(accountLinkFixture);
      }),
    );
    const { navigate } = renderWithProvider(<RiskBanner />);
    await userEvent.click(await screen.findByRole('button', { name: 'Update bank details' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith(accountLinkFixture.url));
    expect(bodies).toEqual([{ type: 'update' }]);
  });

  it('opens the Express Dashboard in a new tab to respond to a dispute', async () => {
    serveRisk(riskSignalFixtures.disputeOpen);
    const { openWindow, navigate } = renderWithProvider(<RiskBanner />);
    await userEvent.click(await screen.findByRole('button', { name: 'Respond to dispute' }));
    await waitFor(() => expect(openWindow).toHaveBeenCalledWith(loginLinkFixture.url));
    expect(navigate).not.toHaveBeenCalled();
  });

  it('lets the user dismiss information but not warnings', async () => {
    const onDismiss = vi.fn();
    serveRisk(riskSignalFixtures.informational, riskSignalFixtures.negativeBalance);
    const { container } = renderWithProvider(<RiskBanner onDismiss={onDismiss} />);
    const statuses = await screen.findAllByRole('status');
    expect(statuses).toHaveLength(2);
    expect(within(statuses[0]!).queryByRole('button', { name: 'Dismiss' })).toBeNull();
    await userEvent.click(within(statuses[1]!).getByRole('button', { name: 'Dismiss' }));
    expect(screen.getAllByRole('status')).toHaveLength(1);
    expect(onDismiss).toHaveBeenCalledWith(riskSignalFixtures.informational);
    await expectNoAxeViolations(container);
  });

  it('shows a failed load with a retry that recovers', async () => {
    const onError = vi.fn();
    let calls = 0;
    server.use(
      http.get(`${TEST_API_BASE}/risk`, () => {
        calls += 1;
        return calls === 1
          ? apiErrorResponse('internal_error', 'Something broke on our side. Reference req_123.')
          : HttpResponse.json(riskReportFixture([riskSignalFixtures.accountRestricted]));
      }),
    );
    const { container } = renderWithProvider(<RiskBanner onError={onError} />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Something went wrong on our side. Try again; if it keeps happening, contact support.',
    );
    expect(alert).not.toHaveTextContent('req_123');
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'internal_error', httpStatus: 500 }),
    );
    await expectNoAxeViolations(container);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Your account is restricted.');
  });

  it('reports a remediation that fails in an alert', async () => {
    serveRisk(riskSignalFixtures.requirementsDue);
    server.use(http.post(`${TEST_API_BASE}/account-links`, () => HttpResponse.error()));
    const { navigate } = renderWithProvider(<RiskBanner />);
    await userEvent.click(await screen.findByRole('button', { name: 'Update information' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The server could not be reached.');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('speaks French when the provider says so', async () => {
    serveRisk(riskSignalFixtures.negativeBalance);
    renderWithProvider(<RiskBanner />, { locale: 'fr-FR', messages: fr });
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Votre solde est négatif (-42,50 $US). La plateforme le couvre jusqu’aux prochaines ventes.',
    );
  });

  it('tells the seller what they owe, from which order and why, in English and French', async () => {
    serveRisk(riskSignalFixtures.sellerDebtRefund, riskSignalFixtures.sellerDebtDispute);
    const { container, unmount } = renderWithProvider(<RiskBanner />);
    const statuses = await screen.findAllByRole('status');
    expect(statuses.map((status) => status.textContent)).toEqual([
      '$14.25 from refunded order ord_fixture_1 will be deducted from your next sales.',
      '$30.00 from the dispute you lost on order ord_fixture_5 will be deducted from your next sales.',
    ]);
    // Nothing to press: the debt is taken from the next sales, and it cannot be dismissed.
    expect(screen.queryByRole('button')).toBeNull();
    await expectNoAxeViolations(container);
    unmount();

    renderWithProvider(<RiskBanner />, { locale: 'fr-FR', messages: fr });
    const french = await screen.findAllByRole('status');
    expect(french[0]).toHaveTextContent(
      /^14,25\s\$US de la commande remboursée ord_fixture_1 seront déduits de vos prochaines ventes\.$/,
    );
    expect(french[1]).toHaveTextContent(
      /^30,00\s\$US du litige perdu sur la commande ord_fixture_5 seront déduits de vos prochaines ventes\.$/,
    );
  });

  it('names the order the way the app does when given an orderLabel', async () => {
    serveRisk(riskSignalFixtures.sellerDebtRefund);
    renderWithProvider(<RiskBanner orderLabel={(orderId) => `#${orderId.slice(-1)}07`} />);
    expect(await screen.findByRole('status')).toHaveTextContent(
      '$14.25 from refunded order #107 will be deducted from your next sales.',
    );
  });

  it('still says what is owed when the server does not name the order', async () => {
    serveRisk({ ...riskSignalFixtures.sellerDebtRefund, objectId: undefined, reason: undefined });
    renderWithProvider(<RiskBanner />);
    expect(await screen.findByRole('status')).toHaveTextContent(
      'You owe $14.25, taken from your next sales.',
    );
  });
});
