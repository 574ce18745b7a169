// @vitest-environment jsdom
import { cleanup, configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Stripe as StripeJs } from '@stripe/stripe-js';
import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import { startSandbox } from '../../index';
import { installSandboxStripe, uninstallSandboxStripe } from '../index';

// Generous waits: CI runs these beside the whole monorepo on two cores.
configure({ asyncUtilTimeout: 5000 });

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let stripe: Stripe;
let stripePromise: Promise<StripeJs | null>;
const navigations: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  stripe = new Stripe(sandbox.secretKey, sandbox.stripeOptions);
  installSandboxStripe({ apiBase: sandbox.url, navigate: (url) => navigations.push(url) });
  // Stripe.js looks for window.Stripe when its module first runs, so it is imported only after installing
  // (react-stripe-js does not import it, so it can be imported statically).
  const { loadStripe } = await import('@stripe/stripe-js');
  stripePromise = loadStripe(sandbox.publishableKey);
});
afterEach(cleanup);
afterAll(async () => {
  uninstallSandboxStripe();
  await sandbox?.stop();
});

const createIntent = (amount = 2500) =>
  stripe.paymentIntents.create({
    amount,
    currency: 'usd',
    automatic_payment_methods: { enabled: true },
  });

function Checkout({
  clientSecret,
  redirect = 'if_required',
}: {
  clientSecret: string;
  redirect?: 'if_required' | 'always';
}) {
  const Form = () => {
    const stripeJs = useStripe();
    const elements = useElements();
    const [message, setMessage] = useState('');
    const [error, setError] = useState('');
    return (
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          setMessage('Paying…');
          const confirmParams = { return_url: 'https://shop.example/return?order=7' };
          const result =
            redirect === 'always'
              ? await stripeJs!.confirmPayment({ elements: elements!, confirmParams })
              : await stripeJs!.confirmPayment({
                  elements: elements!,
                  confirmParams,
                  redirect: 'if_required',
                });
          if (result.error) {
            setMessage('');
            setError(
              `${result.error.message} (${result.error.type}/${result.error.code}/${result.error.decline_code})`,
            );
          } else {
            setMessage(`Payment ${result.paymentIntent.status}`);
          }
        }}
      >
        <PaymentElement />
        <button type="submit">Pay</button>
        <p role="status">{message}</p>
        <p data-testid="payment-error">{error}</p>
      </form>
    );
  };
  return (
    <Elements stripe={stripePromise} options={{ clientSecret }}>
      <Form />
    </Elements>
  );
}

async function payWith(card: string) {
  const user = userEvent.setup({ delay: null });
  await user.type(await screen.findByRole('textbox', { name: 'Card number' }), card);
  await user.type(screen.getByRole('textbox', { name: 'Expiration date' }), '1234');
  await user.type(screen.getByRole('textbox', { name: 'Security code' }), '123');
  await user.click(screen.getByRole('button', { name: 'Pay' }));
}

