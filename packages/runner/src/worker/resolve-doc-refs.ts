import { isDocRef, type DocFields, type DocValue } from '@shopsync/core';

/** Replaces each `{ $ref: key }` with the ERPNext name the operation with that key produced. */
export function resolveDocRefs(doc: DocFields, names: ReadonlyMap<string, string>): Record<string, unknown> {
  const resolve = (value: DocValue): unknown => {
    if (isDocRef(value)) {
      const name = names.get(value.$ref);
      if (name === undefined) throw new Error(`operation ${value.$ref} has not produced a document yet`);
      return name;
    }
    if (Array.isArray(value)) return value.map(resolve);
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([field, inner]) => [field, resolve(inner as DocValue)]));
    }
    return value;
  };
  return resolve(doc) as Record<string, unknown>;
}
