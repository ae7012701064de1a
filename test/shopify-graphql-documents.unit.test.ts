import fs from 'node:fs';
import path from 'node:path';
import { Kind, NoDeprecatedCustomRule, parse, validate, type OperationDefinitionNode } from 'graphql';
import { estimateQueryCost, SHOPIFY_DOCUMENTS, type ShopifyDocument } from '@shopsync/shopify-client';
import { calculateShopifyQueryCost as calculateQueryCost, loadShopifyAdminSchema } from '@shopsync/simulators';

// Every document the client can send is validated against the real 2026-10 Admin schema (issue 4):
// a document that Shopify would reject fails here first.

const schema = loadShopifyAdminSchema();
const SRC = path.join(__dirname, '../packages/shopify-client/src');
const DOCUMENTS_DIR = path.join(SRC, 'operations/documents');

function operationOf(document: ShopifyDocument): OperationDefinitionNode {
  return document.ast.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
}

/** Variables at their largest: defaults for page sizes, 25 ids where a list of ids is taken. */
function largestVariables(document: ShopifyDocument): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of operationOf(document).variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (definition.defaultValue?.kind === Kind.INT) variables[name] = Number(definition.defaultValue.value);
    if (name === 'ids') variables[name] = Array.from({ length: 25 }, (_, i) => `gid://shopify/InventoryItem/${i + 1}`);
  }
  return variables;
}

describe.each(SHOPIFY_DOCUMENTS.map((d) => [d.name, d] as const))('document %s', (_name, document) => {
  it('is valid against the 2026-10 Admin schema', () => {
    expect(validate(schema, document.ast).map((e) => e.message)).toEqual([]);
  });

  it('uses no deprecated field, argument or enum value', () => {
    expect(validate(schema, document.ast, [NoDeprecatedCustomRule]).map((e) => e.message)).toEqual([]);
  });

  it('stays under the 1000-point single-query limit, and the client estimates its cost as the simulator calculates it', () => {
    const variables = largestVariables(document);
    const calculated = calculateQueryCost(schema, operationOf(document), new Map(), variables);
    expect(calculated).toBeLessThanOrEqual(1000);
    expect(estimateQueryCost(document.ast, variables)).toBe(calculated);
  });
});

describe('the document registry', () => {
  it('lists every document defined in operations/documents/, under a unique name', () => {
    const defined = fs
      .readdirSync(DOCUMENTS_DIR)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((file) => Object.values(require(path.join(DOCUMENTS_DIR, file)) as Record<string, unknown>))
      .filter((value): value is ShopifyDocument => typeof value === 'object' && value !== null && 'ast' in value && 'text' in value);
    expect(defined.length).toBeGreaterThan(0);
    for (const document of defined) expect(SHOPIFY_DOCUMENTS).toContain(document);
    expect(new Set(SHOPIFY_DOCUMENTS.map((d) => d.name)).size).toBe(SHOPIFY_DOCUMENTS.length);
  });

  it('is the only place documents come from: defineShopifyDocument is called in operations/documents/ only', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (full.endsWith('.ts') && !full.startsWith(DOCUMENTS_DIR) && /defineShopifyDocument\(\s*['"`]/.test(fs.readFileSync(full, 'utf8'))) offenders.push(path.relative(SRC, full));
      }
    };
    walk(SRC);
    expect(offenders).toEqual([]);
  });
});

describe('schema validation', () => {
  const orderById = SHOPIFY_DOCUMENTS.find((d) => d.name === 'OrderById') as ShopifyDocument;

  it('catches a field Shopify does not have', () => {
    const wrong = parse(orderById.text.replace('currentQuantity', 'currentQty'));
    expect(validate(schema, wrong).map((e) => e.message)).toEqual([expect.stringContaining('Cannot query field "currentQty" on type "LineItem"')]);
  });

  it('catches a removed input field, a missing required argument and a wrong argument', () => {
    const removed = parse('mutation($key: String!) { inventorySetQuantities(input: {name: "available", reason: "correction", ignoreCompareQuantity: true, quantities: []}) @idempotent(key: $key) { userErrors { code } } }');
    expect(validate(schema, removed).map((e) => e.message)).toEqual([expect.stringContaining('Field "ignoreCompareQuantity" is not defined by type "InventorySetQuantitiesInput"')]);
    expect(validate(schema, parse('{ order { id } }')).map((e) => e.message)).toEqual([expect.stringContaining('argument "id" of type "ID!" is required')]);
    expect(validate(schema, parse('{ orders(first: 1, status: ANY) { nodes { id } } }')).map((e) => e.message)).toEqual([expect.stringContaining('Unknown argument "status"')]);
  });
});
