// The payment half of SplitCheckout: Stripe's Payment Element, confirming the payment and waiting for the
// order (confirm-payment.ts), and the receipt. None of it can run before Stripe.js has loaded, so it loads
// with Stripe.js once there is an order to pay (`@marketkit/react/checkout-payment` when published): the
// order summary draws without it.
import { useMemo } from 'react';
import type { FormEvent } from 'react';
import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import { useMarketkit } from '../provider/marketkit-provider';
import { describeDecline } from '../i18n/error-message';
import { failureMessages } from '../i18n/en/common';
import { checkoutSummaryMessages } from '../i18n/en/checkout';
import { checkoutPaymentMessages, declinedMessages } from '../i18n/en/checkout-payment';
import type { Translator } from '../i18n/format';
import { amountFormatter } from '../i18n/money';
import { toElementsAppearance } from '../theme/appearance';
import { Alert } from '../primitives/alert';
import { Icon } from '../primitives/icon';
import { pendingIcon, successIcon } from '../primitives/status-icons';
import type { PaymentState, UseSplitCheckoutResult } from './use-split-checkout';

export { confirmCheckoutPayment } from './confirm-payment';

const paymentStepMessages = /* @__PURE__ */ Object.assign(
  {},
  failureMessages,
  checkoutSummaryMessages,
  checkoutPaymentMessages,
  declinedMessages,
);

const BUSY: ReadonlySet<PaymentState> = new Set([
  'submitting',
  'requires_action',
  'confirming_order',
]);

function PaymentForm({
  checkout,
  translator,
}: {
  checkout: UseSplitCheckoutResult;
  translator: Translator;
}) {
  const stripe = useStripe();
  const elements = useElements();
  const { t } = translator;
  const { total, currency } = checkout.checkout!.breakdown;
  const busy = BUSY.has(checkout.paymentState);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!stripe || !elements || busy) return;
    void checkout.pay(stripe, elements);
  }

  return (
    <form className="mk-SplitCheckout-form" onSubmit={handleSubmit} aria-busy={busy || undefined}>
      <PaymentElement />
      {checkout.paymentState === 'declined' && (
        <Alert>
          {t('checkout.declined', {
            message: describeDecline(checkout.paymentErrorCode, translator),
          })}
        </Alert>
      )}
      {checkout.paymentState === 'failed' && <Alert>{t('common.networkError')}</Alert>}
      {checkout.paymentState === 'confirming_order' && (
        <p role="status" className="mk-SplitCheckout-progress mk-Notice" data-tone="info">
          <Icon icon={pendingIcon} />
          <span>{t('checkout.confirmingOrder')}</span>
        </p>
      )}
      <button
        type="submit"
        className="mk-Button mk-SplitCheckout-pay"
        disabled={!stripe || !elements || busy}
        aria-busy={busy || undefined}
      >
        {busy
          ? t('checkout.paying')
          : checkout.paymentState === 'failed'
            ? t('common.retry')
            : t('checkout.pay', { amount: amountFormatter(translator.locale)(total, currency) })}
      </button>
    </form>
  );
}

/** What the buyer sees once paid: the server's order if it has arrived, else Stripe's word for it. */
function Receipt({
  checkout,
  translator,
}: {
  checkout: UseSplitCheckoutResult;
  translator: Translator;
}) {
  const { t } = translator;
  const money = amountFormatter(translator.locale);
  const { order } = checkout;
  const { breakdown, orderId } = checkout.checkout!;
  const currency = order?.currency ?? breakdown.currency;
  return (
    <div role="status" className="mk-SplitCheckout-success">
      <p className="mk-SplitCheckout-successTitle mk-Notice" data-tone="success">
        <Icon icon={successIcon} />
        <span>{t('checkout.succeeded', { orderId })}</span>
      </p>
      <ul className="mk-SplitCheckout-lines">
        {(order?.sellers ?? breakdown.sellers).map((seller) => (
          <li key={seller.sellerId} className="mk-SplitCheckout-line">
            <span>{seller.displayName}</span>
            <span>{money(seller.subtotal, currency)}</span>
          </li>
        ))}
      </ul>
      <p className="mk-SplitCheckout-subtotal">
        <span>{t('checkout.total')}</span>{' '}
        <span>{money(order?.total ?? breakdown.total, currency)}</span>
      </p>
    </div>
  );
}

/** The Payment Element and pay button, then the receipt; SplitCheckout renders it once the order exists. */
export function PaymentStep({ checkout }: { checkout: UseSplitCheckoutResult }) {
  const { translator, appearance } = useMarketkit('SplitCheckout', paymentStepMessages);
  const { clientSecret } = checkout.checkout!;
  const options = useMemo(
    () => ({
      clientSecret,
      appearance: toElementsAppearance(appearance),
      locale: translator.locale.split('-')[0] as 'auto',
    }),
    [clientSecret, appearance, translator.locale],
  );
  if (checkout.paymentState === 'succeeded')
    return <Receipt checkout={checkout} translator={translator} />;
  if (!checkout.stripe) return <Alert>{translator.t('checkout.stripeUnavailable')}</Alert>;
  return (
    <Elements key={clientSecret} stripe={checkout.stripe} options={options}>
      <PaymentForm checkout={checkout} translator={translator} />
    </Elements>
  );
}
