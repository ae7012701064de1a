import { coerceInputValue, isInputType, isNonNullType, typeFromAST, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { globalIdProblems, type VariableProblem } from './global-id-problems';
import type { ThrottleStatusJson } from './leaky-bucket';
import type { ShopifyErrorJson } from './validation-errors';

export interface CostJson {
  requestedQueryCost: number | null;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatusJson;
}

/** Bucket empty: HTTP 200, no data, `actualQueryCost: null` (notes §2, verbatim shape). */
export function throttledBody(cost: CostJson) {
  return { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }], extensions: { cost } };
}

/** Requested cost above the single-query limit: the text Shopify sends (notes §2). */
export function maxCostBody(requested: number, maxCost: number, cost: CostJson) {
  const message =
    `Query cost is ${requested}, which exceeds the single query max cost limit (${maxCost}).\n\n` +
    'See https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\ncost of a query is calculated.\n\n' +
    'To query larger amounts of data with fewer limits, bulk operations should be used instead.\n' +
    'See https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n';
  return { errors: [{ message, extensions: { code: 'MAX_COST_EXCEEDED', cost: requested, maxCost } }], extensions: { cost } };
}

/** graphql-js coercion messages → graphql-ruby's `problems[].explanation`. */
function explanation(message: string): string {
  const notDefined = /^Field "[^"]+" is not defined by type "([^"]+)"\./.exec(message);
  if (notDefined) return `Field is not defined on ${notDefined[1]}`;
  if (/not to be null|was not provided|found null/.test(message)) return 'Expected value to not be null';
  return message.replace(/\.$/, '');
}

/**
 * INVALID_VARIABLE errors as Shopify writes them (capture inventory-quantity-contracts-2026-04):
 * "Variable $input of type T! was provided invalid value for f (Field is not defined on T)" with
 * `extensions.value` and `problems[{path, explanation}]`; no `data`, no cost. A variable that
 * coerces is still checked for ID values that are not global ids, which Shopify refuses the same
 * way; an empty result means every variable is acceptable.
 */
export function variableErrors(schema: GraphQLSchema, operation: OperationDefinitionNode, inputs: Readonly<Record<string, unknown>>): ShopifyErrorJson[] {
  const errors: ShopifyErrorJson[] = [];
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type);
    if (!type || !isInputType(type)) continue;
    const value = inputs[name];
    const problems: VariableProblem[] = [];
    if (value === undefined || value === null) {
      if (isNonNullType(type) && !definition.defaultValue) problems.push({ path: [], explanation: 'Expected value to not be null' });
    } else {
      coerceInputValue(value, type, (path, _invalid, error) => {
        // graphql-js reports an unknown input field at its object; graphql-ruby at the field itself.
        const unknown = /^Field "([^"]+)" is not defined by type/.exec(error.message)?.[1];
        problems.push({ path: unknown ? [...path, unknown] : [...path], explanation: explanation(error.message) });
      });
      if (problems.length === 0) problems.push(...globalIdProblems(value, type));
    }
    if (problems.length === 0) continue;
    const first = problems[0];
    const where = first && first.path.length > 0 ? ` for ${first.path.join('.')} (${first.explanation})` : '';
    errors.push({
      message: `Variable $${name} of type ${String(type)} was provided invalid value${where}`,
      locations: definition.loc ? [{ line: definition.loc.startToken.line, column: definition.loc.startToken.column }] : [],
      extensions: { code: 'INVALID_VARIABLE', value: value ?? null, problems },
    });
  }
  return errors;
}
