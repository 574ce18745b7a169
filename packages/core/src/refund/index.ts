export { allocateRefund, allocateDispute } from './allocate-refund';
export type { AllocateRefundInput, RefundAllocation, TransferState } from './allocate-refund';
export { RefundError, isRefundError } from './refund-error';
