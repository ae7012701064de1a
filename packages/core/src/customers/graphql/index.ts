export type { GraphqlCustomerAddress, GraphqlCustomerDetail } from './graphql-customer';
export { parseGraphqlCustomer } from './parse-graphql-customer';
