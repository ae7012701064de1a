// The JSON Shopify's GraphQL Admin API answers with (notes §2). Numbers in throttleStatus may come
// as 2000.0; ids, UnsignedInt64 and Decimal values are strings.

export interface ThrottleStatus {
  readonly maximumAvailable: number;
  readonly currentlyAvailable: number;
  readonly restoreRate: number;
}

export interface QueryCost {
  readonly requestedQueryCost: number | null;
  /** Null when the request was throttled (nothing ran). */
  readonly actualQueryCost: number | null;
  readonly throttleStatus?: ThrottleStatus;
}

export interface GraphqlErrorEntry {
  readonly message: string;
  readonly locations?: readonly { readonly line: number; readonly column: number }[];
  readonly path?: readonly (string | number)[];
  readonly extensions?: Readonly<Record<string, unknown>> & { readonly code?: string };
}

export interface GraphqlResponseBody<T = unknown> {
  readonly data?: T | null;
  readonly errors?: readonly GraphqlErrorEntry[];
  readonly extensions?: { readonly cost?: QueryCost } & Readonly<Record<string, unknown>>;
}

/** A mutation payload's `userErrors` entry; `code` is absent on the plain UserError type. */
export interface UserErrorEntry {
  readonly field?: readonly string[] | null;
  readonly message: string;
  readonly code?: string | null;
}

/** Reads the cost extension defensively: a proxy or an old response may omit or stringify parts. */
export function readQueryCost(body: unknown): QueryCost | undefined {
  const cost = (body as { extensions?: { cost?: unknown } } | null | undefined)?.extensions?.cost;
  if (typeof cost !== 'object' || cost === null) return undefined;
  const c = cost as Record<string, unknown>;
  const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null);
  const t = c.throttleStatus as Record<string, unknown> | undefined;
  const max = num(t?.maximumAvailable);
  const available = num(t?.currentlyAvailable);
  const rate = num(t?.restoreRate);
  const throttleStatus = max !== null && available !== null && rate !== null ? { maximumAvailable: max, currentlyAvailable: available, restoreRate: rate } : undefined;
  return { requestedQueryCost: num(c.requestedQueryCost), actualQueryCost: num(c.actualQueryCost), ...(throttleStatus ? { throttleStatus } : {}) };
}
