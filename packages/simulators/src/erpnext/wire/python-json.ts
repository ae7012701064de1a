/** A number that Python holds as a float (Currency, Float, Percent): written `100.0`, not `100`. */
export class PyFloat {
  constructor(readonly value: number) {}
}

function floatText(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : Number.isNaN(n) ? 'NaN' : '-Infinity';
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return `${n}.0`;
  // Python's repr switches to exponent form at 1e16 and writes e+16 / e-05 where JS writes e+16 / e-5.
  return String(n).replace(/e([+-])(\d)$/, 'e$10$2');
}

/** ensure_ascii=True: everything outside printable ASCII becomes \uXXXX, as Python's json does. */
function asciiString(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Python `json.dumps` for the values a Frappe response holds. `spaced` gives the default
 * separators (", " and ": "), used inside `_server_messages`; compact matches `frappe.as_json`
 * for the response itself (notes §1, §4). Keys keep insertion order, like a Python dict.
 */
export function pythonJson(value: unknown, spaced = false): string {
  const comma = spaced ? ', ' : ',';
  const colon = spaced ? ': ' : ':';
  const write = (v: unknown): string => {
    if (v instanceof PyFloat) return floatText(v.value);
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'string') return asciiString(v);
    if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (Array.isArray(v)) return `[${v.map(write).join(comma)}]`;
    if (typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>).filter(([, item]) => item !== undefined);
      return `{${entries.map(([k, item]) => `${asciiString(k)}${colon}${write(item)}`).join(comma)}}`;
    }
    return 'null';
  };
  return write(value);
}
