// Generated from @stripe/connect-js 3.4.6 (connectElementTagNames and the setter configs).
// connect-components.test.ts fails when the installed connect-js differs; paste its expected value here.
export const connectJsVersion = '3.4.6';

export const connectTagNames: readonly string[] = [
  'account-onboarding',
  'disputes-list',
  'payments',
  'payment-details',
  'payment-disputes',
  'payouts',
  'payouts-list',
  'payout-details',
  'balances',
  'account-management',
  'notification-banner',
  'instant-payouts-promotion',
  'issuing-card',
  'issuing-cards-list',
  'financial-account',
  'financial-account-transactions',
  'documents',
  'tax-registrations',
  'tax-settings',
  'balance-report',
  'payout-reconciliation-report',
];

export const commonSetters: readonly string[] = ['setOnLoadError', 'setOnLoaderStart'];

export const customSetters: Readonly<Record<string, readonly string[]>> = {
  'account-onboarding': [
    'setFullTermsOfServiceUrl',
    'setRecipientTermsOfServiceUrl',
    'setPrivacyPolicyUrl',
    'setSkipTermsOfServiceCollection',
    'setCollectionOptions',
    'setOnExit',
    'setOnStepChange',
  ],
  'account-management': ['setCollectionOptions', 'setOnSectionOpen'],
  'notification-banner': ['setCollectionOptions', 'setOnNotificationsChange'],
  'instant-payouts-promotion': ['setOnInstantPayoutsPromotionLoaded', 'setOnInstantPayoutCreated'],
  'issuing-card': [
    'setDefaultCard',
    'setCardSwitching',
    'setFetchEphemeralKey',
    'setShowSpendControls',
  ],
  'issuing-cards-list': ['setFetchEphemeralKey', 'setShowSpendControls', 'setIssuingProgram'],
  'financial-account': ['setFinancialAccount'],
  'financial-account-transactions': ['setFinancialAccount'],
  payments: ['setDefaultFilters'],
  'payment-details': ['setPayment', 'setOnClose'],
  'payment-disputes': ['setPayment', 'setOnDisputesLoaded'],
  'tax-settings': [
    'setHideProductTaxCodeSelector',
    'setDisplayHeadOfficeCountries',
    'setOnTaxSettingsUpdated',
  ],
  'tax-registrations': [
    'setOnAfterTaxRegistrationAdded',
    'setDisplayCountries',
    'setOnAfterTaxRegistrationExpired',
  ],
  'payout-details': ['setPayout', 'setOnClose'],
  'payout-reconciliation-report': ['setOnReportAvailabilityLoaded'],
};
