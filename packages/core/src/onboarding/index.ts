export {
  deriveOnboardingState,
  canReceiveTransfers,
  compareSeverity,
  highestSeverity,
} from './onboarding-state';
export type { AccountLike } from './onboarding-state';
