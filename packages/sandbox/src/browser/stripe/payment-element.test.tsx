// @vitest-environment jsdom
import { cleanup, configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, useState } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Stripe } from '@stripe/stripe-js';
import {
  AddressElement,
  Elements,
  PaymentElement,
  useElements,
  useStripe,
} from '@stripe/react-stripe-js';
import { installSandboxStripe, uninstallSandboxStripe } from '../index';

// Generous waits: CI runs these beside the whole monorepo on two cores.
configure({ asyncUtilTimeout: 5000 });

// Nothing listens here: a confirm that reached the network would fail with api_connection_error instead.
const unreachable = 'http://127.0.0.1:9';
let stripePromise: Promise<Stripe | null>;

beforeAll(async () => {
  installSandboxStripe({ apiBase: unreachable });
  const { loadStripe } = await import('@stripe/stripe-js');
  stripePromise = loadStripe('pk_test_sandbox');
});
afterEach(cleanup);
afterAll(uninstallSandboxStripe);

function Checkout(props: { onEvent: (name: string, event: unknown) => void }) {
  const Form = () => {
    const stripe = useStripe();
    const elements = useElements();
    const [message, setMessage] = useState('');
    return (
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          const submitted = await elements!.submit();
          if (submitted.error) return setMessage(`submit: ${submitted.error.code}`);
          const result = await stripe!.confirmPayment({
            elements: elements!,
            redirect: 'if_required',
          });
          setMessage(result.error ? `${result.error.type}: ${result.error.message}` : 'paid');
        }}
      >
        <PaymentElement
          onReady={() => props.onEvent('ready', undefined)}
          onChange={(event) => props.onEvent('change', event)}
          onFocus={() => props.onEvent('focus', undefined)}
          onBlur={() => props.onEvent('blur', undefined)}
        />
        <button type="submit">Pay</button>
        <p data-testid="message">{message}</p>
      </form>
    );
  };
  return (
    <Elements
      stripe={stripePromise}
      options={{
        clientSecret: 'pi_123_secret_abc',
        appearance: { variables: { colorPrimary: '#0a7d32', borderRadius: '2px' } },
      }}
    >
      <Form />
    </Elements>
  );
}

