export * from './stock-formula';
export * from './stock-ledger-tail';
export * from './stock-changes';
export * from './plan-stock-push';
export * from './classify-level-update';
export * from './unbooked-units';
export * from '../fulfillment/delivery-note-lines';
export * from '../fulfillment/unsent-lines';
