import { isInputObjectType, isListType, isNonNullType, type GraphQLInputType } from 'graphql';

/** One entry of INVALID_VARIABLE's `extensions.problems`, as graphql-ruby writes it. */
export interface VariableProblem {
  path: (string | number)[];
  explanation: string;
  /** Present for coercion failures raised by a scalar (an invalid global id); absent otherwise. */
  message?: string;
}

// "gid://shopify/Order/123"; InventoryLevel ids carry a query ("…/24826418?inventory_item_id=…").
// A well-formed id of an unknown type is accepted here and answered with null, as Shopify does.
const GLOBAL_ID = /^gid:\/\/[^/\s]+\/[A-Za-z_][A-Za-z0-9_]*\/[^/?#\s]+(?:\?\S*)?$/;

export function isGlobalId(value: string): boolean {
  return GLOBAL_ID.test(value);
}

/**
 * Shopify's ID scalar accepts only global ids: "12345" or "gid://shopify/Order" in an ID variable
 * is refused before anything runs, with `Invalid global id '12345'` (draft-proxy captures, 2025-01;
 * the same text with backticks in 2019 Storefront answers). graphql-js's ID takes any string, so
 * this walks a variable that already coerced and reports every ID leaf that is not a global id.
 */
export function globalIdProblems(value: unknown, type: GraphQLInputType, path: (string | number)[] = []): VariableProblem[] {
  if (value === null || value === undefined) return [];
  if (isNonNullType(type)) return globalIdProblems(value, type.ofType, path);
  if (isListType(type)) {
    // A single value given for a list is coerced to a list of one, at the same path.
    return Array.isArray(value) ? value.flatMap((item, i) => globalIdProblems(item, type.ofType, [...path, i])) : globalIdProblems(value, type.ofType, path);
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object') return [];
    const fields = type.getFields();
    return Object.entries(value).flatMap(([name, field]) => {
      const definition = fields[name];
      return definition ? globalIdProblems(field, definition.type, [...path, name]) : [];
    });
  }
  if (type.name !== 'ID') return [];
  const raw = typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  if (raw === undefined || isGlobalId(raw)) return [];
  const explanation = `Invalid global id '${raw}'`;
  return [{ path, explanation, message: explanation }];
}
