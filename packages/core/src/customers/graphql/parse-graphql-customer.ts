import { gidIdOf } from '../../orders/graphql/graphql-fields';
import { optionalString, parsed, rejected, type ParseResult } from '../../webhooks/parse-result';
import type { ShopifyAddress, ShopifyCustomer } from '../shopify-customer';
import type { GraphqlCustomerAddress, GraphqlCustomerDetail } from './graphql-customer';

function parseAddress(address: GraphqlCustomerAddress, index: number, defaultId: string | null, issues: string[]): ShopifyAddress | null {
  const id = gidIdOf(address.id, 'MailingAddress');
  if (id === null) {
    issues.push(`addressesV2.nodes[${index}].id is not a MailingAddress GID: ${JSON.stringify(address.id)}`);
    return null;
  }
  return {
    id,
    address1: optionalString(address.address1),
    address2: optionalString(address.address2),
    city: optionalString(address.city),
    province: optionalString(address.province),
    country: optionalString(address.country),
    zip: optionalString(address.zip),
    phone: optionalString(address.phone),
    isDefault: id === defaultId,
  };
}

/**
 * Reads a customer from the Admin GraphQL API into the same ShopifyCustomer that parseCustomer reads
 * from its customers/update body, so reconcile plans what that webhook would. `updatedAt` stays UTC
 * (the webhook's is shop-local): it is only ever compared as an instant (compareVersions). Every
 * problem is reported at once, named by its GraphQL path.
 */
export function parseGraphqlCustomer(customer: GraphqlCustomerDetail): ParseResult<ShopifyCustomer> {
  const issues: string[] = [];
  const id = gidIdOf(customer.id, 'Customer');
  if (id === null) issues.push(`id is not a Customer GID: ${JSON.stringify(customer.id)}`);
  const defaultId = customer.defaultAddress === null ? null : gidIdOf(customer.defaultAddress.id, 'MailingAddress');
  const addresses = customer.addressesV2.nodes.map((address, index) => parseAddress(address, index, defaultId, issues));
  if (id === null || issues.length > 0) return rejected(issues);
  return parsed({
    id,
    firstName: optionalString(customer.firstName),
    lastName: optionalString(customer.lastName),
    email: optionalString(customer.defaultEmailAddress?.emailAddress),
    phone: optionalString(customer.defaultPhoneNumber?.phoneNumber),
    updatedAt: optionalString(customer.updatedAt),
    addresses: addresses.filter((address): address is ShopifyAddress => address !== null),
  });
}
