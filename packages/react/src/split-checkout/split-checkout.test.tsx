import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { StrictMode } from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { installSandboxStripe, uninstallSandboxStripe } from '@marketkit/sandbox/browser';
import type { CheckoutRequest } from '@marketkit/core';
import { server } from '../test/server';
import { TEST_API_BASE, apiErrorResponse, createMarketkitHandlers } from '../test/handlers';
import {
  checkoutFiveSellersFixture,
  checkoutFixture,
  checkoutItemsFixture,
  paidOrderFixture,
  processingOrderFixture,
} from '../test/fixtures';
import { renderWithProvider } from '../test/render';
import { expectNoAxeViolations } from '../test/axe';
import { SplitCheckout } from './split-checkout';

// Stripe.js is the sandbox stand-in; its calls to the (absent) sandbox are answered at the request level
// with Stripe's shapes, so these tests cover the component. The integration test uses a real sandbox.
const SANDBOX = 'http://127.0.0.1:12111';
const CONFIRM = `${SANDBOX}/v1/payment_intents/:id/confirm`;

function paymentIntent(status: string) {
  return {
    id: checkoutFixture.paymentIntentId,
    object: 'payment_intent',
    amount: checkoutFixture.breakdown.total,
    currency: 'usd',
    status,
    client_secret: checkoutFixture.clientSecret,
    last_payment_error: null,
  };
}

/** Answers confirmations like Stripe does for its test cards. */
function serveStripe() {
  const confirmations: string[] = [];
  server.use(
    http.post(CONFIRM, async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      const card = form.get('payment_method_data[card][number]') ?? '';
      confirmations.push(card);
      if (card === '4000000000000002') {
        return HttpResponse.json(
          {
            error: {
              type: 'card_error',
              code: 'card_declined',
              decline_code: 'generic_decline',
              message: 'Your card was declined.',
            },
          },
          { status: 402 },
        );
      }
      if (card === '4000002500003155') return HttpResponse.json(paymentIntent('requires_action'));
      return HttpResponse.json(paymentIntent('succeeded'));
    }),
    http.get(`${SANDBOX}/v1/payment_intents/:id`, () =>
      HttpResponse.json(paymentIntent('succeeded')),
    ),
    // The stand-in's 3-D Secure dialog reports the buyer's choice here.
    http.post(`${SANDBOX}/_sandbox/payment_intents/:id/authenticate`, async ({ request }) => {
      const { outcome } = (await request.json()) as { outcome: 'complete' | 'fail' };
      if (outcome === 'complete') return HttpResponse.json(paymentIntent('succeeded'));
      return HttpResponse.json({
        ...paymentIntent('requires_payment_method'),
        last_payment_error: {
          type: 'invalid_request_error',
          code: 'payment_intent_authentication_failure',
          message:
            'We are unable to authenticate your payment method. Please choose a different payment method and try again.',
        },
      });
    }),
  );
  return confirmations;
}

/** The kit's own alert (the Payment Element stand-in shows its field errors in alerts too). */
async function findKitAlert(): Promise<HTMLElement> {
  const alerts = await screen.findAllByRole('alert');
  const alert = alerts.find((element) => element.classList.contains('mk-Alert'));
  if (!alert) throw new Error('No MarketKit alert on screen.');
  return alert;
}

async function fillCard(number: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByRole('textbox', { name: 'Card number' }), number);
  await user.type(screen.getByRole('textbox', { name: 'Expiration date' }), '1234');
  await user.type(screen.getByRole('textbox', { name: 'Security code' }), '123');
  return user;
}

function checkoutRegion() {
  return screen.getByRole('region', { name: 'Order summary' });
}

beforeAll(() => installSandboxStripe({ apiBase: SANDBOX }));
afterAll(() => uninstallSandboxStripe());

