export * from './demo/demo-mapping';
export * from './demo/run-demo';
export * from './demo/demo-options';
export { settleStock } from './demo/settle-stock';
export { demoSucceeded, fleetSucceeded, stockSucceeded, summaryText } from './cli/demo-command';
export * from './multi';
export * from './chaos';
export { registerChaosCommand } from './cli/chaos-command';
