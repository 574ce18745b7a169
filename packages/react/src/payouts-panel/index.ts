export { PayoutsPanel } from './payouts-panel';
export type { PayoutsPanelProps } from './payouts-panel';
export { usePayoutsPanel } from './use-payouts-panel';
export type {
  PendingPayout,
  UsePayoutsPanelOptions,
  UsePayoutsPanelResult,
} from './use-payouts-panel';
