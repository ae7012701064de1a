export * from './types';
export * from './list-window';
export * from './read-limits';
export * from './read-order';
export * from './inbox-deliveries';
export * from './latest-order';
export * from './list-customer-window';
