/**
 * Flattens a bulk query's result into Shopify's JSONL (notes §7): one line per node, connection
 * wrappers removed, each nested connection's nodes on lines of their own with `__parentId`, and
 * slashes escaped as Shopify writes them ("gid:\/\/shopify\/Order\/1").
 */
export function flattenBulkResult(data: Record<string, unknown>): { lines: string[]; rootObjectCount: number } {
  const lines: string[] = [];
  let rootObjectCount = 0;
  const emit = (node: Record<string, unknown>, parentId: string | null): void => {
    const own: Record<string, unknown> = {};
    const children: [Record<string, unknown>, string | null][] = [];
    for (const [key, value] of Object.entries(node)) {
      if (isConnection(value)) {
        for (const child of nodesOf(value)) children.push([child, typeof node.id === 'string' ? node.id : null]);
      } else own[key] = value;
    }
    if (parentId !== null) own.__parentId = parentId;
    lines.push(JSON.stringify(own).replace(/\//g, '\\/'));
    for (const [child, id] of children) emit(child, id);
  };
  for (const value of Object.values(data)) {
    if (!isConnection(value)) continue;
    for (const node of nodesOf(value)) {
      rootObjectCount += 1;
      emit(node, null);
    }
  }
  return { lines, rootObjectCount };
}

function isConnection(value: unknown): value is { edges: { node?: unknown }[] } {
  return typeof value === 'object' && value !== null && Array.isArray((value as { edges?: unknown }).edges);
}

function nodesOf(value: { edges: { node?: unknown }[] }): Record<string, unknown>[] {
  return value.edges.map((e) => e.node).filter((n): n is Record<string, unknown> => typeof n === 'object' && n !== null);
}
