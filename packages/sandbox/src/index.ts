export { startSandbox } from './server/start-sandbox';
export type {
  Sandbox,
  SandboxFault,
  SandboxFaultPhase,
  SandboxOptions,
  SandboxWebhookSigning,
  SandboxPricing,
  CompleteOnboardingOptions,
} from './server/start-sandbox';
export {
  passingValues as TEST_ONBOARDING_VALUES,
  onboardingScenarios,
} from './server/account-links/onboarding-form';
export type { OnboardingScenario } from './server/account-links/onboarding-form';
export { signPayload } from './server/webhook-endpoints/webhook-dispatcher';
