export * from './types';
export * from './faults';
export * from './create-erpnext-simulator';
export { SEED_SUPPLIER, SEED_USER } from './site/seed-site';
export { SIMULATED_APP_VERSION } from './methods/shopsync-app-methods';
