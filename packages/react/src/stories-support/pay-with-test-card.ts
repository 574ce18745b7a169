import { expect, userEvent, within } from 'storybook/test';

/** Stripe's test cards the stories use; any future expiry and any CVC work with them. */
export const TEST_CARDS = {
  success: '4242424242424242',
  genericDecline: '4000000000000002',
  insufficientFunds: '4000000000009995',
  authenticationRequired: '4000002500003155',
} as const;

/**
 * Types a test card into the sandbox Payment Element (the stand-in Stripe.js mounts a real form) and
 * presses the kit's pay button, like a buyer would.
 */
export async function payWithTestCard(canvasElement: HTMLElement, cardNumber: string) {
  const canvas = within(canvasElement);
  const number = await canvas.findByLabelText('Card number', {}, { timeout: 5000 });
  await userEvent.clear(number);
  await userEvent.type(number, cardNumber);
  const expiry = canvas.getByLabelText('Expiration date');
  await userEvent.clear(expiry);
  await userEvent.type(expiry, '1234');
  const cvc = canvas.getByLabelText('Security code');
  await userEvent.clear(cvc);
  await userEvent.type(cvc, '123');
  const pay = canvas.getByRole('button', { name: /^Pay / });
  await expect(pay).toBeEnabled();
  await userEvent.click(pay);
}
