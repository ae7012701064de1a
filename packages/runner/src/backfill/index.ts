export * from './types';
export * from './backfill-ids';
export * from './backfill-shop';
