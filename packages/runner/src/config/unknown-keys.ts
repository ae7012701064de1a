import type { z } from 'zod';

interface SchemaDef {
  readonly type: string;
  readonly shape?: Record<string, { _zod: { def: SchemaDef } }>;
  readonly innerType?: { _zod: { def: SchemaDef } };
  readonly element?: { _zod: { def: SchemaDef } };
}

function defOf(schema: z.ZodType | { _zod: { def: SchemaDef } }): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

/**
 * Keys the schema does not know, each with its path ("server.prot"). zod's objects strip unknown keys
 * silently, so a misspelt option would otherwise fall back to its default without a word; this walks
 * the schema instead of making every object strict, so sections added later are covered too.
 */
export function unknownKeys(schema: z.ZodType, value: unknown, path: readonly (string | number)[] = []): string[] {
  let def = defOf(schema);
  while (def.innerType !== undefined && def.type !== 'object') def = defOf(def.innerType);
  if (def.type === 'array' && def.element !== undefined && Array.isArray(value)) {
    return value.flatMap((item, index) => unknownKeys(def.element as unknown as z.ZodType, item, [...path, index]));
  }
  if (def.type !== 'object' || def.shape === undefined || typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const shape = def.shape;
  return Object.entries(value).flatMap(([key, inner]) => {
    const child = shape[key];
    if (child === undefined) return [`${[...path, key].join('.')}: unknown key`];
    return unknownKeys(child as unknown as z.ZodType, inner, [...path, key]);
  });
}
