import { GraphQLError, type GraphQLFieldResolver, type GraphQLTypeResolver } from 'graphql';

/**
 * A view is a plain object whose keys are GraphQL field names; a value is the field's value or a
 * function `(args, context, info) => value`. Fields Shopify has but the simulator does not model
 * are simply absent from the view.
 */
export type View = Record<string, unknown> & { readonly __typename?: string };

/**
 * graphql-js default resolver replacement: absent fields fail with a clear "not simulated" error
 * (null in the data and an entry in `errors`) rather than a silent null that would look like
 * Shopify's answer.
 */
export const resolveViewField: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
  if (typeof source !== 'object' || source === null) return null;
  const view = source as Record<string, unknown>;
  if (!(info.fieldName in view)) {
    throw new GraphQLError(`Field '${info.fieldName}' on type '${info.parentType.name}' is not simulated by the shopsync Shopify simulator`, {
      extensions: { code: 'NOT_SIMULATED', typeName: info.parentType.name, fieldName: info.fieldName },
    });
  }
  const value = view[info.fieldName];
  return typeof value === 'function' ? (value as (a: unknown, c: unknown, i: unknown) => unknown)(args, context, info) : value;
};

/** Abstract types (Node, unions) resolve by the view's `__typename`. */
export const resolveViewType: GraphQLTypeResolver<unknown, unknown> = (value) => {
  const name = (value as View | null)?.__typename;
  return typeof name === 'string' ? name : undefined;
};
