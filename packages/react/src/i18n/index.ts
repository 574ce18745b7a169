export {
  en,
  commonMessages,
  onboardingMessages,
  checkoutMessages,
  payoutsMessages,
  payoutScheduleMessages,
  riskMessages,
  platformRiskMessages,
  sellerDebtsMessages,
} from './messages';
export { fr } from './fr';
export type { MessageKey, Messages } from './messages';
export { createTranslator } from './format';
export type { Translator } from './format';
export { describeError } from './error-message';
