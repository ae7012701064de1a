export * from './graphql-order';
export { parseGraphqlOrder } from './parse-graphql-order';
export { parseGraphqlTransactions } from './parse-graphql-transaction';
export { shopClock, type ShopClock } from './shop-local-time';
