/**
 * Stable versions the simulated shop serves, oldest first (late 2026: 2025-01…2025-07 are out of
 * support, notes intro). Every one is executed against the 2026-10 schema, the only one stored.
 */
export const SHOPIFY_SUPPORTED_API_VERSIONS = ['2025-10', '2026-01', '2026-04', '2026-07', '2026-10'] as const;

const VERSION = /^\d{4}-(01|04|07|10)$/;

/**
 * The version that serves a request for `requested`, as Shopify decides it: a supported version
 * serves itself, an older one falls forward to the oldest supported, a future one is served by the
 * newest; `unstable` serves itself; anything else is not a route (404).
 */
export function resolveApiVersion(requested: string, supported: readonly string[] = SHOPIFY_SUPPORTED_API_VERSIONS): string | null {
  if (requested === 'unstable') return requested;
  if (!VERSION.test(requested) || supported.length === 0) return null;
  if (supported.includes(requested)) return requested;
  const sorted = [...supported].sort();
  const oldest = sorted[0] as string;
  return requested < oldest ? oldest : (sorted[sorted.length - 1] as string);
}