describe('SplitCheckout', () => {
  it('creates the order from the cart and shows the server’s per-seller breakdown', async () => {
    const requests: CheckoutRequest[] = [];
    server.use(
      http.post(`${TEST_API_BASE}/checkout`, async ({ request }) => {
        requests.push((await request.json()) as CheckoutRequest);
        return HttpResponse.json(checkoutFixture);
      }),
    );
    const { container } = renderWithProvider(
      <SplitCheckout items={checkoutItemsFixture} currency="usd" />,
    );
    const ada = await screen.findByRole('region', { name: 'Ada’s Pottery' });
    expect(within(ada).getByRole('heading', { name: 'Sold by Ada’s Pottery' })).toBeInTheDocument();
    expect(
      within(ada)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Hand-thrown mug × 2$48.00', 'Saucer × 1$9.00']);
    expect(ada).toHaveTextContent('Subtotal $57.00');
    expect(checkoutRegion()).toHaveTextContent('Includes marketplace fee$7.20');
    expect(checkoutRegion()).toHaveTextContent('Total$72.00');
    expect(requests).toEqual([{ items: checkoutItemsFixture, currency: 'usd' }]);
    // Enabled once Stripe.js has loaded.
    const pay = await screen.findByRole('button', { name: 'Pay $72.00' });
    await waitFor(() => expect(pay).toBeEnabled());
    await expectNoAxeViolations(container);
  });

  it('creates one order, not two, under React StrictMode', async () => {
    let created = 0;
    server.use(
      http.post(`${TEST_API_BASE}/checkout`, () => {
        created += 1;
        return HttpResponse.json(checkoutFixture);
      }),
    );
    renderWithProvider(
      <StrictMode>
        <SplitCheckout items={checkoutItemsFixture} currency="usd" />
      </StrictMode>,
    );
    await screen.findByRole('region', { name: 'Ada’s Pottery' });
    expect(created).toBe(1);
  });

  it('leaves the platform fee out when the platform hides it, for five sellers', async () => {
    server.use(
      ...createMarketkitHandlers({ overrides: { createCheckout: checkoutFiveSellersFixture } }),
    );
    renderWithProvider(<SplitCheckout items={checkoutItemsFixture} currency="eur" />);
    await screen.findByRole('region', { name: 'Seller 5' });
    expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(5);
    expect(checkoutRegion()).not.toHaveTextContent('Includes marketplace fee');
    expect(checkoutRegion()).toHaveTextContent('Total€150.00');
  });

  it('says the cart is empty instead of creating an order for nothing', async () => {
    const { container } = renderWithProvider(<SplitCheckout items={[]} currency="usd" />);
    expect(screen.getByText('Your cart is empty.')).toBeInTheDocument();
    expect(container.querySelector('.mk-SplitCheckout')).toHaveAttribute('data-state', 'idle');
    await expectNoAxeViolations(container);
  });

  it('says it is preparing while the order is created', async () => {
    server.use(http.post(`${TEST_API_BASE}/checkout`, () => new Promise(() => {})));
    const { container } = renderWithProvider(
      <SplitCheckout items={checkoutItemsFixture} currency="usd" />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Preparing checkout…');
    expect(container.querySelector('.mk-SplitCheckout')).toHaveAttribute('data-state', 'loading');
    await expectNoAxeViolations(container);
  });

  it('explains a rejected cart and retries it', async () => {
    let calls = 0;
    server.use(
      http.post(`${TEST_API_BASE}/checkout`, () => {
        calls += 1;
        return calls === 1
          ? apiErrorResponse(
              'seller_cannot_receive_transfers',
              'Grace Textiles cannot receive payments yet.',
              { param: 'items[2].itemId' },
            )
          : HttpResponse.json(checkoutFixture);
      }),
    );
    const onError = vi.fn();
    const { container } = renderWithProvider(
      <SplitCheckout items={checkoutItemsFixture} currency="usd" onError={onError} />,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'A seller in your cart cannot take payments right now. Remove their items and try again.',
    );
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({
        code: 'seller_cannot_receive_transfers',
        param: 'items[2].itemId',
      }),
    );
    await expectNoAxeViolations(container);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Pay $72.00' })).toBeInTheDocument();
  });

  it('pays, waits for the order to be recorded and shows the order with each seller', async () => {
    const confirmations = serveStripe();
    let orderReads = 0;
    server.use(
      http.get(`${TEST_API_BASE}/orders/:orderId`, ({ params }) => {
        orderReads += 1;
        expect(params.orderId).toBe(checkoutFixture.orderId);
        return HttpResponse.json(orderReads === 1 ? processingOrderFixture : paidOrderFixture);
      }),
    );
    const onSuccess = vi.fn();
    const { container } = renderWithProvider(
      <SplitCheckout
        items={checkoutItemsFixture}
        currency="usd"
        onSuccess={onSuccess}
        orderPollInterval={5}
      />,
    );
    const user = await fillCard('4242424242424242');
    await user.click(screen.getByRole('button', { name: 'Pay $72.00' }));
    const success = await screen.findByText('Payment complete. Order ord_fixture_1');
    expect(success.closest('[role="status"]')).toHaveTextContent(
      'Ada’s Pottery$57.00Grace Textiles$15.00Total $72.00',
    );
    expect(confirmations).toEqual(['4242424242424242']);
    expect(orderReads).toBe(2);
    expect(onSuccess).toHaveBeenCalledWith({ orderId: 'ord_fixture_1', order: paidOrderFixture });
    expect(container.querySelector('.mk-SplitCheckout')).toHaveAttribute('data-state', 'succeeded');
    await expectNoAxeViolations(container);
  });

  it('explains a decline in the buyer’s words and lets them try another card', async () => {
    const confirmations = serveStripe();
    const onError = vi.fn();
    const { container } = renderWithProvider(
      <SplitCheckout items={checkoutItemsFixture} currency="usd" onError={onError} />,
    );
    const user = await fillCard('4000000000000002');
    await user.click(screen.getByRole('button', { name: 'Pay $72.00' }));
    expect(await findKitAlert()).toHaveTextContent(
      'Your payment was not completed. Your card was declined. Try another card, or contact your bank.',
    );
    expect(container.querySelector('.mk-SplitCheckout')).toHaveAttribute('data-state', 'declined');
    // Stripe's own text and code go to the developer, not the screen.
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'Your card was declined.', code: 'generic_decline' }),
    );
    await expectNoAxeViolations(container);

    const number = screen.getByRole('textbox', { name: 'Card number' });
    await user.clear(number);
    await user.type(number, '4242424242424242');
    await user.click(screen.getByRole('button', { name: 'Pay $72.00' }));
    expect(await screen.findByText('Payment complete. Order ord_fixture_1')).toBeInTheDocument();
    expect(confirmations).toEqual(['4000000000000002', '4242424242424242']);
  });

  it('offers a retry when the payment request cannot reach Stripe', async () => {
    let reachable = false;
    const confirmations = serveStripe();
    server.use(
      http.post(CONFIRM, () => {
        if (reachable) return undefined;
        return HttpResponse.error();
      }),
    );
    const { container } = renderWithProvider(
      <SplitCheckout items={checkoutItemsFixture} currency="usd" />,
    );
    const user = await fillCard('4242424242424242');
    await user.click(screen.getByRole('button', { name: 'Pay $72.00' }));
    const alert = await findKitAlert();
    expect(alert).toHaveTextContent(
      'The server could not be reached. Check your connection and try again.',
    );
    expect(alert).not.toHaveTextContent(/sandbox/i);
    expect(container.querySelector('.mk-SplitCheckout')).toHaveAttribute('data-state', 'failed');
    reachable = true;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Payment complete. Order ord_fixture_1')).toBeInTheDocument();
    expect(confirmations).toEqual(['4242424242424242']);
  });

  it('blocks a second submission while the first is in flight', async () => {
    const confirmations = serveStripe();
    let release: () => void = () => {};
    server.use(
      http.post(CONFIRM, async () => {
        confirmations.push('held');
        await new Promise<void>((resolve) => (release = resolve));
        return HttpResponse.json(paymentIntent('succeeded'));
      }),
    );
    const { container } = renderWithProvider(
      <SplitCheckout items={checkoutItemsFixture} currency="usd" />,
    );
    const user = await fillCard('4242424242424242');
    await user.click(screen.getByRole('button', { name: 'Pay $72.00' }));
    const busy = await screen.findByRole('button', { name: 'Processing payment…' });
    expect(busy).toBeDisabled();
    expect(busy).toHaveAttribute('aria-busy', 'true');
    expect(container.querySelector('.mk-SplitCheckout')).toHaveAttribute(
      'data-state',
      'submitting',
    );
    await user.click(busy);
    await user.keyboard('{Enter}');
    release();
    expect(await screen.findByText('Payment complete. Order ord_fixture_1')).toBeInTheDocument();
    expect(confirmations).toEqual(['held']);
  });

  it('completes a payment that needs 3-D Secure once the buyer authenticates', async () => {
    serveStripe();
    renderWithProvider(
      <SplitCheckout items={checkoutItemsFixture} currency="usd" orderPollInterval={5} />,
    );
    const user = await fillCard('4000002500003155');
    await user.click(screen.getByRole('button', { name: 'Pay $72.00' }));
    await user.click(await screen.findByRole('button', { name: 'Complete authentication' }));
    expect(await screen.findByText('Payment complete. Order ord_fixture_1')).toBeInTheDocument();
  });

  it('reports a failed 3-D Secure challenge as a decline the buyer can retry', async () => {
    serveStripe();
    renderWithProvider(<SplitCheckout items={checkoutItemsFixture} currency="usd" />);
    const user = await fillCard('4000002500003155');
    await user.click(screen.getByRole('button', { name: 'Pay $72.00' }));
    await user.click(await screen.findByRole('button', { name: 'Fail authentication' }));
    const alert = await findKitAlert();
    expect(alert).toHaveTextContent(
      'Your payment was not completed. Your bank could not confirm it was you. Try again, or use another card.',
    );
    expect(alert).not.toHaveTextContent(/PaymentMethod|payment_method/);
    expect(screen.getByRole('button', { name: 'Pay $72.00' })).toBeEnabled();
  });

  it('still confirms the payment when the order cannot be read back', async () => {
    serveStripe();
    server.use(http.get(`${TEST_API_BASE}/orders/:orderId`, () => HttpResponse.error()));
    const onSuccess = vi.fn();
    renderWithProvider(
      <SplitCheckout
        items={checkoutItemsFixture}
        currency="usd"
        onSuccess={onSuccess}
        orderPollInterval={1}
        orderPollAttempts={2}
      />,
    );
    const user = await fillCard('4242424242424242');
    await user.click(screen.getByRole('button', { name: 'Pay $72.00' }));
    const success = await screen.findByText('Payment complete. Order ord_fixture_1');
    expect(success.closest('[role="status"]')).toHaveTextContent('Ada’s Pottery$57.00');
    expect(onSuccess).toHaveBeenCalledWith({ orderId: 'ord_fixture_1', order: undefined });
  });
});
