export * from './compose-app';
export * from './types';
