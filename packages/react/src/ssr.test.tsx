// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { renderToString } from 'react-dom/server';
import type { ReactElement } from 'react';
import {
  MarketkitProvider,
  OnboardingButton,
  PayoutsPanel,
  PlatformRiskTable,
  RiskBanner,
  SplitCheckout,
} from './index';
import { fr } from './locales-fr';
import { checkoutItemsFixture } from './test/fixtures';

function renderOnServer(element: ReactElement) {
  return renderToString(
    <MarketkitProvider
      apiBase="https://shop.example/api/marketkit"
      publishableKey="pk_test_ssr"
      messages={fr}
      locale="fr-FR"
    >
      {element}
    </MarketkitProvider>,
  );
}

describe('server rendering', () => {
  it('runs without a window', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it.each([
    ['OnboardingButton', <OnboardingButton key="1" />, 'Chargement…'],
    ['OnboardingButton (embedded)', <OnboardingButton key="2" variant="embedded" />, 'Chargement…'],
    [
      'SplitCheckout',
      <SplitCheckout key="3" items={checkoutItemsFixture} currency="usd" />,
      'Préparation du paiement…',
    ],
    ['PayoutsPanel', <PayoutsPanel key="4" />, 'Chargement…'],
    [
      'PayoutsPanel (embedded)',
      <PayoutsPanel key="5" variant="embedded" />,
      'Chargement de Stripe…',
    ],
    ['RiskBanner (embedded)', <RiskBanner key="6" variant="embedded" />, 'Chargement de Stripe…'],
    ['PlatformRiskTable', <PlatformRiskTable key="7" />, 'Chargement…'],
  ])('renders %s to HTML in its loading state', (_name, element, text) => {
    const html = renderOnServer(element);
    expect(html).toContain('class="mk-Root"');
    expect(html).toContain(text);
  });

  it('renders RiskBanner as nothing until it knows there is something to say', () => {
    expect(renderOnServer(<RiskBanner />)).toBe(renderOnServer(<></>));
  });
});
