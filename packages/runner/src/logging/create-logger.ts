import pino, { type Logger } from 'pino';

/** Paths that may carry secrets; pino replaces their values before anything is written (STYLE C14). */
export const REDACTED_PATHS = [
  'headers["x-shopify-hmac-sha256"]',
  'headers["x-shopify-access-token"]',
  'headers.authorization',
  'config.erpnext.apiSecret',
  'config.erpnext.apiKey',
  'config.shops[*].webhookSecrets',
  '*.apiSecret',
  '*.api_secret',
  '*.webhookSecrets',
  '*.accessToken',
];

export function createLogger(options: { level: string; destination?: pino.DestinationStream }): Logger {
  const settings = { level: options.level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { service: 'shopsync' } };
  return options.destination === undefined ? pino(settings) : pino(settings, options.destination);
}
