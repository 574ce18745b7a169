export { allocateSplit, MAX_ORDER_LINES } from './allocate-split';
export type {
  AllocateSplitInput,
  FeeContext,
  FeePolicy,
  OrderLine,
  ProcessingFeePolicy,
  SellerFeePolicy,
  SplitAllocation,
  SplitSeller,
} from './allocate-split';
export { SplitError, isSplitError } from './split-error';
