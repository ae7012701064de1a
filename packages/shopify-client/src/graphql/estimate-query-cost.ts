import {
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/** Shopify charges every top-level mutation field this much, whatever its payload selects (notes §2). */
export const MUTATION_FIELD_COST = 10;

type Variables = Readonly<Record<string, unknown>>;

/**
 * Shopify's published cost model applied to a document without its schema (notes §2): a field with
 * no selection is a scalar or enum (0); one with a selection is an object (1 + its selection); a
 * field taking `first`/`last` whose selection has `edges` or `nodes` is a connection (2 + n × node);
 * a list with `first` costs n × element; fragments on different types cost the most expensive one.
 * It is an estimate to wait for enough points before sending; the real `requestedQueryCost` the
 * server reports is remembered per document and preferred (cost-memory.ts).
 */
export function estimateQueryCost(document: DocumentNode, variables: Variables = {}): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION) operation ??= definition;
  }
  if (!operation) return 0;
  if (operation.operation === 'mutation') return operation.selectionSet.selections.filter((s) => s.kind === Kind.FIELD).length * MUTATION_FIELD_COST;
  const defaults: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue?.kind === Kind.INT) defaults[definition.variable.name.value] = Number(definition.defaultValue.value);
  }
  const context = { fragments, variables: { ...defaults, ...variables } };
  return Math.max(1, selectionCost(operation.selectionSet, context));
}

interface Context {
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly variables: Variables;
}

function selectionCost(set: SelectionSetNode, context: Context): number {
  let fields = 0;
  let typed = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) fields += fieldCost(selection, context);
    else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const cost = selectionCost(selection.selectionSet, context);
      // Fragments without a type condition apply always; typed ones are alternatives (max wins).
      if (selection.typeCondition) typed = Math.max(typed, cost);
      else fields += cost;
    } else {
      const fragment = context.fragments.get(selection.name.value);
      if (fragment) typed = Math.max(typed, selectionCost(fragment.selectionSet, context));
    }
  }
  return fields + typed;
}

function fieldCost(field: FieldNode, context: Context): number {
  if (!field.selectionSet) return 0;
  const size = pageSize(field, context.variables);
  const inner = field.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
  const connection = inner.some((s) => s.name.value === 'edges' || s.name.value === 'nodes');
  if (connection) {
    const nodeCosts = inner.map((s) => {
      if (s.name.value === 'nodes' && s.selectionSet) return 1 + selectionCost(s.selectionSet, context);
      const node = s.name.value === 'edges' ? s.selectionSet?.selections.find((e): e is FieldNode => e.kind === Kind.FIELD && e.name.value === 'node') : undefined;
      return node?.selectionSet ? 1 + selectionCost(node.selectionSet, context) : 0;
    });
    return 2 + (size ?? 1) * Math.max(0, ...nodeCosts);
  }
  const element = 1 + selectionCost(field.selectionSet, context);
  return size === undefined ? element : size * element;
}

function pageSize(field: FieldNode, variables: Variables): number | undefined {
  for (const arg of field.arguments ?? []) {
    // `nodes(ids: [...])` returns one object per id.
    if (arg.name.value === 'ids') {
      const ids = arg.value.kind === Kind.LIST ? arg.value.values : arg.value.kind === Kind.VARIABLE ? variables[arg.value.name.value] : undefined;
      if (Array.isArray(ids)) return ids.length;
      continue;
    }
    if (arg.name.value !== 'first' && arg.name.value !== 'last') continue;
    const value = intValue(arg.value, variables);
    if (value !== undefined) return value;
  }
  return undefined;
}

function intValue(node: ValueNode, variables: Variables): number | undefined {
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) {
    const value = variables[node.name.value];
    return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
  }
  return undefined;
}
