import { tokenAuthorized } from './access-token';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { driverRoutes, matchRoute } from './driver-routes';
import { handleAdminRequest } from './graphql/admin-endpoint';
import type { AdminGraphqlApi } from './graphql/admin-graphql-api';
import { readJsonBody, sendJson, SHOPIFY_ERROR_REPLIES, type JsonReply } from './http-json';
import { ShopifySimulatorInputError } from './shop-inputs';
import type { ShopifyDriver } from './shopify-driver';
import type { ShopifyWebhookDispatcher } from './webhook-dispatcher';

export interface SimServerOptions {
  /** Required in X-Shopify-Access-Token on every /_sim route and the Admin API; unset means open. */
  accessToken?: string;
  /** The GraphQL Admin API served at /admin/api/<version>/graphql.json. */
  adminApi?: AdminGraphqlApi;
  supportedApiVersions?: readonly string[];
}

/**
 * One HTTP server for the simulated shop. `/_sim/*` drives it; `/admin/api/<version>/graphql.json`
 * is the GraphQL Admin API; any other path answers like Shopify for an unknown route.
 */
export function createSimServer(driver: ShopifyDriver, webhooks: ShopifyWebhookDispatcher, options: SimServerOptions): http.Server {
  const routes = driverRoutes(driver, webhooks);
  const { adminApi } = options;
  return http.createServer((request, response) => {
    const admin = adminApi ? handleAdminRequest(adminApi, request, response, { ...(options.accessToken === undefined ? {} : { accessToken: options.accessToken }), ...(options.supportedApiVersions ? { supportedApiVersions: options.supportedApiVersions } : {}) }) : Promise.resolve(false);
    admin.then(
      (handled) => (handled ? undefined : reply(request, response)),
      (err: unknown) => sendJson(response, { status: 500, body: { errors: err instanceof Error ? err.message : String(err) } }),
    );
  });

  function reply(request: http.IncomingMessage, response: http.ServerResponse): void {
    handle(request).then(
      (result) => sendJson(response, result),
      (err: unknown) => sendJson(response, { status: 500, body: { errors: err instanceof Error ? err.message : String(err) } }),
    );
  }

  async function handle(request: http.IncomingMessage): Promise<JsonReply> {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (!path.startsWith('/_sim/')) return SHOPIFY_ERROR_REPLIES.notFound;
    if (!tokenAuthorized(request.headers['x-shopify-access-token'], options.accessToken)) return SHOPIFY_ERROR_REPLIES.unauthorized;
    const match = matchRoute(routes, request.method ?? 'GET', path);
    if (match === null) return SHOPIFY_ERROR_REPLIES.notFound;
    if (match === 'method-not-allowed') return { status: 405, body: { errors: `${request.method} is not allowed on ${path}` } };
    const body = await readJsonBody(request);
    if (!body.ok) return { status: 400, body: { errors: body.message } };
    if (typeof body.value !== 'object' || body.value === null || Array.isArray(body.value)) return { status: 400, body: { errors: 'body must be a JSON object' } };
    try {
      return await match.handler(match.params, body.value);
    } catch (err) {
      // Shopify's REST shape for validation errors: 422 {"errors": {"field": ["message"]}}.
      if (err instanceof ShopifySimulatorInputError) return { status: 422, body: { errors: { [err.field]: [err.message] } } };
      throw err;
    }
  }
}


export async function listenOn(server: http.Server, port: number, host: string): Promise<{ url: string }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { url: `http://${shownHost}:${address.port}` };
}
