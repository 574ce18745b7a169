import type { Meta, StoryObj } from '@storybook/react-vite';
import { OnboardingButton } from '../onboarding-button';
import { PayoutsPanel } from '../payouts-panel';
import { PlatformRiskTable } from '../platform-risk-table';
import { RiskBanner } from '../risk-banner';
import { SplitCheckout } from '../split-checkout';
import { LiveDemo } from './live-demo';

/**
 * The components against the running demo (`pnpm demo`): real `@marketkit/server`, real sandbox, the
 * stand-ins talking to it. Not part of the test run: they need a server the tests do not start.
 */
const meta = {
  title: 'Live sandbox/Components',
  component: LiveDemo,
  tags: ['!test', '!autodocs'],
  parameters: {
    // Nothing mocked: every request goes through the dev server's proxy to the demo and its sandbox.
    msw: { handlers: { marketkit: [], stripe: [], connect: [] } },
  },
} satisfies Meta<typeof LiveDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

export const OnboardingNotStarted: Story = {
  args: { userId: 'seller-dara', children: <OnboardingButton /> },
};

export const OnboardingEmbedded: Story = {
  args: { userId: 'seller-emil', children: <OnboardingButton variant="embedded" /> },
};

export const RestrictedSellerBanner: Story = {
  args: { userId: 'seller-farah', children: <RiskBanner /> },
};

export const FailingBankAccount: Story = {
  args: {
    userId: 'seller-chen',
    children: (
      <>
        <RiskBanner />
        <PayoutsPanel />
      </>
    ),
  },
};

export const Payouts: Story = {
  args: { userId: 'seller-ada', children: <PayoutsPanel /> },
};

export const PayoutsEmbedded: Story = {
  args: { userId: 'seller-ada', children: <PayoutsPanel variant="embedded" /> },
};

export const Checkout: Story = {
  args: {
    userId: 'buyer-grace',
    children: (
      <SplitCheckout
        currency="usd"
        items={[
          { itemId: 'prod-mug', quantity: 2 },
          { itemId: 'prod-lights', quantity: 1 },
        ]}
      />
    ),
  },
};

export const PlatformRisk: Story = {
  args: { userId: 'admin-hana', children: <PlatformRiskTable /> },
};
