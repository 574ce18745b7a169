export { PlatformRiskTable } from './platform-risk-table';
export type { PlatformRiskTableProps } from './platform-risk-table';
export { usePlatformRiskTable } from './use-platform-risk-table';
export type {
  PlatformRiskDebt,
  PlatformRiskSort,
  PlatformRiskSortKey,
  SortDirection,
  UsePlatformRiskTableOptions,
  UsePlatformRiskTableResult,
} from './use-platform-risk-table';
