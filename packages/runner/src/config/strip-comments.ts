/**
 * Keys named "//" are comments (the convention npm uses in package.json): `shopsync init` writes one
 * per section, and the loader drops them at every depth before validation.
 */
export function stripComments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripComments);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== '//').map(([key, inner]) => [key, stripComments(inner)]));
}
