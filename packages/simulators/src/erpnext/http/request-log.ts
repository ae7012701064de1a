import type { RequestLog, RequestRecord } from '../types';

interface MutableRecord extends RequestRecord {
  status: number;
}

/** Every HTTP request the simulator received, so tests can assert "zero ERPNext requests". */
export class RequestLogBook implements RequestLog {
  private records: MutableRecord[] = [];

  add(method: string, path: string): MutableRecord {
    const record: MutableRecord = { method, path, status: 0 };
    this.records.push(record);
    return record;
  }

  get all(): readonly RequestRecord[] {
    return this.records;
  }

  get count(): number {
    return this.records.length;
  }

  countWhere(filter: { method?: string; path?: RegExp | string }): number {
    return this.records.filter(
      (r) =>
        (!filter.method || r.method === filter.method.toUpperCase()) &&
        (filter.path === undefined || (typeof filter.path === 'string' ? r.path.includes(filter.path) : filter.path.test(r.path))),
    ).length;
  }

  clear(): void {
    this.records = [];
  }
}
