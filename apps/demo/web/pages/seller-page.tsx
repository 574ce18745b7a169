import { useState } from 'react';
import { OnboardingButton, PayoutsPanel, RiskBanner, useAccountStatus } from '@marketkit/react';
import { useDemo } from '../app';
import { orderNumber, useDemoTranslator } from '../i18n';

type Variant = 'default' | 'embedded';
const VARIANT_KEY = 'marketkit-demo-seller-variant';

function initialVariant(): Variant {
  return window.localStorage.getItem(VARIANT_KEY) === 'embedded' ? 'embedded' : 'default';
}

export function SellerPage() {
  const { user } = useDemo();
  const { t } = useDemoTranslator();
  const [variant, setVariant] = useState<Variant>(initialVariant);
  const embedded = variant === 'embedded';
  const state = useAccountStatus().data?.state;
  // One call to action per remedy on the page: before payouts work, PayoutsPanel (not started) or the
  // risk banner (in progress, restricted) already carries the button; this card is for the settled states.
  const showGettingPaid =
    embedded || state === 'enabled' || state === 'pending_verification' || state === 'rejected';

  const toggle = () => {
    const next: Variant = embedded ? 'default' : 'embedded';
    window.localStorage.setItem(VARIANT_KEY, next);
    setVariant(next);
  };

  return (
    <section aria-labelledby="seller-title" className="demo-Seller" data-variant={variant}>
      <header className="demo-PageHeader">
        <div>
          <h1 id="seller-title">{user?.displayName}</h1>
          <p className="demo-Lead">{t('seller.lead')}</p>
        </div>
        <label className="demo-Switch">
          <input type="checkbox" role="switch" checked={embedded} onChange={toggle} />
          <span>{t('seller.embedded')}</span>
        </label>
      </header>
      {/* Remounted on toggle so each variant starts from its own state. */}
      <div key={variant} className="demo-Stack">
        <RiskBanner
          variant={embedded ? 'embedded' : undefined}
          orderLabel={(orderId) => `#${orderNumber(orderId)}`}
        />
        {showGettingPaid ? (
          <section className="demo-Card" aria-labelledby="onboarding-title">
            <h2 id="onboarding-title" className="demo-CardTitle">
              {t('seller.gettingPaid')}
            </h2>
            <p className="demo-Muted">{t('seller.gettingPaidLead')}</p>
            <OnboardingButton variant={embedded ? 'embedded' : undefined} />
          </section>
        ) : null}
        {/* The panel is its own card, with its own "Payouts" heading. */}
        <PayoutsPanel variant={embedded ? 'embedded' : undefined} />
      </div>
    </section>
  );
}
