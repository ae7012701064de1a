export * from './run-fleet-demo';
export { demoSchema, type SharedSchema } from './shared-schema';
export { WebhookBalancer, type BalancerStats } from './webhook-balancer';
