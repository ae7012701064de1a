import { estimateQueryCost } from './estimate-query-cost';
import type { ShopifyDocument } from './shopify-document';

type Variables = Readonly<Record<string, unknown>>;

/**
 * The points a request will need before it is sent. Shopify's `requestedQueryCost` depends on the
 * document and on the page sizes in its variables, so the cost it reported is remembered under that
 * pair and used next time; until then the schema-less estimate stands in.
 */
export class CostMemory {
  private readonly learned = new Map<string, number>();

  expected(document: ShopifyDocument, variables: Variables): number {
    return this.learned.get(key(document, variables)) ?? estimateQueryCost(document.ast, variables);
  }

  learn(document: ShopifyDocument, variables: Variables, requestedQueryCost: number): void {
    this.learned.set(key(document, variables), requestedQueryCost);
  }
}

/** Only numeric variables (page sizes) change a document's requested cost. */
function key(document: ShopifyDocument, variables: Variables): string {
  const sizes = Object.entries(variables)
    .filter(([, value]) => typeof value === 'number')
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `${document.name}${JSON.stringify(sizes)}`;
}
