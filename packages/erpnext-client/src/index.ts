export * from './types';
export * from './create-erpnext-client';
export * from './errors/to-erpnext-error';
export * from './errors/erpnext-error-codes';
export * from './errors/server-messages';
export * from './errors/retry-after';
export * from './http/list-query';
export * from './http/read-backoff';
