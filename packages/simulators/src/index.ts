export * from './shopify';
export * from './erpnext';
