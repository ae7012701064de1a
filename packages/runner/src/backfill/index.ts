export * from './types';
export * from './backfill-ids';
export * from './backfill-limits';
export * from './order-to-rest';
export * from './transaction-to-rest';
export * from './shop-local-time';
export * from './run-backfill';
export * from './latest-order';
