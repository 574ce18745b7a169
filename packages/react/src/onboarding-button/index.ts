export { OnboardingButton } from './onboarding-button';
export type { OnboardingButtonProps } from './onboarding-button';
export { useOnboardingButton } from './use-onboarding-button';
export type {
  UseOnboardingButtonOptions,
  UseOnboardingButtonResult,
} from './use-onboarding-button';
