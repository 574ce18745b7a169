export { startSandbox } from './server/sandbox';
export type {
  Sandbox,
  SandboxFault,
  SandboxOptions,
  SandboxPricing,
  CompleteOnboardingOptions,
} from './server/sandbox';
export {
  passingValues as TEST_ONBOARDING_VALUES,
  onboardingScenarios,
} from './server/onboarding-form';
export type { OnboardingScenario } from './server/onboarding-form';
export { signPayload } from './server/webhooks';
