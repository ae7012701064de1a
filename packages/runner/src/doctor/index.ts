export * from './types';
export * from './custom-fields';
export * from './webhook-topics';
export * from './run-doctor';
export * from './format-doctor';
export * from './webhook-secret-check';
export * from './batch-writes-probe';
