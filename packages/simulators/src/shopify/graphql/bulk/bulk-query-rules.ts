import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
} from 'graphql';

interface ConnectionUse {
  name: string;
  depth: number;
  usesNodes: boolean;
  parentSelectsId: boolean;
  insideList: boolean;
  /** The enclosing connection, named in the "without 'id'" message. */
  parent: string | null;
}

/**
 * The bulk-query validators Shopify runs before accepting `bulkOperationRunQuery` (messages from
 * the 2026-04 captures of airhorns/shopify-draft-proxy, notes §7): edges > node only, no top-level
 * `node`, 1–5 connections, nesting depth ≤ 2, nested connections under an `id`, none inside a list.
 */
export function bulkQueryProblems(schema: GraphQLSchema, document: DocumentNode): string[] {
  const problems: string[] = [];
  const uses: ConnectionUse[] = [];
  const typeInfo = new TypeInfo(schema);
  const connectionStack: boolean[] = [];
  const listStack: boolean[] = [];
  const selectsId: boolean[] = [];
  const connectionNames: string[] = [];
  let topLevelNode = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter(node: FieldNode) {
          const def = typeInfo.getFieldDef();
          const named = def ? getNamedType(def.type) : undefined;
          const isConnection = named !== undefined && isObjectType(named) && named.name.endsWith('Connection') && 'pageInfo' in named.getFields();
          if (connectionStack.length === 0 && (node.name.value === 'node' || node.name.value === 'nodes') && typeInfo.getParentType() === schema.getQueryType()) topLevelNode = true;
          if (isConnection) {
            const fields = node.selectionSet?.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD) ?? [];
            uses.push({ name: node.name.value, depth: connectionStack.filter(Boolean).length + 1, usesNodes: fields.some((f) => f.name.value === 'nodes'), parentSelectsId: selectsId[selectsId.length - 1] ?? true, insideList: listStack.some(Boolean), parent: connectionNames[connectionNames.length - 1] ?? null });
            connectionNames.push(node.name.value);
          }
          // A connection's own `edges`/`nodes` lists do not count; a list-typed object field does.
          const inConnection = typeInfo.getParentType()?.name.endsWith('Connection') ?? false;
          const list = def != null && !isConnection && !inConnection && isListType(getNullableType(def.type)) && node.selectionSet !== undefined;
          connectionStack.push(isConnection);
          listStack.push(list);
          const hasId = node.selectionSet?.selections.some((s) => s.kind === Kind.FIELD && s.name.value === 'id' && !s.alias) ?? false;
          selectsId.push(node.name.value === 'node' || !isConnection ? hasId : true);
        },
        leave() {
          if (connectionStack[connectionStack.length - 1]) connectionNames.pop();
          connectionStack.pop();
          listStack.pop();
          selectsId.pop();
        },
      },
    }),
  );
  if (topLevelNode) problems.push('Bulk queries cannot contain a top level `node` field.');
  if (uses.length === 0) problems.push('Bulk queries must contain at least one connection.');
  if (uses.length > 5) problems.push('Bulk queries cannot contain more than 5 connections.');
  if (uses.some((u) => u.depth > 2)) problems.push('Bulk queries cannot contain connections with a nesting depth greater than 2.');
  const viaNodes = uses.filter((u) => u.usesNodes).map((u) => u.name);
  if (viaNodes.length > 0) {
    problems.push(`All connection fields in a bulk query must select their contents using 'edges' > 'node', e.g: '${viaNodes[0]} { edges { node {'. Selecting via 'nodes' is not supported. Invalid connection fields: ${viaNodes.map((n) => `'${n}'`).join(', ')}.`);
  }
  const withoutId = [...new Set(uses.filter((u) => u.depth > 1 && !u.parentSelectsId).map((u) => u.parent ?? u.name))];
  if (withoutId.length > 0) problems.push(`The parent 'node' field for a nested connection must select the 'id' field without an alias and must be of 'ID' return type. Connection fields without 'id': ${withoutId.join(', ')}.`);
  if (uses.some((u) => u.insideList)) problems.push('Queries that contain a connection field within a list field are not currently supported.');
  return problems;
}
