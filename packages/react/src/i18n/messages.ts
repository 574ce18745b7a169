/**
 * Every string the kit shows, in English. The words live in one module per group (`en/`), so a component
 * and each part it loads on demand bring only their own: an app's bundler keeps a module whole, and a
 * group shared with a part loaded on demand would come with the first load. This module assembles the
 * whole catalogue (the reference for other languages); apps override any message through
 * `<MarketkitProvider messages>`.
 */
import { declineMessages } from './decline-messages';
import { errorMessages } from './error-messages';
import {
  closeMessages,
  confirmMessages,
  dismissMessages,
  failureMessages,
  loadingMessages,
} from './en/common';
import { embeddedMessages, onboardingDialogMessages } from './en/embedded';
import { onboardingMessages } from './en/onboarding';
import { checkoutMessages } from './en/checkout';
import { payoutsMessages } from './en/payouts';
import { payoutScheduleMessages } from './en/payout-schedule';
import { riskMessages } from './en/risk';
import { platformRiskMessages } from './en/platform-risk';
import { sellerDebtsMessages } from './en/seller-debts';

export const commonMessages: typeof failureMessages &
  typeof embeddedMessages &
  typeof loadingMessages &
  typeof confirmMessages &
  typeof closeMessages &
  typeof dismissMessages = /* @__PURE__ */ Object.assign(
  {},
  loadingMessages,
  failureMessages,
  confirmMessages,
  closeMessages,
  dismissMessages,
  embeddedMessages,
);

/** The whole English catalogue (the reference for other languages). */
export const en: typeof commonMessages &
  typeof errorMessages &
  typeof onboardingMessages &
  typeof onboardingDialogMessages &
  typeof checkoutMessages &
  typeof declineMessages &
  typeof payoutsMessages &
  typeof payoutScheduleMessages &
  typeof riskMessages &
  typeof platformRiskMessages &
  typeof sellerDebtsMessages = /* @__PURE__ */ Object.assign(
  {},
  commonMessages,
  errorMessages,
  onboardingMessages,
  onboardingDialogMessages,
  checkoutMessages,
  declineMessages,
  payoutsMessages,
  payoutScheduleMessages,
  riskMessages,
  platformRiskMessages,
  sellerDebtsMessages,
);

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
