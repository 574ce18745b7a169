export { RiskBanner } from './risk-banner';
export type { RiskBannerProps } from './risk-banner';
export { useRiskBanner, describeRiskSignal } from './use-risk-banner';
export type { UseRiskBannerOptions, UseRiskBannerResult } from './use-risk-banner';