describe('the sandbox Payment Element under @stripe/react-stripe-js', () => {
  it('renders a labelled card form marked as a sandbox and reports ready', async () => {
    const onEvent = vi.fn();
    render(<Checkout onEvent={onEvent} />);
    expect(
      await screen.findByRole('group', { name: 'Sandbox — use Stripe test cards' }),
    ).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Card number' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Expiration date' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Security code' })).toBeTruthy();
    await waitFor(() => expect(onEvent).toHaveBeenCalledWith('ready', undefined));
  });

  it('applies appearance variables as CSS custom properties', async () => {
    render(<Checkout onEvent={() => undefined} />);
    const group = await screen.findByRole('group', { name: 'Sandbox — use Stripe test cards' });
    const root = group.closest<HTMLElement>('.mk-sandbox')!;
    expect(root.style.getPropertyValue('--mk-sandbox-color-primary')).toBe('#0a7d32');
    expect(root.style.getPropertyValue('--mk-sandbox-border-radius')).toBe('2px');
  });

  it('formats the card as typed and emits change, focus and blur like Stripe', async () => {
    const user = userEvent.setup({ delay: null });
    const onEvent = vi.fn();
    render(<Checkout onEvent={onEvent} />);
    const number = await screen.findByRole('textbox', { name: 'Card number' });
    await user.type(number, '4242424242424242');
    expect((number as HTMLInputElement).value).toBe('4242 4242 4242 4242');
    expect(onEvent).toHaveBeenCalledWith('focus', undefined);
    await user.type(screen.getByRole('textbox', { name: 'Expiration date' }), '1234');
    await user.type(screen.getByRole('textbox', { name: 'Security code' }), '123');
    const changes = onEvent.mock.calls
      .filter(([name]) => name === 'change')
      .map(([, event]) => event);
    expect(changes.at(0)).toMatchObject({
      elementType: 'payment',
      complete: false,
      empty: false,
      value: { type: 'card' },
    });
    expect(changes.at(-1)).toMatchObject({ complete: true, empty: false, value: { type: 'card' } });
    expect(onEvent).not.toHaveBeenCalledWith('blur', undefined);
    // Moving between the element's own inputs is not a blur; leaving the element is.
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Pay' }));
    await waitFor(() => expect(onEvent).toHaveBeenCalledWith('blur', undefined));
  });

  it('shows an incomplete card in an alert and elements.submit() returns the validation error', async () => {
    const user = userEvent.setup({ delay: null });
    render(<Checkout onEvent={() => undefined} />);
    await user.type(await screen.findByRole('textbox', { name: 'Card number' }), '4242');
    await user.click(screen.getByRole('button', { name: 'Pay' }));
    expect(await screen.findByText('submit: incomplete_number')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('Your card number is incomplete.');
    expect(screen.getByRole('textbox', { name: 'Card number' }).getAttribute('aria-invalid')).toBe(
      'true',
    );
  });

  it('shows an error on blur only once the user leaves a field, and clears it when fixed', async () => {
    const user = userEvent.setup({ delay: null });
    render(<Checkout onEvent={() => undefined} />);
    const number = await screen.findByRole('textbox', { name: 'Card number' });
    await user.type(number, '4242424242424241');
    expect(screen.getByRole('alert').textContent).toBe('');
    await user.tab();
    expect(screen.getByRole('alert').textContent).toBe('Your card number is invalid.');
    await user.clear(number);
    await user.type(number, '4242424242424242');
    expect(screen.getByRole('alert').textContent).toBe('');
  });

  it('survives React StrictMode mounting the element twice, leaving one form', async () => {
    const user = userEvent.setup({ delay: null });
    render(
      <StrictMode>
        <Checkout onEvent={() => undefined} />
      </StrictMode>,
    );
    const number = await screen.findByRole('textbox', { name: 'Card number' });
    expect(screen.getAllByRole('textbox', { name: 'Card number' })).toHaveLength(1);
    await user.type(number, '4242');
    expect((number as HTMLInputElement).value).toBe('4242');
  });

  it('mounts a clear notice for an element type the sandbox does not emulate', async () => {
    render(
      <Elements stripe={stripePromise} options={{ clientSecret: 'pi_123_secret_abc' }}>
        <AddressElement options={{ mode: 'shipping' }} />
      </Elements>,
    );
    expect(
      await screen.findByText('Sandbox: the "address" Element is not emulated in the sandbox.'),
    ).toBeTruthy();
  });

  it('refuses to confirm without a return_url unless redirect is if_required', async () => {
    const stripe = (await stripePromise)!;
    const elements = stripe.elements({ clientSecret: 'pi_123_secret_abc' });
    await expect(stripe.confirmPayment({ elements, confirmParams: {} as never })).rejects.toThrow(
      /return_url/,
    );
  });
});

describe('the Payment Element stand-in in French', () => {
  function FrenchCheckout({ locale }: { locale: 'fr' | 'en' }) {
    return (
      <Elements
        stripe={stripePromise}
        options={{ mode: 'payment', amount: 1000, currency: 'eur', locale }}
      >
        <PaymentElement />
      </Elements>
    );
  }

  it('labels the card form and its errors in the locale Elements was given, and follows a change', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<FrenchCheckout locale="fr" />);
    const number = await screen.findByRole('textbox', { name: 'Numéro de carte' });
    expect(screen.getByRole('textbox', { name: 'Date d’expiration' })).toBeTruthy();
    await user.type(number, '4242');
    await user.tab();
    expect(screen.getByRole('alert').textContent).toBe('Le numéro de votre carte est incomplet.');
    rerender(<FrenchCheckout locale="en" />);
    expect(
      ((await screen.findByRole('textbox', { name: 'Card number' })) as HTMLInputElement).value,
    ).toBe('4242');
  });
});
