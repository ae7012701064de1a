/**
 * Item Code → Shopify inventory item, remembered for a while per shop: every push needs the link and a
 * variants-by-SKU search costs ~300 points of the shop's GraphQL budget. Only unambiguous links are
 * kept; an unlinked or ambiguous SKU is asked again each time (the operator may be fixing it now).
 */
export class LinkCache {
  private readonly links = new Map<string, { inventoryItemId: string; at: number }>();

  constructor(private readonly ttlMs: number) {}

  get(shop: string, itemCode: string, nowMs: number): string | undefined {
    const found = this.links.get(`${shop}\n${itemCode}`);
    if (found === undefined || nowMs - found.at > this.ttlMs) return undefined;
    return found.inventoryItemId;
  }

  set(shop: string, itemCode: string, inventoryItemId: string, nowMs: number): void {
    this.links.set(`${shop}\n${itemCode}`, { inventoryItemId, at: nowMs });
  }
}
