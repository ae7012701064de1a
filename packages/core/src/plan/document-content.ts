/** Which parts of a document make up its content: header fields and child-table rows (any order). */
export interface ContentShape {
  readonly fields: readonly string[];
  readonly tables: ReadonlyArray<{ readonly table: string; readonly fields: readonly string[] }>;
}

/** ERPNext answers 2 where it was sent "2.00" or 2: numbers compare by value, to 6 decimals. */
function canonicalValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  const numeric = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : null;
  if (numeric !== null && Number.isFinite(numeric)) return String(Math.round(numeric * 1e6) / 1e6);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function canonicalRow(row: unknown, fields: readonly string[]): string {
  const record = typeof row === 'object' && row !== null ? (row as Record<string, unknown>) : {};
  return JSON.stringify(fields.map((field) => canonicalValue(record[field])));
}

/**
 * The content of a document as one canonical string, the same for the document shopsync wants and
 * the one ERPNext returns when they hold the same values — whatever the row order or number format.
 */
export function documentContent(doc: Readonly<Record<string, unknown>>, shape: ContentShape): string {
  const header = canonicalRow(doc, shape.fields);
  const tables = shape.tables.map(({ table, fields }) => {
    const rows = Array.isArray(doc[table]) ? (doc[table] as unknown[]) : [];
    return `${table}:[${rows.map((row) => canonicalRow(row, fields)).sort().join(',')}]`;
  });
  return [header, ...tables].join('|');
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = (1n << 64n) - 1n;

/** FNV-1a, 64 bits, over the UTF-16 code units: a short, stable name for a content string. */
export function contentDigest(doc: Readonly<Record<string, unknown>>, shape: ContentShape): string {
  let hash = FNV_OFFSET;
  const text = documentContent(doc, shape);
  for (let index = 0; index < text.length; index += 1) {
    hash ^= BigInt(text.charCodeAt(index));
    hash = (hash * FNV_PRIME) & MASK_64;
  }
  return hash.toString(16).padStart(16, '0');
}
