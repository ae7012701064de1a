/** One `frappe.msgprint` entry as it travels in `_server_messages`, with the text made plain. */
export interface ServerMessage {
  /** Plain text: HTML tags removed and the common entities decoded. */
  readonly text: string;
  /** The message exactly as Frappe sent it (may hold `<strong>`, links, `<br>`). */
  readonly html: string;
  readonly title?: string;
  readonly indicator?: string;
  /** Set when this entry is the one that raised the exception (`frappe.throw`). */
  readonly raised: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

/** Frappe messages embed markup (`<strong>`, `<a href>`, `<br>`); operators and logs want text. */
export function stripHtml(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_m, name: string) => ENTITIES[name] ?? '')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toMessage(entry: unknown): ServerMessage | undefined {
  // Each entry is itself JSON text (v15 double-encodes); tolerate an already-decoded object too.
  const decoded = typeof entry === 'string' ? (parseJson(entry) ?? entry) : entry;
  if (typeof decoded === 'string') return { text: stripHtml(decoded), html: decoded, raised: false };
  if (typeof decoded !== 'object' || decoded === null) return undefined;
  const record = decoded as Record<string, unknown>;
  const raw = record.message;
  // `as_list` / `as_table` messages carry a list of strings (or rows) instead of one string.
  const html = Array.isArray(raw) ? raw.map((part) => (Array.isArray(part) ? part.join(' ') : String(part))).join('\n') : String(raw ?? '');
  return {
    text: stripHtml(html),
    html,
    ...(typeof record.title === 'string' ? { title: record.title } : {}),
    ...(typeof record.indicator === 'string' ? { indicator: record.indicator } : {}),
    raised: record.raise_exception === 1 || record.raise_exception === true,
  };
}

/**
 * Decodes `_server_messages`: a JSON string holding a list whose items are JSON strings again
 * (notes §4). Anything malformed is skipped rather than thrown: error decoding must never fail.
 */
export function decodeServerMessages(raw: unknown): ServerMessage[] {
  if (raw === undefined || raw === null || raw === '') return [];
  const outer = typeof raw === 'string' ? parseJson(raw) : raw;
  if (!Array.isArray(outer)) return [];
  const messages: ServerMessage[] = [];
  for (const entry of outer) {
    const message = toMessage(entry);
    if (message && message.text !== '') messages.push(message);
  }
  return messages;
}
