// Each component's defaults: the shared strings plus its own, so a page ships only what it renders.
import {
  checkoutMessages,
  commonMessages,
  onboardingMessages,
  payoutsMessages,
  platformRiskMessages,
  riskMessages,
} from './messages';
import { declineMessages } from './decline-messages';

export const riskBannerMessages = /* @__PURE__ */ Object.assign({}, commonMessages, riskMessages);
export const onboardingButtonMessages = /* @__PURE__ */ Object.assign(
  {},
  commonMessages,
  onboardingMessages,
);
export const splitCheckoutMessages = /* @__PURE__ */ Object.assign(
  {},
  commonMessages,
  checkoutMessages,
  declineMessages,
);
export const payoutsPanelMessages = /* @__PURE__ */ Object.assign(
  {},
  commonMessages,
  payoutsMessages,
);
export const platformRiskTableMessages = /* @__PURE__ */ Object.assign(
  {},
  commonMessages,
  platformRiskMessages,
);
