export { startSandbox } from './server/sandbox';
export type { Sandbox, SandboxFault, SandboxOptions, SandboxPricing } from './server/sandbox';
export { signPayload } from './server/webhooks';
