export * from './errors/failure-category';
export * from './errors/sync-error';
