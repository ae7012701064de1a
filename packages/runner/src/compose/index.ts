export * from './compose-app';
export * from './types';
export { openConfiguredStore, storeLabel } from './open-store';
