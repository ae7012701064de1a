import axios, { type AxiosInstance } from 'axios';
import { adminGraphqlUrl } from './api-version';

export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, unknown>>;
  /** Parsed JSON, or the raw text when the body is not JSON (proxy and HTML error pages). */
  readonly body: unknown;
}

export interface GraphqlTransportOptions {
  readonly shop: string;
  readonly accessToken: string;
  readonly apiVersion: string;
  readonly timeoutMs: number;
}

/** POSTs one GraphQL request; every status is returned as is, only a missing response throws. */
export type GraphqlTransport = (query: string, variables: Readonly<Record<string, unknown>>) => Promise<RawResponse>;

function plainHeaders(headers: unknown): Record<string, unknown> {
  const maybe = headers as { toJSON?: () => Record<string, unknown> } | undefined;
  return typeof maybe?.toJSON === 'function' ? maybe.toJSON() : { ...(headers as Record<string, unknown>) };
}

function parseBody(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function createGraphqlTransport(options: GraphqlTransportOptions): GraphqlTransport {
  const http: AxiosInstance = axios.create({
    baseURL: adminGraphqlUrl(options.shop, options.apiVersion),
    timeout: options.timeoutMs,
    headers: { 'X-Shopify-Access-Token': options.accessToken, 'Content-Type': 'application/json', Accept: 'application/json' },
    // Raw text in, every status accepted: toShopifyError alone decides what a response means (C6).
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    maxRedirects: 0,
    transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: false },
  });
  return async (query, variables) => {
    const response = await http.post('', JSON.stringify({ query, variables }));
    return { status: response.status, headers: plainHeaders(response.headers), body: parseBody(response.data) };
  };
}
