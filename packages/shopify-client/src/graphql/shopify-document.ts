import { Kind, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';

export const SHOPIFY_DOCUMENT_KINDS = {
  query: 'query',
  mutation: 'mutation',
  /** The text of a `bulkOperationRunQuery`: sent as a variable, run by Shopify as a query. */
  bulkQuery: 'bulk-query',
} as const;
export type ShopifyDocumentKind = (typeof SHOPIFY_DOCUMENT_KINDS)[keyof typeof SHOPIFY_DOCUMENT_KINDS];

/**
 * One GraphQL document the client may send. Documents are constants, each in its own file under
 * `operations/documents/`, and all of them are listed in SHOPIFY_DOCUMENTS so a test validates
 * every one against the real Admin schema (issue 4).
 */
export interface ShopifyDocument {
  readonly name: string;
  readonly kind: ShopifyDocumentKind;
  readonly text: string;
  readonly ast: DocumentNode;
  /**
   * True when sending it twice cannot apply it twice: every query, and mutations carrying
   * `@idempotent(key:)`. Only these are repeated after a 5xx or a lost response.
   */
  readonly retrySafe: boolean;
}

export function defineShopifyDocument(name: string, text: string, options: { bulkQuery?: boolean } = {}): ShopifyDocument {
  const ast = parse(text);
  const operations = ast.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const [operation] = operations;
  if (operations.length !== 1 || operation === undefined) throw new TypeError(`document ${name} must hold exactly one operation`);
  if (operation.operation === 'subscription') throw new TypeError(`document ${name}: subscriptions are not part of the Admin API`);
  const bulk = options.bulkQuery === true;
  if (bulk && operation.operation !== 'query') throw new TypeError(`document ${name}: a bulk query must be a query`);
  const kind: ShopifyDocumentKind = bulk ? SHOPIFY_DOCUMENT_KINDS.bulkQuery : operation.operation;
  const idempotent = operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && (s.directives ?? []).some((d) => d.name.value === 'idempotent'));
  return Object.freeze({ name, kind, text, ast, retrySafe: kind !== SHOPIFY_DOCUMENT_KINDS.mutation || idempotent });
}
