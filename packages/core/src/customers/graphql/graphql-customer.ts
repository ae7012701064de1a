/**
 * A customer as the Admin GraphQL API returns it (CustomerById): the fields parse-graphql-customer.ts
 * reads, and no more. The core cannot import the Shopify client, so this is its structural view of the
 * client's `ShopifyCustomerDetail`, which must satisfy it (checked where the runner calls the parser).
 * Ids are GIDs; an address's GID carries a `?model_name=CustomerAddress` suffix.
 */
export interface GraphqlCustomerAddress {
  readonly id: string;
  readonly address1: string | null;
  readonly address2: string | null;
  readonly city: string | null;
  readonly province: string | null;
  /** The English country name ("Canada"), as the webhook's `country_name`. */
  readonly country: string | null;
  readonly zip: string | null;
  readonly phone: string | null;
}

export interface GraphqlCustomerDetail {
  readonly id: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly updatedAt: string | null;
  readonly defaultEmailAddress: { readonly emailAddress: string } | null;
  readonly defaultPhoneNumber: { readonly phoneNumber: string } | null;
  readonly defaultAddress: { readonly id: string } | null;
  readonly addressesV2: { readonly nodes: readonly GraphqlCustomerAddress[] };
}
