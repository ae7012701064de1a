import { Kind, visit, type ASTNode, type DocumentNode, type GraphQLError } from 'graphql';

/** An entry of `errors` as Shopify (graphql-ruby) writes it. */
export interface ShopifyErrorJson {
  message: string;
  locations?: { line: number; column: number }[];
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

type Rule = { pattern: RegExp; build: (m: RegExpExecArray) => { message: string; extensions: Record<string, unknown> } };

// graphql-js 16 validation messages → graphql-ruby's (the shapes Shopify returns, e.g.
// {"message":"Field 'x' doesn't exist on type 'Order'","extensions":{"code":"undefinedField","typeName":"Order","fieldName":"x"}}).
const RULES: Rule[] = [
  {
    pattern: /^Cannot query field "([^"]+)" on type "([^"]+)"\./,
    build: ([, field, type]) => ({ message: `Field '${field}' doesn't exist on type '${type}'`, extensions: { code: 'undefinedField', typeName: type, fieldName: field } }),
  },
  {
    pattern: /^Unknown argument "([^"]+)" on field "[^".]+\.([^"]+)"\./,
    build: ([, arg, field]) => ({ message: `Field '${field}' doesn't accept argument '${arg}'`, extensions: { code: 'argumentNotAccepted', name: field, typeName: 'Field', argumentName: arg } }),
  },
  {
    pattern: /^Field "([^"]+)" argument "([^"]+)" of type "[^"]+" is required, but it was not provided\./,
    build: ([, field, arg]) => ({ message: `Field '${field}' is missing required arguments: ${arg}`, extensions: { code: 'missingRequiredArguments', className: 'Field', name: field, arguments: arg } }),
  },
  {
    pattern: /^Field "([^"]+)" must not have a selection since type "([^"]+)" has no subfields\./,
    build: ([, field, type]) => ({ message: `Selections can't be made on scalars (field '${field}' returns ${type} but has selections)`, extensions: { code: 'selectionMismatch', nodeName: `field '${field}'`, typeName: type } }),
  },
  {
    pattern: /^Field "([^"]+)" of type "([^"]+)" must have a selection of subfields\./,
    build: ([, field, type]) => ({ message: `Field must have selections (field '${field}' returns ${type} but has no selections. Did you mean '${field} { ... }'?)`, extensions: { code: 'selectionMismatch', nodeName: `field '${field}'`, typeName: type } }),
  },
  {
    pattern: /^Unknown type "([^"]+)"\./,
    build: ([, type]) => ({ message: `No such type ${type}, so it can't be a fragment condition`, extensions: { code: 'undefinedType', typeName: type } }),
  },
  {
    pattern: /^Variable "\$([^"]+)" is never used(?: in operation "([^"]+)")?\./,
    build: ([, name, op]) => ({ message: `Variable $${name} is declared by ${op ?? 'anonymous query'} but not used`, extensions: { code: 'variableNotUsed', variableName: name } }),
  },
  {
    pattern: /^Variable "\$([^"]+)" is not defined(?: by operation "([^"]+)")?\./,
    build: ([, name, op]) => ({ message: `Variable $${name} is used by ${op ?? 'anonymous query'} but not declared`, extensions: { code: 'variableNotDefined', variableName: name } }),
  },
  {
    pattern: /^Unknown directive "@([^"]+)"\./,
    build: ([, name]) => ({ message: `Directive @${name} is not defined`, extensions: { code: 'undefinedDirective', directiveName: name } }),
  },
  {
    pattern: /^Variable "\$([^"]+)" of type "([^"]+)" used in position expecting type "([^"]+)"\./,
    build: ([, name, given, expected]) => ({ message: `Type mismatch on variable $${name} and argument (${given} / ${expected})`, extensions: { code: 'variableMismatch', variableName: name, typeName: given } }),
  },
];

/**
 * A graphql-js validation error in Shopify's shape: graphql-ruby's message and `extensions.code`,
 * `locations`, and the `path` graphql-ruby gives static errors (["query Name", "order", "x"]).
 * Errors without a known counterpart keep graphql-js's message and no code.
 */
export function toShopifyValidationError(error: GraphQLError, document: DocumentNode): ShopifyErrorJson {
  const rule = RULES.map((r) => ({ r, m: r.pattern.exec(error.message) })).find((x) => x.m !== null);
  const mapped = rule?.m ? rule.r.build(rule.m) : { message: error.message.replace(/ Did you mean .*$/, ''), extensions: undefined };
  const node = error.nodes?.[0];
  const path = node ? pathTo(document, node) : undefined;
  return {
    message: mapped.message,
    ...(error.locations ? { locations: error.locations.map((l) => ({ line: l.line, column: l.column })) } : {}),
    ...(path ? { path } : {}),
    ...(mapped.extensions ? { extensions: mapped.extensions } : {}),
  };
}

function pathTo(document: DocumentNode, target: ASTNode): string[] | undefined {
  const stack: string[] = [];
  let found: string[] | undefined;
  visit(document, {
    enter(node) {
      if (found) return false;
      const segment = segmentOf(node);
      if (segment !== undefined) stack.push(segment);
      if (node === target) found = [...stack];
      return undefined;
    },
    leave(node) {
      if (segmentOf(node) !== undefined) stack.pop();
    },
  });
  return found;
}

function segmentOf(node: ASTNode): string | undefined {
  switch (node.kind) {
    case Kind.OPERATION_DEFINITION:
      return node.name ? `${node.operation} ${node.name.value}` : node.operation;
    case Kind.FRAGMENT_DEFINITION:
      return `fragment ${node.name.value}`;
    case Kind.FIELD:
      return node.alias?.value ?? node.name.value;
    case Kind.INLINE_FRAGMENT:
      return node.typeCondition ? `... on ${node.typeCondition.name.value}` : '...';
    case Kind.ARGUMENT:
      return node.name.value;
    default:
      return undefined;
  }
}
