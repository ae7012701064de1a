import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql';

/** The real Admin API schema the simulator executes (see shopify-schema/SOURCES.md). */
export const SHOPIFY_SCHEMA_VERSION = '2026-10';

/** Inside the package, so a clone works without the shared research folder. */
export const SHOPIFY_SCHEMA_FILE = path.join(__dirname, '../../../shopify-schema/admin-2026-10.introspection.json.gz');

let cached: GraphQLSchema | undefined;

/**
 * Shopify's 2026-10 Admin schema from its introspection JSON (gzip), built once per process
 * (~0.25 s, ~4,000 types). Custom scalars (DateTime, Decimal, Money, UnsignedInt64, URL, …) keep
 * graphql-js's pass-through behaviour: resolvers hand out Shopify's string forms.
 */
export function loadShopifyAdminSchema(): GraphQLSchema {
  if (cached) return cached;
  const json = JSON.parse(zlib.gunzipSync(fs.readFileSync(SHOPIFY_SCHEMA_FILE)).toString('utf8')) as { data?: IntrospectionQuery } & Partial<IntrospectionQuery>;
  cached = buildClientSchema(json.data ?? (json as IntrospectionQuery));
  return cached;
}
