export * from './types';
export * from './run-chaos';
export { chaosJson, chaosSucceeded, chaosText } from './chaos-report';
export { planFaults, describePlan, type FaultPlan } from './fault-plan';
export { freePort } from './serve-process';
