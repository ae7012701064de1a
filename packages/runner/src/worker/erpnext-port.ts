/** The slice of the ERPNext client the worker uses; the real client and test fakes both fit it. */
export interface ErpnextPort {
  insertDoc(doctype: string, doc: Record<string, unknown>): Promise<Record<string, unknown>>;
  findOne(doctype: string, filters: Record<string, unknown>, fields: string[]): Promise<Record<string, unknown> | null | undefined>;
  getDoc(doctype: string, name: string): Promise<Record<string, unknown>>;
  updateDoc(doctype: string, name: string, changes: Record<string, unknown>): Promise<Record<string, unknown>>;
  submitDoc(doctype: string, name: string): Promise<Record<string, unknown>>;
  cancelDoc(doctype: string, name: string): Promise<Record<string, unknown>>;
  /** GET /api/method/ping: the outage breaker's probe when no 'erpnext' readiness probe is given. */
  ping?(): Promise<unknown>;
  callMethod(method: string, args: Record<string, unknown>, options?: { verb?: 'GET' | 'POST'; readOnly?: boolean }): Promise<unknown>;
}
