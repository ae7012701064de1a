/** The slice of the ERPNext client the worker uses; the real client and test fakes both fit it. */
export interface ErpnextPort {
  insertDoc(doctype: string, doc: Record<string, unknown>): Promise<Record<string, unknown>>;
  findOne(doctype: string, filters: Record<string, unknown>, fields: string[]): Promise<Record<string, unknown> | null | undefined>;
  submitDoc(doctype: string, name: string): Promise<Record<string, unknown>>;
}
