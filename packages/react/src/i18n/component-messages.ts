// Each component's defaults: the shared strings it shows plus its own, so a page ships only what it renders.
import {
  checkoutMessages,
  closeMessages,
  confirmMessages,
  dismissMessages,
  embeddedLoadingMessages,
  failureMessages,
  loadingMessages,
  onboardingMessages,
  payoutsMessages,
  payoutScheduleMessages,
  platformRiskMessages,
  riskMessages,
  sellerDebtsMessages,
} from './messages';
import { declinedMessages } from './decline-messages';

export const riskBannerMessages = /* @__PURE__ */ Object.assign(
  {},
  failureMessages,
  dismissMessages,
  riskMessages,
);
export const onboardingButtonMessages = /* @__PURE__ */ Object.assign(
  {},
  failureMessages,
  loadingMessages,
  closeMessages,
  onboardingMessages,
);
export const splitCheckoutMessages = /* @__PURE__ */ Object.assign(
  {},
  failureMessages,
  checkoutMessages,
  declinedMessages,
);
export const payoutsPanelMessages = /* @__PURE__ */ Object.assign(
  {},
  failureMessages,
  loadingMessages,
  confirmMessages,
  payoutsMessages,
);
export const platformRiskTableMessages = /* @__PURE__ */ Object.assign(
  {},
  failureMessages,
  loadingMessages,
  platformRiskMessages,
);
export const payoutScheduleFormMessages = /* @__PURE__ */ Object.assign(
  {},
  confirmMessages,
  payoutScheduleMessages,
);
export { sellerDebtsMessages };
/** What the embedded variants' loader and Connect components show. */
export { embeddedLoadingMessages as embeddedLoaderMessages };
