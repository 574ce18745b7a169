import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { accountLinkFixture, accountStatusFixtures } from '../test/fixtures';
import { apiParameters, failsWith, neverAnswers } from '../stories-support/api-parameters';
import { OnboardingButton } from './onboarding-button';

const navigate = fn().mockName('navigate');
const openWindow = fn().mockName('openWindow');

const meta = {
  title: 'Components/OnboardingButton',
  component: OnboardingButton,
  tags: ['autodocs'],
  args: { onError: fn(), onExit: fn() },
  parameters: { marketkit: { navigate, openWindow } },
} satisfies Meta<typeof OnboardingButton>;

export default meta;
type Story = StoryObj<typeof meta>;

export const NotStarted: Story = {
  parameters: apiParameters({ getAccountStatus: accountStatusFixtures.not_started }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Set up payouts' }));
    // The account is created, a link minted, and the injected navigation receives the link.
    await waitFor(() => expect(navigate).toHaveBeenCalledWith(accountLinkFixture.url));
  },
};

export const InProgress: Story = {
  parameters: apiParameters({ getAccountStatus: accountStatusFixtures.in_progress }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Continue setup' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith(accountLinkFixture.url));
  },
};

export const Restricted: Story = {
  parameters: apiParameters({ getAccountStatus: accountStatusFixtures.restricted }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('button', { name: 'Update information' })).toBeEnabled();
  },
};

export const PendingVerification: Story = {
  parameters: apiParameters({ getAccountStatus: accountStatusFixtures.pending_verification }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('button', { name: 'Verifying…' })).toBeDisabled();
  },
};

export const Enabled: Story = {
  parameters: apiParameters({ getAccountStatus: accountStatusFixtures.enabled }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Payouts enabled')).toHaveAttribute('role', 'status');
    await userEvent.click(canvas.getByRole('button', { name: 'Manage' }));
    await waitFor(() => expect(openWindow).toHaveBeenCalledTimes(1));
  },
};

export const Rejected: Story = {
  parameters: apiParameters({ getAccountStatus: accountStatusFixtures.rejected }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/Account rejected/)).toHaveAttribute('role', 'status');
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

export const Loading: Story = {
  parameters: apiParameters({ getAccountStatus: neverAnswers }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // A button-shaped skeleton, announced once as loading.
    await expect(canvas.getByRole('status')).toHaveTextContent('Loading…');
  },
};

export const LoadError: Story = {
  parameters: apiParameters({
    getAccountStatus: failsWith('unauthenticated', 'Sign in to set up payouts.'),
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeEnabled();
  },
};

export const LinkError: Story = {
  parameters: apiParameters({
    getAccountStatus: accountStatusFixtures.in_progress,
    createAccountLink: failsWith('rate_limited', 'Too many requests, try again in a minute.'),
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Continue setup' }));
    await expect(await canvas.findByRole('alert')).toBeVisible();
    await expect(navigate).not.toHaveBeenCalled();
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  parameters: apiParameters({ getAccountStatus: accountStatusFixtures.in_progress }),
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByRole('button', { name: 'Continue setup' }),
    ).toBeVisible();
  },
};

export const French: Story = {
  globals: { locale: 'fr' },
  parameters: apiParameters({ getAccountStatus: accountStatusFixtures.not_started }),
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByRole('button', { name: 'Configurer les virements' }),
    ).toBeVisible();
  },
};

/** Stripe's embedded onboarding over the Connect.js stand-in, in the kit's dialog. */
export const Embedded: Story = {
  args: { variant: 'embedded' },
  parameters: apiParameters({ getAccountStatus: accountStatusFixtures.in_progress }),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Continue setup' }));
    const dialog = within(
      await within(canvasElement.ownerDocument.body).findByRole('dialog', {
        name: 'Set up payouts',
      }),
    );
    // The stand-in's form comes prefilled with Stripe's passing test values.
    await dialog.findByRole('form', { name: 'Sandbox account onboarding' }, { timeout: 5000 });
    await userEvent.click(dialog.getByRole('checkbox', { name: /I agree/ }));
    await userEvent.click(dialog.getByRole('button', { name: 'Submit' }));
    // Completing onboarding exits Stripe's component: the dialog closes and the status is re-read.
    await waitFor(
      () => expect(within(canvasElement.ownerDocument.body).queryByRole('dialog')).toBeNull(),
      { timeout: 5000 },
    );
    await waitFor(() => expect(args.onExit).toHaveBeenCalledTimes(1));
  },
};
