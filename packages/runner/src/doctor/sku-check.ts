import { listAllVariants } from '@shopsync/shopify-client';
import { errorText, listSome } from './error-text';
import { ok, problem, type CheckResult, type DoctorErpnext, type DoctorShopify } from './types';

const ITEMS_PER_QUERY = 100;

/** SKUs that have an enabled ERPNext Item of that item_code (compared case-insensitively, as MariaDB does). */
async function mappedSkus(erpnext: DoctorErpnext, skus: readonly string[]): Promise<{ found: Set<string>; disabled: Set<string> }> {
  const found = new Set<string>();
  const disabled = new Set<string>();
  for (let start = 0; start < skus.length; start += ITEMS_PER_QUERY) {
    const batch = skus.slice(start, start + ITEMS_PER_QUERY);
    const rows = await erpnext.listAll('Item', { fields: ['item_code', 'disabled'], filters: [['item_code', 'in', batch]], limitPageLength: ITEMS_PER_QUERY });
    for (const row of rows) (Number(row.disabled) === 1 ? disabled : found).add(String(row.item_code).toLowerCase());
  }
  return { found, disabled };
}

/**
 * Every Shopify variant's SKU must be an ERPNext Item code: an order line is booked to the Item with
 * its SKU, and an unmapped one parks the whole order (mapping.sku_*). Variants without a SKU are listed
 * too: their order lines fail with mapping.sku_missing.
 */
export async function checkSkus(shopify: DoctorShopify, erpnext: DoctorErpnext): Promise<CheckResult> {
  const id = 'shopify.skus';
  try {
    const variants = await listAllVariants(shopify.graphql);
    const skus = [...new Set(variants.flatMap((v) => (v.sku === null || v.sku.trim() === '' ? [] : [v.sku])))].sort();
    const withoutSku = variants.filter((v) => v.sku === null || v.sku.trim() === '').map((v) => v.displayName);
    const { found, disabled } = await mappedSkus(erpnext, skus);
    const unmapped = skus.filter((sku) => !found.has(sku.toLowerCase()) && !disabled.has(sku.toLowerCase()));
    const disabledSkus = skus.filter((sku) => disabled.has(sku.toLowerCase()));
    const data = { variants: variants.length, skus: skus.length, unmapped: unmapped.slice(0, 20), unmappedCount: unmapped.length, disabled: disabledSkus.slice(0, 20), disabledCount: disabledSkus.length, withoutSku: withoutSku.slice(0, 20), withoutSkuCount: withoutSku.length };
    if (unmapped.length + disabledSkus.length + withoutSku.length === 0) return ok(id, `all ${skus.length} SKUs of ${variants.length} variants are ERPNext Items`, data);
    const parts = [
      ...(unmapped.length > 0 ? [`${unmapped.length} of ${skus.length} SKUs have no ERPNext Item: ${listSome(unmapped)}`] : []),
      ...(disabledSkus.length > 0 ? [`${disabledSkus.length} SKUs are disabled Items: ${listSome(disabledSkus)}`] : []),
      ...(withoutSku.length > 0 ? [`${withoutSku.length} variants have no SKU: ${listSome(withoutSku)}`] : []),
    ];
    return problem(id, parts.join('; '), 'Create (or enable) an ERPNext Item whose Item Code is each listed SKU, and give every Shopify variant a SKU; orders containing them are parked until then.', data);
  } catch (error) {
    const { code, message } = errorText(error);
    return problem(id, `variants or Items could not be read (${code ?? 'error'}): ${message}`, 'Give the Shopify token the read_products scope and the runner\'s ERPNext user read access to Item.', { code });
  }
}
