// Every query MarketKit runs, written once for both stores, one file per table family. Functions take
// the client to run on so the same query works inside or outside a transaction.
export * from './records';
export * from './account-queries';
export * from './order-queries';
export * from './transfer-queries';
export * from './refund-queries';
export * from './request-queries';
export * from './webhook-queries';
export * from './debt-queries';
export * from './reversal-queries';