describe('confirmPayment against a running sandbox', () => {
  it('pays with 4242 4242 4242 4242 and the PaymentIntent succeeds', async () => {
    const intent = await createIntent();
    render(<Checkout clientSecret={intent.client_secret!} />);
    await payWith('4242424242424242');
    expect(await screen.findByText('Payment succeeded')).toBeTruthy();
    const stored = await stripe.paymentIntents.retrieve(intent.id);
    expect(stored.status).toBe('succeeded');
    expect(stored.amount_received).toBe(2500);
  });

  it('shows the decline message for an insufficient-funds card and leaves the PaymentIntent payable', async () => {
    const intent = await createIntent();
    render(<Checkout clientSecret={intent.client_secret!} />);
    await payWith('4000000000009995');
    await waitFor(() =>
      expect(screen.getByTestId('payment-error').textContent).toBe(
        'Your card has insufficient funds. (card_error/card_declined/insufficient_funds)',
      ),
    );
    expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe(
      'requires_payment_method',
    );
  });

  it('returns each decline with Stripe’s code and decline_code', async () => {
    const stripeJs = (await stripePromise)!;
    const cases = [
      ['4000000000000002', 'card_declined', 'generic_decline'],
      ['4000000000009987', 'card_declined', 'lost_card'],
      ['4000000000009979', 'card_declined', 'stolen_card'],
      ['4000000000000069', 'expired_card', 'expired_card'],
      ['4000000000000127', 'incorrect_cvc', 'incorrect_cvc'],
    ] as const;
    for (const [card, code, declineCode] of cases) {
      const intent = await createIntent();
      const elements = stripeJs.elements({ clientSecret: intent.client_secret! });
      const container = document.body.appendChild(document.createElement('div'));
      elements.create('payment').mount(container);
      // Pasting keeps this loop quick; typing is covered above.
      const user = userEvent.setup({ delay: null });
      await user.click(screen.getByRole('textbox', { name: 'Card number' }));
      await user.paste(card);
      await user.click(screen.getByRole('textbox', { name: 'Expiration date' }));
      await user.paste('12/34');
      await user.click(screen.getByRole('textbox', { name: 'Security code' }));
      await user.paste('123');
      const result = await stripeJs.confirmPayment({ elements, redirect: 'if_required' });
      expect(result.error, card).toMatchObject({
        type: 'card_error',
        code,
        decline_code: declineCode,
      });
      expect(result.error?.payment_intent?.id, card).toBe(intent.id);
      elements.getElement('payment')!.destroy();
      container.remove();
    }
  });

  it('redirects to return_url with the PaymentIntent in the query when redirect is "always"', async () => {
    const intent = await createIntent(1000);
    render(<Checkout clientSecret={intent.client_secret!} redirect="always" />);
    await payWith('4000000000000077');
    await waitFor(() => expect(navigations).toHaveLength(1));
    const url = new URL(navigations[0]!);
    expect(url.origin + url.pathname).toBe('https://shop.example/return');
    expect(url.searchParams.get('order')).toBe('7');
    expect(url.searchParams.get('payment_intent')).toBe(intent.id);
    expect(url.searchParams.get('payment_intent_client_secret')).toBe(intent.client_secret);
    expect(url.searchParams.get('redirect_status')).toBe('succeeded');
    expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('succeeded');
  });

  it('retrieves a PaymentIntent with the publishable key and client secret', async () => {
    const intent = await createIntent(4200);
    const stripeJs = (await stripePromise)!;
    const result = await stripeJs.retrievePaymentIntent(intent.client_secret!);
    expect(result.paymentIntent).toMatchObject({
      id: intent.id,
      amount: 4200,
      status: 'requires_payment_method',
    });
    const wrong = await stripeJs.retrievePaymentIntent(`${intent.id}_secret_wrong`);
    expect(wrong.error?.type).toBe('invalid_request_error');
  });

  it('pays through the Card Element with confirmCardPayment', async () => {
    const intent = await createIntent(700);
    const stripeJs = (await stripePromise)!;
    const card = stripeJs.elements().create('card');
    const container = document.body.appendChild(document.createElement('div'));
    card.mount(container);
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByRole('textbox', { name: 'Card number' }), '4242424242424242');
    await user.type(screen.getByRole('textbox', { name: 'Expiration date' }), '1234');
    await user.type(screen.getByRole('textbox', { name: 'Security code' }), '123');
    const result = await stripeJs.confirmCardPayment(intent.client_secret!, {
      payment_method: { card },
    });
    expect(result.paymentIntent?.status).toBe('succeeded');
    card.destroy();
    container.remove();
  });
});

describe('3D Secure through confirmPayment against a running sandbox', () => {
  const answerChallenge = async (choice: 'Complete authentication' | 'Fail authentication') => {
    const dialog = await screen.findByRole('dialog', { name: 'Sandbox 3D Secure authentication' });
    expect(dialog.textContent).toContain('$25.00');
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: choice }));
  };

  it('asks for authentication on 4000 0025 0000 3155 and succeeds once the buyer completes it', async () => {
    const intent = await createIntent();
    render(<Checkout clientSecret={intent.client_secret!} />);
    await payWith('4000002500003155');
    expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('requires_action');
    await answerChallenge('Complete authentication');
    expect(await screen.findByText('Payment succeeded')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    const stored = await stripe.paymentIntents.retrieve(intent.id);
    expect(stored.status).toBe('succeeded');
    expect(stored.latest_charge).toMatch(/^ch_/);
  });

  it('resolves Stripe’s authentication error when the buyer fails the challenge on 4000 0027 6000 3184', async () => {
    const intent = await createIntent();
    render(<Checkout clientSecret={intent.client_secret!} />);
    await payWith('4000002760003184');
    await answerChallenge('Fail authentication');
    await waitFor(() =>
      expect(screen.getByTestId('payment-error').textContent).toBe(
        'The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again. (invalid_request_error/payment_intent_authentication_failure/undefined)',
      ),
    );
    const stored = await stripe.paymentIntents.retrieve(intent.id);
    expect(stored.status).toBe('requires_payment_method');
    expect(stored.last_payment_error?.code).toBe('payment_intent_authentication_failure');
  });

  it('reports the insufficient-funds decline that follows a completed challenge on 4000 0082 6000 3178', async () => {
    const intent = await createIntent();
    render(<Checkout clientSecret={intent.client_secret!} />);
    await payWith('4000008260003178');
    await answerChallenge('Complete authentication');
    await waitFor(() =>
      expect(screen.getByTestId('payment-error').textContent).toBe(
        'Your card has insufficient funds. (card_error/card_declined/insufficient_funds)',
      ),
    );
    expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe(
      'requires_payment_method',
    );
  });

  it('redirects to return_url after a completed challenge when redirect is "always"', async () => {
    const intent = await createIntent();
    const before = navigations.length;
    render(<Checkout clientSecret={intent.client_secret!} redirect="always" />);
    await payWith('4000002760003184');
    await answerChallenge('Complete authentication');
    await waitFor(() => expect(navigations).toHaveLength(before + 1));
    const url = new URL(navigations[before]!);
    expect(url.searchParams.get('payment_intent')).toBe(intent.id);
    expect(url.searchParams.get('redirect_status')).toBe('succeeded');
  });
});
