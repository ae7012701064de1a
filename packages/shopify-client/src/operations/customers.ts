import type { ShopifyGraphqlClient } from '../graphql/create-graphql-client';
import { CUSTOMER_BY_ID } from './documents/customer-by-id';
import { CUSTOMERS_PAGE } from './documents/customers-page';
import { searchValue } from './payload';
import type { Page, ShopifyCustomer, ShopifyCustomerDetail } from './types';

export { CUSTOMER_ADDRESSES_READ } from './documents/customer-fields';

/** One customer with its addresses (null when Shopify has no such customer). */
export async function getCustomer(client: ShopifyGraphqlClient, id: string): Promise<ShopifyCustomerDetail | null> {
  const { data } = await client.request<{ customer: ShopifyCustomerDetail | null }>(CUSTOMER_BY_ID, { id });
  return data.customer;
}

export interface ListCustomersInput {
  /** Only customers updated at or after this ISO-8601 instant. */
  readonly updatedSince?: string;
  readonly after?: string | null;
  readonly first?: number;
}

/** One page of customers, oldest change first. */
export async function listCustomers(client: ShopifyGraphqlClient, input: ListCustomersInput = {}): Promise<Page<ShopifyCustomer>> {
  const query = input.updatedSince === undefined ? null : `updated_at:>=${searchValue(input.updatedSince)}`;
  const variables = { query, after: input.after ?? null, ...(input.first === undefined ? {} : { first: input.first }) };
  const { data } = await client.request<{ customers: Page<ShopifyCustomer> }>(CUSTOMERS_PAGE, variables);
  return data.customers;
}
