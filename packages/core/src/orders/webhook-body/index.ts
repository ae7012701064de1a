export { orderWebhookBody } from './order-webhook-body';
export { transactionWebhookBody } from './transaction-webhook-body';
