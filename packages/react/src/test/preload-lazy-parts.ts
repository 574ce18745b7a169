import { beforeAll } from 'vitest';

// Every part that loads on demand (lazy-entries.mjs lists them), transformed before the component tests:
// on a busy machine the first transform of a part can outlast a test's wait for what it renders (a page
// fetches a built chunk instead). Not for the integration suites: one of them holds back a part's first load.
beforeAll(() =>
  Promise.all([
    import('../risk-banner/risk-signals'),
    import('../platform-risk-table/seller-debts'),
    import('../payouts-panel/schedule-editor'),
    import('../embedded/embedded-components'),
    import('../onboarding-button'),
    import('../split-checkout/payment-step'),
    import('../i18n/error-messages'),
    import('../provider/api-routes'),
  ]),
);
