export * from './webhooks/verify-webhook-hmac';
export * from './webhooks/webhook-delivery';
