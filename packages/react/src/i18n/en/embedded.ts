import { closeMessages, embeddedLoadingMessages } from './common';

/** The embedded variants' loading and failure (the failure comes with the embedded entry). */
export const embeddedMessages = /* @__PURE__ */ Object.assign({}, embeddedLoadingMessages, {
  'embedded.error':
    'This part of the page could not be loaded. Check your connection and reload the page.',
});

/** The embedded onboarding dialog's heading and close button, which come with the embedded entry. */
export const onboardingDialogMessages = /* @__PURE__ */ Object.assign({}, closeMessages, {
  'onboarding.dialogTitle': 'Set up payouts',
});
