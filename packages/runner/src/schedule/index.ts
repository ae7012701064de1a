export * from './scheduler';
export * from './types';
