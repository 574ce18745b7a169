import type { Meta, StoryObj } from '@storybook/react-vite';
import type { Order } from '@marketkit/core';
import { HttpResponse, http } from 'msw';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import {
  checkoutFiveSellersFixture,
  checkoutFixture,
  checkoutItemsFixture,
  paidOrderFixture,
  processingOrderFixture,
} from '../test/fixtures';
import {
  apiParameters,
  failsWith,
  neverAnswers,
  networkFailure,
} from '../stories-support/api-parameters';
import { STRIPE_SANDBOX_PATH } from '../stories-support/constants';
import { TEST_CARDS, payWithTestCard } from '../stories-support/pay-with-test-card';
import { createStripeSandboxHandlers } from '../stories-support/stripe-sandbox-handlers';
import { SplitCheckout } from './split-checkout';

const meta = {
  title: 'Components/SplitCheckout',
  component: SplitCheckout,
  tags: ['autodocs'],
  args: {
    items: checkoutItemsFixture,
    currency: 'usd',
    onSuccess: fn(),
    onError: fn(),
    // Fixtures answer at once; no need to wait a second between order polls.
    orderPollInterval: 50,
  },
} satisfies Meta<typeof SplitCheckout>;

export default meta;
type Story = StoryObj<typeof meta>;

const fiveSellerOrder: Order = {
  ...paidOrderFixture,
  id: checkoutFiveSellersFixture.orderId,
  paymentIntentId: checkoutFiveSellersFixture.paymentIntentId,
  currency: checkoutFiveSellersFixture.breakdown.currency,
  total: checkoutFiveSellersFixture.breakdown.total,
  platformFee: 1_500,
  sellers: checkoutFiveSellersFixture.breakdown.sellers.map((seller) => ({
    ...seller,
    fee: 300,
    transferAmount: seller.subtotal - 300,
    transfer: { id: null, status: 'planned', reversed: 0 },
  })),
};

const fiveSellerItems = checkoutFiveSellersFixture.breakdown.sellers.map((seller) => ({
  itemId: `${seller.sellerId}-item`,
  quantity: 1,
}));

/** Two sellers with subtotals, the platform's fee and the total, all from the server's breakdown. */
export const TwoSellers: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('region', { name: 'Ada’s Pottery' })).toHaveTextContent(
      '$57.00',
    );
    await expect(canvas.getByText('Includes marketplace fee')).toBeVisible();
    await expect(await canvas.findByRole('button', { name: 'Pay $72.00' })).toBeVisible();
  },
};

export const OneSeller: Story = {
  args: { items: checkoutItemsFixture.filter((item) => item.itemId === 'linen-tea-towel') },
  parameters: apiParameters({
    createCheckout: {
      ...checkoutFixture,
      breakdown: {
        ...checkoutFixture.breakdown,
        total: 1_500,
        platformFee: 150,
        sellers: checkoutFixture.breakdown.sellers.slice(1),
      },
    },
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByRole('heading', { name: 'Sold by Grace Textiles' }),
    ).toBeVisible();
    await expect(canvas.getAllByRole('heading', { level: 3 })).toHaveLength(1);
  },
};

/** Five sellers; this platform hides its fee from buyers. */
export const FiveSellers: Story = {
  args: { items: fiveSellerItems, currency: 'eur' },
  parameters: apiParameters({
    createCheckout: checkoutFiveSellersFixture,
    getOrder: fiveSellerOrder,
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findAllByRole('heading', { level: 3 })).toHaveLength(5);
    await expect(canvas.queryByText('Includes marketplace fee')).toBeNull();
    await expect(await canvas.findByRole('button', { name: 'Pay €150.00' })).toBeVisible();
  },
};

/** A buyer pays with Stripe's 4242 test card; the order is confirmed and split per seller. */
export const PaySuccessfully: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await payWithTestCard(canvasElement, TEST_CARDS.success);
    const success = await canvas.findByText(
      `Payment complete. Order ${checkoutFixture.orderId}`,
      {},
      { timeout: 5000 },
    );
    await expect(success).toBeVisible();
    await expect(canvas.getByRole('status')).toHaveTextContent('Grace Textiles$15.00');
    await expect(args.onSuccess).toHaveBeenCalledWith({
      orderId: checkoutFixture.orderId,
      order: paidOrderFixture,
    });
  },
};

/** A declined card says what to do next, in the buyer's words; the buyer can try another card. */
export const Declined: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await payWithTestCard(canvasElement, TEST_CARDS.insufficientFunds);
    const decline = await canvas.findByText(
      'Your payment was not completed. Your card has insufficient funds. Try another card.',
      {},
      { timeout: 5000 },
    );
    await expect(decline.closest('[role="alert"]')).not.toBeNull();
    await expect(args.onSuccess).not.toHaveBeenCalled();
    // Same form, another card.
    await payWithTestCard(canvasElement, TEST_CARDS.success);
    await expect(
      await canvas.findByText(
        `Payment complete. Order ${checkoutFixture.orderId}`,
        {},
        { timeout: 5000 },
      ),
    ).toBeVisible();
  },
};

