import { Suspense, forwardRef } from 'react';
import type { HTMLAttributes } from 'react';
import type { CheckoutBreakdown } from '@marketkit/core';
import { useMarketkit } from '../provider/marketkit-provider';
import { describeError } from '../i18n/error-message';
import { Alert } from '../primitives/alert';
import { lazyPart } from '../primitives/lazy-part';
import { Skeleton } from '../primitives/skeleton';
import { failureMessages } from '../i18n/en/common';
import { checkoutSummaryMessages } from '../i18n/en/checkout';
import type { Translator } from '../i18n/format';
import { amountFormatter } from '../i18n/money';
import { loadPaymentStep, useSplitCheckout } from './use-split-checkout';
import type { UseSplitCheckoutOptions } from './use-split-checkout';

/** The checkout's defaults: the shared strings it shows and its own. */
const splitCheckoutMessages = /* @__PURE__ */ Object.assign(
  {},
  failureMessages,
  checkoutSummaryMessages,
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

// Loads with Stripe.js once the order exists: the Payment Element, paying, and the receipt.
const PaymentStep = /* @__PURE__ */ lazyPart(() =>
  loadPaymentStep().then((module) => module.PaymentStep),
);

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
    const { translator } = useMarketkit('SplitCheckout', splitCheckoutMessages);
    const { t } = translator;
    const checkout = useSplitCheckout({
      items,
      currency,
      returnUrl,
      onSuccess,
      onError,
      orderPollInterval,
      orderPollAttempts,
    });
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
    } else {
      body = (
        <>
          {checkout.paymentState !== 'succeeded' && (
            <Breakdown breakdown={checkout.checkout.breakdown} translator={translator} />
          )}
          <Suspense
            fallback={<Skeleton label={t('checkout.preparing')} shape={['lg', 'button']} />}
          >
            <PaymentStep checkout={checkout} />
          </Suspense>
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
