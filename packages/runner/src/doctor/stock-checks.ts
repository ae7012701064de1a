import { stockWarehousesOf, type SyncSettings } from '@shopsync/core';
import { listAllVariants } from '@shopsync/shopify-client';
import { errorText, listSome } from './error-text';
import { CHECK_IDS, ok, problem, type CheckResult, type DoctorErpnext, type DoctorShopify } from './types';

/**
 * ERPNext → Shopify stock can follow only what is mapped: every warehouse holding stock counts into a
 * Shopify location (or is listed as not sold from), every mapped location exists in the shop, and
 * every Item stocked in a mapped warehouse is a Shopify variant's SKU. Each gap is a mapping failure
 * the first time that stock moves; doctor lists them before it does.
 */
export async function checkStockMapping(shopify: DoctorShopify, erpnext: DoctorErpnext, settings: SyncSettings, shop: string): Promise<CheckResult> {
  const id = CHECK_IDS.stockMapping;
  try {
    const byLocation = stockWarehousesOf(settings);
    const mapped = new Set(Object.values(byLocation).flat());
    const unsold = new Set(settings.unsoldWarehouses);
    const bins = await erpnext.listAll<{ item_code: string; warehouse: string }>('Bin', { fields: ['item_code', 'warehouse'], filters: [['actual_qty', '!=', 0]], orderBy: 'warehouse asc, item_code asc' });
    const unmappedWarehouses = [...new Set(bins.map((bin) => bin.warehouse).filter((warehouse) => !mapped.has(warehouse) && !unsold.has(warehouse)))];
    const skus = new Set((await listAllVariants(shopify.graphql)).flatMap((variant) => (variant.sku === null ? [] : [variant.sku.toLowerCase()])));
    const unlinked = [...new Set(bins.filter((bin) => mapped.has(bin.warehouse) && !skus.has(bin.item_code.toLowerCase())).map((bin) => bin.item_code))];
    const locations = shopify.locations === undefined ? null : new Set((await shopify.locations.list()).map((location) => location.id.slice(location.id.lastIndexOf('/') + 1)));
    const unknownLocations = locations === null ? [] : Object.keys(byLocation).filter((locationId) => !locations.has(locationId));
    const data = { shop, locations: Object.keys(byLocation).length, unmappedWarehouses, unlinked: unlinked.slice(0, 20), unlinkedCount: unlinked.length, unknownLocations };
    if (Object.keys(byLocation).length === 0) {
      return problem(id, 'no Shopify location is mapped to an ERPNext warehouse, so no stock can be pushed', 'Map each Shopify location id to its warehouse in mapping.locationWarehouses (shopsync doctor lists the shop\'s locations under shopify.connection).', data);
    }
    if (unmappedWarehouses.length + unlinked.length + unknownLocations.length === 0) {
      return ok(id, `${mapped.size} warehouses count into ${Object.keys(byLocation).length} Shopify locations; every Item stocked there is a Shopify SKU`, data);
    }
    const parts = [
      ...(unmappedWarehouses.length > 0 ? [`warehouses holding stock that count into no location: ${listSome(unmappedWarehouses)}`] : []),
      ...(unlinked.length > 0 ? [`${unlinked.length} Items stocked in mapped warehouses are no Shopify SKU: ${listSome(unlinked)}`] : []),
      ...(unknownLocations.length > 0 ? [`mapped locations the shop does not have: ${listSome(unknownLocations)}`] : []),
    ];
    return problem(
      id,
      parts.join('; '),
      'Map each warehouse to its location (mapping.locationWarehouses, mapping.extraStockWarehouses) or list it in mapping.unsoldWarehouses, and give each listed Item a Shopify variant with its Item Code as SKU; until then their stock moves are mapping failures.',
      data,
    );
  } catch (error) {
    const { code, message } = errorText(error);
    return problem(id, `Bins, variants or locations could not be read (${code ?? 'error'}): ${message}`, 'Give the runner\'s ERPNext user read access to Bin, and the Shopify token read_products, read_inventory and read_locations.', { code });
  }
}

/** Delivery Notes are posted on the site's clock: mapping.erpnextTimeZone must be System Settings → Time Zone. */
export async function checkTimeZone(erpnext: DoctorErpnext, configured: string): Promise<CheckResult> {
  const id = CHECK_IDS.timeZone;
  try {
    const site = await erpnext.callMethod<string | null>('frappe.client.get_single_value', { doctype: 'System Settings', field: 'time_zone' }, { verb: 'GET' });
    if (site === null || site === '' || site === configured) return ok(id, `the site runs on ${site || configured}, as mapping.erpnextTimeZone says`, { site, configured });
    return problem(id, `the site runs on ${site}, but mapping.erpnextTimeZone is ${configured}`, `Set mapping.erpnextTimeZone to "${site}": Delivery Notes are posted at the fulfillment's time on the site's clock.`, { site, configured });
  } catch (error) {
    const { code, message } = errorText(error);
    return problem(id, `System Settings could not be read (${code ?? 'error'}): ${message}`, 'Give the runner\'s user read access to System Settings, or check by hand that mapping.erpnextTimeZone equals its Time Zone.', { code });
  }
}