/** Stripe's generic decline test card (4000 0000 0000 0002). */
export const CardDeclined: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await payWithTestCard(canvasElement, TEST_CARDS.genericDecline);
    const decline = await canvas.findByText(
      'Your payment was not completed. Your card was declined. Try another card, or contact your bank.',
    );
    await expect(decline.closest('[role="alert"]')).not.toBeNull();
    await expect(canvas.getByRole('button', { name: 'Pay $72.00' })).toBeEnabled();
  },
};

/** 3D Secure: the stand-in shows the bank's challenge; completing it finishes the payment. */
export const RequiresAction: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement.ownerDocument.body);
    await payWithTestCard(canvasElement, TEST_CARDS.authenticationRequired);
    const challenge = await page.findByRole(
      'dialog',
      { name: 'Sandbox 3D Secure authentication' },
      { timeout: 5000 },
    );
    // While the bank asks, the pay button stays busy so the buyer cannot pay twice.
    await expect(
      within(canvasElement).getByRole('button', { name: 'Processing payment…' }),
    ).toBeDisabled();
    await userEvent.click(
      within(challenge).getByRole('button', { name: 'Complete authentication' }),
    );
    await expect(
      await within(canvasElement).findByText(
        `Payment complete. Order ${checkoutFixture.orderId}`,
        {},
        { timeout: 5000 },
      ),
    ).toBeVisible();
  },
};

export const AuthenticationFailed: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement.ownerDocument.body);
    await payWithTestCard(canvasElement, TEST_CARDS.authenticationRequired);
    const challenge = await page.findByRole(
      'dialog',
      { name: 'Sandbox 3D Secure authentication' },
      { timeout: 5000 },
    );
    await userEvent.click(within(challenge).getByRole('button', { name: 'Fail authentication' }));
    // Not Stripe's developer text ("The provided PaymentMethod has failed authentication…").
    const failure = await within(canvasElement).findByText(
      'Your payment was not completed. Your bank could not confirm it was you. Try again, or use another card.',
      {},
      { timeout: 5000 },
    );
    await expect(failure.closest('[role="alert"]')).not.toBeNull();
  },
};

/** Paid, but the bank has not settled and the server has not marked the order paid yet. */
export const Processing: Story = {
  args: { orderPollInterval: 60_000 },
  parameters: {
    msw: {
      handlers: {
        ...apiParameters({ getOrder: processingOrderFixture }).msw.handlers,
        stripe: createStripeSandboxHandlers({
          checkouts: [checkoutFixture],
          successStatus: 'processing',
        }),
      },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await payWithTestCard(canvasElement, TEST_CARDS.success);
    await expect(
      await canvas.findByText('Payment received. Confirming your order…', {}, { timeout: 5000 }),
    ).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Processing payment…' })).toHaveAttribute(
      'aria-busy',
      'true',
    );
  },
};

/** The payment request never reached Stripe: the same card can be retried. */
export const PaymentNetworkFailure: Story = {
  parameters: {
    msw: {
      handlers: {
        ...apiParameters().msw.handlers,
        stripe: [
          http.post(`*${STRIPE_SANDBOX_PATH}/v1/payment_intents/:id/confirm`, () =>
            HttpResponse.error(),
          ),
        ],
      },
    },
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await payWithTestCard(canvasElement, TEST_CARDS.success);
    // Retrying is offered on the pay button itself, with the same card still filled in.
    await expect(
      await canvas.findByRole('button', { name: 'Try again' }, { timeout: 5000 }),
    ).toBeEnabled();
    await expect(
      canvas
        .getByText('The server could not be reached. Check your connection and try again.')
        .closest('[role="alert"]'),
    ).not.toBeNull();
    await waitFor(() => expect(args.onError).toHaveBeenCalled());
  },
};

export const Preparing: Story = {
  parameters: apiParameters({ createCheckout: neverAnswers }),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent(
      'Preparing checkout…',
    );
  },
};

export const CheckoutRefused: Story = {
  parameters: apiParameters({
    createCheckout: failsWith(
      'seller_cannot_receive_transfers',
      'Grace Textiles cannot receive payments yet.',
    ),
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeEnabled();
  },
};

export const ServerUnreachable: Story = {
  parameters: apiParameters({ createCheckout: networkFailure }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeEnabled();
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByLabelText('Card number', {}, { timeout: 5000 }),
    ).toBeVisible();
  },
};

export const French: Story = {
  globals: { locale: 'fr' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByRole('heading', { name: 'Vendu par Grace Textiles' }),
    ).toBeVisible();
    await expect(await canvas.findByRole('button', { name: /^Payer 72,00\s\$US$/ })).toBeVisible();
  },
};
