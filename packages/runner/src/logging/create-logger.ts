import pino, { type Logger } from 'pino';

/**
 * Paths that may carry secrets; pino replaces their values before anything is written (STYLE C14).
 * A wildcard matches one level only, so arrays (shops) are listed at each depth they are logged at;
 * test/runner-logging.int.test.ts logs the config and a request and fails on any secret it finds.
 */
export const REDACTED_PATHS = [
  'headers["x-shopify-hmac-sha256"]',
  'headers["x-shopify-access-token"]',
  'headers.authorization',
  '*.headers["x-shopify-hmac-sha256"]',
  '*.headers["x-shopify-access-token"]',
  '*.headers.authorization',
  '*.headers.Authorization',
  'config.erpnext.apiSecret',
  'config.erpnext.apiKey',
  // A PostgreSQL URL may carry a password (postgres://user:password@host/db).
  'config.store.url',
  'config.shops[*].webhookSecrets',
  'config.shops[*].accessToken',
  'shops[*].webhookSecrets',
  'shops[*].accessToken',
  '*.shops[*].webhookSecrets',
  '*.apiKey',
  '*.apiSecret',
  '*.api_secret',
  '*.webhookSecrets',
  '*.accessToken',
];

/**
 * The standard error serializer, minus what HTTP client errors (axios) carry besides the message:
 * their request config, request and response hold the Authorization header with the ERPNext key
 * and secret, at depths no redact path can follow.
 */
function serializeError(error: Error): Record<string, unknown> {
  // Anything can be thrown (a string, null): logging it must never throw in the middle of settling an event.
  if (typeof error !== 'object' || error === null) return { type: typeof error, message: String(error) };
  const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  for (const key of ['config', 'request', 'response']) delete serialized[key];
  return serialized;
}

export function createLogger(options: { level: string; destination?: pino.DestinationStream }): Logger {
  const settings = {
    level: options.level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { err: serializeError },
    base: { service: 'shopsync' },
  };
  return options.destination === undefined ? pino(settings) : pino(settings, options.destination);
}
