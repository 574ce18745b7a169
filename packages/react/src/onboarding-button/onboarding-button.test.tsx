import { describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import type { AccountLinkResponse, OnboardingState } from '@marketkit/core';
import { server } from '../test/server';
import { TEST_API_BASE, apiErrorResponse, createMarketkitHandlers } from '../test/handlers';
import { accountLinkFixture, accountStatusFixtures, loginLinkFixture } from '../test/fixtures';
import { renderWithProvider } from '../test/render';
import { expectNoAxeViolations } from '../test/axe';
import { fr } from '../i18n/fr';
import { OnboardingButton } from './onboarding-button';

function serveState(state: OnboardingState) {
  server.use(
    ...createMarketkitHandlers({ overrides: { getAccountStatus: accountStatusFixtures[state] } }),
  );
}

/** Records the JSON bodies of account-link requests and answers with the given links in turn. */
function serveLinks(...links: AccountLinkResponse[]) {
  const bodies: unknown[] = [];
  server.use(
    http.post(`${TEST_API_BASE}/account-links`, async ({ request }) => {
      bodies.push(await request.json());
      return HttpResponse.json(links[Math.min(bodies.length - 1, links.length - 1)]);
    }),
  );
  return bodies;
}

const now = () => Math.floor(Date.now() / 1000);

describe('OnboardingButton', () => {
  it.each([
    ['not_started', 'Set up payouts'],
    ['in_progress', 'Continue setup'],
    ['restricted', 'Update information'],
  ] as const)('offers "%s" sellers the right call to action', async (state, label) => {
    serveState(state);
    const { container } = renderWithProvider(<OnboardingButton />);
    const button = await screen.findByRole('button', { name: label });
    expect(button).toBeEnabled();
    expect(container.querySelector('.mk-OnboardingButton')).toHaveAttribute('data-state', state);
    await expectNoAxeViolations(container);
  });

  it('shows a disabled "Verifying…" while Stripe verifies the details', async () => {
    serveState('pending_verification');
    const { container } = renderWithProvider(<OnboardingButton />);
    expect(await screen.findByRole('button', { name: 'Verifying…' })).toBeDisabled();
    await expectNoAxeViolations(container);
  });

  it('shows a done state with a Manage button that opens a fresh dashboard login link', async () => {
    serveState('enabled');
    const { openWindow, container } = renderWithProvider(<OnboardingButton />);
    expect(await screen.findByText('Payouts enabled')).toHaveAttribute('role', 'status');
    await expectNoAxeViolations(container);
    await userEvent.click(screen.getByRole('button', { name: 'Manage' }));
    await waitFor(() => expect(openWindow).toHaveBeenCalledWith(loginLinkFixture.url));
  });

  it('hides Manage when the app asks it to', async () => {
    serveState('enabled');
    renderWithProvider(<OnboardingButton showManage={false} />);
    await screen.findByText('Payouts enabled');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('tells rejected sellers to contact support, with nothing to click', async () => {
    serveState('rejected');
    const { container } = renderWithProvider(<OnboardingButton />);
    expect(await screen.findByText('Account rejected — contact support')).toHaveAttribute(
      'role',
      'status',
    );
    expect(screen.queryByRole('button')).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('shows a button-shaped skeleton, announced as loading, while the status loads', async () => {
    server.use(http.get(`${TEST_API_BASE}/accounts/me`, () => new Promise(() => {})));
    const { container } = renderWithProvider(<OnboardingButton />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
    expect(screen.queryByRole('button')).toBeNull();
    expect(container.querySelector('.mk-Skeleton-line')).toHaveAttribute('data-size', 'button');
    await expectNoAxeViolations(container);
  });

  it('creates the account, mints an onboarding link and leaves for Stripe', async () => {
    serveState('not_started');
    const created = vi.fn();
    server.use(
      http.post(`${TEST_API_BASE}/accounts`, () => {
        created();
        return HttpResponse.json(accountStatusFixtures.in_progress);
      }),
    );
    const bodies = serveLinks({ ...accountLinkFixture, expiresAt: now() + 300 });
    const { navigate } = renderWithProvider(<OnboardingButton />);
    await userEvent.click(await screen.findByRole('button', { name: 'Set up payouts' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith(accountLinkFixture.url));
    expect(created).toHaveBeenCalledTimes(1);
    expect(bodies).toEqual([{ type: 'onboarding' }]);
  });

  it('asks for an update link when the account is restricted', async () => {
    serveState('restricted');
    const bodies = serveLinks({ ...accountLinkFixture, expiresAt: now() + 300 });
    const { navigate } = renderWithProvider(<OnboardingButton />);
    await userEvent.click(await screen.findByRole('button', { name: 'Update information' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
    expect(bodies).toEqual([{ type: 'update' }]);
  });

  it('uses the link prefetched on hover, so the click leaves at once', async () => {
    serveState('in_progress');
    const bodies = serveLinks({
      url: 'https://connect.stripe.com/setup/prefetched',
      expiresAt: now() + 300,
    });
    const { navigate } = renderWithProvider(<OnboardingButton />);
    const button = await screen.findByRole('button', { name: 'Continue setup' });
    await userEvent.hover(button);
    await userEvent.click(button);
    await waitFor(() =>
      expect(navigate).toHaveBeenCalledWith('https://connect.stripe.com/setup/prefetched'),
    );
    expect(bodies).toHaveLength(1);
  });

  it('re-mints an expired onboarding link instead of sending the user to it', async () => {
    serveState('in_progress');
    const bodies = serveLinks(
      { url: 'https://connect.stripe.com/setup/expired', expiresAt: now() - 1 },
      { url: 'https://connect.stripe.com/setup/fresh', expiresAt: now() + 300 },
    );
    const { navigate } = renderWithProvider(<OnboardingButton />);
    const button = await screen.findByRole('button', { name: 'Continue setup' });
    await userEvent.hover(button);
    await waitFor(() => expect(bodies).toHaveLength(1));
    await userEvent.click(button);
    await waitFor(() =>
      expect(navigate).toHaveBeenCalledWith('https://connect.stripe.com/setup/fresh'),
    );
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(bodies).toHaveLength(2);
  });

  it('sends the user once even when the button is pressed twice', async () => {
    serveState('in_progress');
    const pending: Array<() => void> = [];
    const release = () => pending.forEach((resolve) => resolve());
    server.use(
      http.post(`${TEST_API_BASE}/account-links`, async () => {
        await new Promise<void>((resolve) => pending.push(resolve));
        return HttpResponse.json({ ...accountLinkFixture, expiresAt: now() + 300 });
      }),
    );
    const { navigate } = renderWithProvider(<OnboardingButton />, {});
    const button = await screen.findByRole('button', { name: 'Continue setup' });
    await userEvent.click(button);
    const busy = await screen.findByRole('button', { name: 'Opening Stripe…' });
    expect(busy).toBeDisabled();
    expect(busy).toHaveAttribute('aria-busy', 'true');
    await userEvent.click(busy);
    act(() => release());
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
  });

  it('refreshes the status when the user comes back to the tab', async () => {
    let state: OnboardingState = 'in_progress';
    server.use(
      http.get(`${TEST_API_BASE}/accounts/me`, () =>
        HttpResponse.json(accountStatusFixtures[state]),
      ),
    );
    renderWithProvider(<OnboardingButton />);
    await screen.findByRole('button', { name: 'Continue setup' });
    state = 'pending_verification';
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(await screen.findByRole('button', { name: 'Verifying…' })).toBeDisabled();
  });

  it('shows why a link could not be minted and calls onError', async () => {
    serveState('in_progress');
    server.use(
      http.post(`${TEST_API_BASE}/account-links`, () =>
        apiErrorResponse('rate_limited', 'Too many links requested. Wait a minute and try again.'),
      ),
    );
    const onError = vi.fn();
    const { navigate, container } = renderWithProvider(<OnboardingButton onError={onError} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Continue setup' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Too many attempts in a short time. Wait a minute, then try again.',
    );
    expect(alert).not.toHaveTextContent('Too many links requested.');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'rate_limited' }));
    expect(navigate).not.toHaveBeenCalled();
    expect(container.querySelector('.mk-OnboardingButton')).toHaveAttribute('data-status', 'error');
    await expectNoAxeViolations(container);
  });

  it('offers a retry when the status cannot be loaded', async () => {
    let fail = true;
    server.use(
      http.get(`${TEST_API_BASE}/accounts/me`, () =>
        fail ? HttpResponse.error() : HttpResponse.json(accountStatusFixtures.in_progress),
      ),
    );
    const { container } = renderWithProvider(<OnboardingButton />);
    expect(await screen.findByRole('alert')).toHaveTextContent('The server could not be reached.');
    await expectNoAxeViolations(container);
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Continue setup' })).toBeEnabled();
  });

  it('opens embedded onboarding in a modal dialog that Escape closes and that returns focus', async () => {
    serveState('in_progress');
    // Connect.js cannot load here (no network, no stand-in): the dialog itself is under test.
    server.use(http.post(`${TEST_API_BASE}/account-sessions`, () => new Promise(() => {})));
    const onExit = vi.fn();
    const { navigate, container } = renderWithProvider(
      <OnboardingButton variant="embedded" onExit={onExit} />,
    );
    const button = await screen.findByRole('button', { name: 'Continue setup' });
    await userEvent.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Set up payouts' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveFocus();
    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
    await userEvent.tab();
    // Focus stays trapped inside the dialog.
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
    await expectNoAxeViolations(container);
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(button).toHaveFocus();
    await waitFor(() => expect(onExit).toHaveBeenCalledTimes(1));
    expect(navigate).not.toHaveBeenCalled();
  });

  it('names the embedded dialog and its close button in the provider’s language, or in the app’s own words', async () => {
    serveState('in_progress');
    server.use(http.post(`${TEST_API_BASE}/account-sessions`, () => new Promise(() => {})));
    const french = renderWithProvider(<OnboardingButton variant="embedded" />, {
      locale: 'fr-FR',
      messages: fr,
    });
    await userEvent.click(
      await screen.findByRole('button', { name: fr['onboarding.in_progress'] }),
    );
    expect(
      await screen.findByRole('dialog', { name: 'Configurer les virements' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Fermer' })).toBeInTheDocument();
    french.unmount();

    renderWithProvider(<OnboardingButton variant="embedded" />, {
      messages: { 'onboarding.dialogTitle': 'Get paid for your sales' },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Continue setup' }));
    expect(
      await screen.findByRole('dialog', { name: 'Get paid for your sales' }),
    ).toBeInTheDocument();
    // Words the app did not override stay English.
    expect(screen.getByRole('button', { name: 'Close' })).toBeInTheDocument();
  });
});
