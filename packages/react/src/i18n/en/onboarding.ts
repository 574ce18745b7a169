/** OnboardingButton and the onboarding dialog. */
export const onboardingMessages = {
  'onboarding.not_started': 'Set up payouts',
  'onboarding.in_progress': 'Continue setup',
  'onboarding.restricted': 'Update information',
  'onboarding.pending_verification': 'Verifying…',
  'onboarding.enabled': 'Payouts enabled',
  'onboarding.rejected': 'Account rejected — contact support',
  'onboarding.manage': 'Manage',
  'onboarding.redirecting': 'Opening Stripe…',
};
