import { forwardRef, useMemo } from 'react';
import type { FormEvent, HTMLAttributes } from 'react';
import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import type { CheckoutBreakdown } from '@marketkit/core';
import { useMarketkit } from '../provider/marketkit-provider';
import { describeDecline, describeError } from '../i18n/error-message';
import { Alert } from '../primitives/alert';
import { Icon, pendingIcon, successIcon } from '../primitives/icon';
import { Skeleton } from '../primitives/skeleton';
import { failureMessages } from '../i18n/en/common';
import { checkoutMessages, declinedMessages } from '../i18n/en/checkout';
import type { Translator } from '../i18n/format';
import { amountFormatter } from '../i18n/money';
import { toElementsAppearance } from '../theme/appearance';
import { useSplitCheckout } from './use-split-checkout';
import type { UseSplitCheckoutOptions, UseSplitCheckoutResult } from './use-split-checkout';

/** The checkout's defaults: the shared strings it shows and its own. */
const splitCheckoutMessages = /* @__PURE__ */ Object.assign(
  {},
  failureMessages,
  checkoutMessages,
  declinedMessages,
);

export interface SplitCheckoutProps
  extends UseSplitCheckoutOptions, Omit<HTMLAttributes<HTMLElement>, 'onError'> {}

function Breakdown({
  breakdown,
  translator,
}: {
  breakdown: CheckoutBreakdown;
  translator: Translator;
}) {
  const { t } = translator;
  const money = amountFormatter(translator.locale);
  const { currency } = breakdown;
  return (
    <div className="mk-SplitCheckout-breakdown">
      {breakdown.sellers.map((seller) => (
        <section
          key={seller.sellerId}
          className="mk-SplitCheckout-seller"
          aria-label={seller.displayName}
        >
          <h3 className="mk-SplitCheckout-sellerName">
            {t('checkout.seller', { name: seller.displayName })}
          </h3>
          <ul className="mk-SplitCheckout-lines">
            {seller.lines.map((line, index) => (
              <li key={index} className="mk-SplitCheckout-line">
                <span>
                  {t('checkout.line', { description: line.description, quantity: line.quantity })}
                </span>
                <span>{money(line.lineTotal, currency)}</span>
              </li>
            ))}
          </ul>
          <p className="mk-SplitCheckout-subtotal">
            <span>{t('checkout.subtotal')}</span> <span>{money(seller.subtotal, currency)}</span>
          </p>
        </section>
      ))}
      <dl className="mk-SplitCheckout-totals">
        <div className="mk-SplitCheckout-total">
          <dt>{t('checkout.total')}</dt>
          <dd>{money(breakdown.total, currency)}</dd>
        </div>
        {/* Separate charges and transfers: the fee comes out of sellers' subtotals, not on top. */}
        {breakdown.platformFee !== null && (
          <div className="mk-SplitCheckout-fee">
            <dt>{t('checkout.platformFee')}</dt>
            <dd>{money(breakdown.platformFee, currency)}</dd>
          </div>
        )}
      </dl>
    </div>
  );
}

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
  const money = amountFormatter(translator.locale);
  const breakdown = checkout.checkout!.breakdown;
  const busy =
    checkout.paymentState === 'submitting' ||
    checkout.paymentState === 'requires_action' ||
    checkout.paymentState === 'confirming_order';

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
            : t('checkout.pay', { amount: money(breakdown.total, breakdown.currency) })}
      </button>
    </form>
  );
}

/** A multi-seller cart: the server's per-seller breakdown, Stripe's Payment Element, and the outcome. */
export const SplitCheckout = /* @__PURE__ */ forwardRef<HTMLElement, SplitCheckoutProps>(
  function SplitCheckout(
    {
      items,
      currency,
      returnUrl,
      onSuccess,
      onError,
      orderPollInterval,
      orderPollAttempts,
      className,
      ...props
    },
    ref,
  ) {
    const { translator, appearance } = useMarketkit('SplitCheckout', splitCheckoutMessages);
    const { t } = translator;
    const money = amountFormatter(translator.locale);
    const checkout = useSplitCheckout({
      items,
      currency,
      returnUrl,
      onSuccess,
      onError,
      orderPollInterval,
      orderPollAttempts,
    });
    const elementsOptions = useMemo(
      () =>
        checkout.checkout
          ? {
              clientSecret: checkout.checkout.clientSecret,
              appearance: toElementsAppearance(appearance),
              locale: translator.locale.split('-')[0] as 'auto',
            }
          : undefined,
      [checkout.checkout, appearance, translator.locale],
    );
    const classes = className
      ? `mk-SplitCheckout mk-Card ${className}`
      : 'mk-SplitCheckout mk-Card';
    const state = checkout.checkout ? checkout.paymentState : checkout.status;

    let body;
    if (checkout.status === 'error' && !checkout.checkout) {
      body = (
        <>
          <Alert>{describeError(checkout.error, translator)}</Alert>
          <button
            type="button"
            className="mk-Button"
            data-variant="secondary"
            onClick={() => void checkout.retryCheckout()}
          >
            {t('common.retry')}
          </button>
        </>
      );
    } else if (checkout.status === 'idle') {
      body = <p className="mk-SplitCheckout-empty">{t('checkout.empty')}</p>;
    } else if (!checkout.checkout) {
      body = (
        <Skeleton label={t('checkout.preparing')} shape={['md', 'md', 'md', 'lg', 'button']} />
      );
    } else if (checkout.paymentState === 'succeeded') {
      const sellers = checkout.order?.sellers ?? checkout.checkout.breakdown.sellers;
      const orderCurrency = checkout.order?.currency ?? checkout.checkout.breakdown.currency;
      body = (
        <div role="status" className="mk-SplitCheckout-success">
          <p className="mk-SplitCheckout-successTitle mk-Notice" data-tone="success">
            <Icon icon={successIcon} />
            <span>{t('checkout.succeeded', { orderId: checkout.checkout.orderId })}</span>
          </p>
          <ul className="mk-SplitCheckout-lines">
            {sellers.map((seller) => (
              <li key={seller.sellerId} className="mk-SplitCheckout-line">
                <span>{seller.displayName}</span>
                <span>{money(seller.subtotal, orderCurrency)}</span>
              </li>
            ))}
          </ul>
          <p className="mk-SplitCheckout-subtotal">
            <span>{t('checkout.total')}</span>{' '}
            <span>
              {money(checkout.order?.total ?? checkout.checkout.breakdown.total, orderCurrency)}
            </span>
          </p>
        </div>
      );
    } else {
      body = (
        <>
          <Breakdown breakdown={checkout.checkout.breakdown} translator={translator} />
          {checkout.stripe ? (
            <Elements
              key={checkout.checkout.clientSecret}
              stripe={checkout.stripe}
              options={elementsOptions}
            >
              <PaymentForm checkout={checkout} translator={translator} />
            </Elements>
          ) : (
            <Alert>{t('checkout.stripeUnavailable')}</Alert>
          )}
        </>
      );
    }

    return (
      <section
        ref={ref}
        className={classes}
        data-state={state}
        aria-label={t('checkout.title')}
        {...props}
      >
        <h2 className="mk-SplitCheckout-title mk-Card-title">{t('checkout.title')}</h2>
        {body}
      </section>
    );
  },
);
