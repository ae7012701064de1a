import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** Every top-level mutation field costs this, whatever its payload selects (notes §2 and the captures). */
export const MUTATION_COST = 10;

type Variables = Readonly<Record<string, unknown>>;

interface Walk {
  readonly schema: GraphQLSchema;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly variables: Variables;
  /** Actual cost: walk the response data; requested cost: walk the document alone. */
  readonly actual: boolean;
}

/**
 * Shopify's calculated query cost (notes §2; https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits):
 * scalars and enums 0, objects 1, abstract types the most expensive possibility, connections
 * 2 + n × node (n from `first`/`last`), lists taking `first`/`ids` n × element, mutations 10.
 * `requestedQueryCost` reads n from the arguments; `actualQueryCost` counts what came back.
 */
export function calculateQueryCost(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, variables: Variables, data?: unknown): number {
  const fields = operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD && !s.name.value.startsWith('__'));
  if (operation.operation === 'mutation') return fields.length * MUTATION_COST;
  const root = schema.getQueryType();
  if (!root) return 0;
  const walk: Walk = { schema, fragments, variables, actual: data !== undefined };
  return Math.max(1, selectionCost(operation.selectionSet, root, data ?? null, walk));
}

function selectionCost(set: SelectionSetNode, parent: GraphQLCompositeType, data: unknown, walk: Walk): number {
  let fields = 0;
  let alternatives = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      const def = 'getFields' in parent ? parent.getFields()[selection.name.value] : undefined;
      if (!def) continue;
      const value = walk.actual && typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[selection.alias?.value ?? selection.name.value] : undefined;
      fields += fieldCost(def, selection, value, walk);
      continue;
    }
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : walk.fragments.get(selection.name.value);
    if (!fragment) continue;
    const typeName = fragment.typeCondition?.name.value;
    const type = typeName ? walk.schema.getType(typeName) : parent;
    if (!type || !isCompositeType(type)) continue;
    const cost = selectionCost(fragment.selectionSet, type, data, walk);
    if (typeName && isAbstractType(parent)) alternatives = Math.max(alternatives, cost);
    else fields += cost;
  }
  return fields + alternatives;
}

function fieldCost(def: GraphQLField<unknown, unknown>, node: FieldNode, value: unknown, walk: Walk): number {
  const named = getNamedType(def.type);
  if (isLeafType(named) || !node.selectionSet || !isCompositeType(named)) return 0;
  if (walk.actual && (value === null || value === undefined)) return 0;
  if (isConnection(named)) return connectionCost(named, node, value, walk);
  const element = (item: unknown): number => 1 + selectionCost(node.selectionSet as SelectionSetNode, named, item, walk);
  if (isListType(getNullableType(def.type))) {
    if (walk.actual) return (Array.isArray(value) ? value : []).reduce((sum: number, item) => sum + (item === null ? 0 : element(item)), 0);
    return (pageSize(node, walk.variables) ?? 1) * element(null);
  }
  return element(value);
}

function connectionCost(type: GraphQLNamedType, node: FieldNode, value: unknown, walk: Walk): number {
  if (!isObjectType(type)) return 0;
  const nodeType = getNamedType(type.getFields().nodes?.type ?? type.getFields().edges?.type);
  const edgeNodeType = isObjectType(nodeType) && nodeType.getFields().node ? getNamedType(nodeType.getFields().node?.type) : nodeType;
  if (!edgeNodeType || !isCompositeType(edgeNodeType)) return 2;
  const selections = (node.selectionSet?.selections ?? []).filter((s): s is FieldNode => s.kind === Kind.FIELD);
  const nodesField = selections.find((s) => s.name.value === 'nodes');
  const edgeNode = selections.find((s) => s.name.value === 'edges')?.selectionSet?.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === 'node');
  const perNode = (item: unknown): number =>
    Math.max(
      nodesField?.selectionSet ? 1 + selectionCost(nodesField.selectionSet, edgeNodeType, item, walk) : 0,
      edgeNode?.selectionSet ? 1 + selectionCost(edgeNode.selectionSet, edgeNodeType, item, walk) : 0,
    );
  if (!walk.actual) return 2 + (pageSize(node, walk.variables) ?? 1) * perNode(null);
  const record = value as { nodes?: unknown[]; edges?: { node?: unknown }[] };
  const items = record.nodes ?? record.edges?.map((e) => e.node) ?? [];
  return 2 + items.reduce((sum: number, item) => sum + perNode(item), 0);
}

function isConnection(type: GraphQLNamedType): boolean {
  return isObjectType(type) && type.name.endsWith('Connection') && 'pageInfo' in type.getFields();
}

function pageSize(node: FieldNode, variables: Variables): number | undefined {
  for (const arg of node.arguments ?? []) {
    const name = arg.name.value;
    if (name !== 'first' && name !== 'last' && name !== 'ids') continue;
    const raw = arg.value.kind === Kind.VARIABLE ? variables[arg.value.name.value] : arg.value.kind === Kind.INT ? Number(arg.value.value) : arg.value.kind === Kind.LIST ? arg.value.values : undefined;
    if (name === 'ids' && Array.isArray(raw)) return raw.length;
    if (typeof raw === 'number') return raw;
  }
  return undefined;
}
