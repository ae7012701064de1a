import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { View } from './views/resolve-fields';

/** Shopify's page limit for `first`/`last` (notes §2). */
export const MAX_PAGE_SIZE = 250;

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  reverse?: boolean | null;
}

/** Opaque to clients, as Shopify's are: base64 of the node's position key. */
export function encodeCursor(key: string): string {
  return Buffer.from(JSON.stringify({ last_id: key }), 'utf8').toString('base64');
}

function decodeCursor(cursor: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as { last_id?: unknown };
    if (typeof parsed.last_id === 'string') return parsed.last_id;
  } catch {
    // fall through to Shopify's error
  }
  throw new GraphQLError(`Invalid cursor for current pagination sort.`, { extensions: { code: 'BAD_REQUEST' } });
}

/**
 * A Relay connection over `items` (already filtered and sorted), as Shopify pages them. A bulk
 * query (`unbounded`) needs no `first`/`last` and gets everything; a normal request without
 * either fails like Shopify's.
 */
export function connection<T>(items: readonly T[], args: ConnectionArgs, keyOf: (item: T) => string, toView: (item: T) => View, info: GraphQLResolveInfo, unbounded: boolean): View {
  const { first, last } = args;
  if (first != null && last != null) throw new GraphQLError(`Passing both \`first\` and \`last\` to paginate the \`${info.fieldName}\` connection is not supported.`);
  if (first == null && last == null && !unbounded) throw new GraphQLError('you must provide one of first or last');
  for (const [name, value] of [['first', first], ['last', last]] as const) {
    if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) throw new GraphQLError(`The value of the argument \`${name}\` must be between 0 and ${MAX_PAGE_SIZE}, received ${value}.`);
  }
  const ordered = args.reverse ? [...items].reverse() : [...items];
  let start = 0;
  let end = ordered.length;
  if (args.after) {
    const key = decodeCursor(args.after);
    start = ordered.findIndex((item) => keyOf(item) === key) + 1;
    if (start === 0) start = end;
  }
  if (args.before) {
    const key = decodeCursor(args.before);
    const at = ordered.findIndex((item) => keyOf(item) === key);
    if (at >= 0) end = at;
  }
  const window = ordered.slice(start, end);
  const list = first != null ? window.slice(0, first) : last != null ? window.slice(Math.max(0, window.length - last)) : window;
  const hasNextPage = first != null ? window.length > list.length : end < ordered.length;
  const hasPreviousPage = last != null ? window.length > list.length : start > 0;
  const edges = list.map((item) => ({ cursor: encodeCursor(keyOf(item)), node: toView(item) }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
