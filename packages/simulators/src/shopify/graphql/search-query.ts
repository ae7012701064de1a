// A small subset of Shopify's search syntax (https://shopify.dev/api/usage/search-syntax):
// `field:value`, comparators `:>`, `:>=`, `:<`, `:<=`, quoted values ('…' or "…", backslash
// escapes), implicit AND between terms, and `OR` between groups. Enough for `updated_at:>='…'`,
// `status:open` and `sku:'A' OR sku:'B'`. Unknown fields are ignored, as free text would be.

export type Comparator = '=' | '>' | '>=' | '<' | '<=';

export interface SearchTerm {
  field: string;
  comparator: Comparator;
  value: string;
}

/** OR of AND-groups. An empty query matches everything. */
export type SearchQuery = SearchTerm[][];

export function parseSearchQuery(query: string | null | undefined): SearchQuery {
  if (!query || query.trim() === '') return [];
  const tokens = tokenize(query);
  const groups: SearchQuery = [[]];
  for (const token of tokens) {
    if (token === 'OR') {
      groups.push([]);
      continue;
    }
    if (token === 'AND') continue;
    const match = /^([A-Za-z_.]+):(>=|<=|>|<)?([\s\S]*)$/.exec(token);
    if (!match) continue;
    groups[groups.length - 1]?.push({ field: (match[1] ?? '').toLowerCase(), comparator: (match[2] as Comparator | undefined) ?? '=', value: match[3] ?? '' });
  }
  return groups.filter((g) => g.length > 0);
}

function tokenize(query: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (let i = 0; i < query.length; i += 1) {
    const ch = query[i] as string;
    if (quote) {
      if (ch === '\\' && i + 1 < query.length) {
        current += query[i + 1];
        i += 1;
      } else if (ch === quote) quote = null;
      else current += ch;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (/\s/.test(ch)) {
      if (current !== '') tokens.push(current);
      current = '';
    } else current += ch;
  }
  if (current !== '') tokens.push(current);
  return tokens;
}

/** Per resource: how a field's value is read for comparison; fields not listed are ignored. */
/** A reader may return several values (e.g. an order is both `open` and `not_closed`): any may match. */
export type SearchFields<T> = Record<string, (item: T) => string | number | boolean | null | readonly string[]>;

export function matchesSearch<T>(item: T, query: SearchQuery, fields: SearchFields<T>): boolean {
  if (query.length === 0) return true;
  return query.some((group) => group.every((term) => matchesTerm(item, term, fields)));
}

function matchesTerm<T>(item: T, term: SearchTerm, fields: SearchFields<T>): boolean {
  const read = fields[term.field];
  if (!read) return true;
  const actual = read(item);
  if (actual === null) return false;
  if (Array.isArray(actual)) return term.comparator === '=' && actual.some((v: string) => v.toLowerCase() === term.value.toLowerCase());
  if (typeof actual === 'boolean') return String(actual) === term.value.toLowerCase();
  const isTime = /_at$/.test(term.field);
  const left = isTime ? Date.parse(String(actual)) : actual;
  const right = isTime ? Date.parse(term.value) : typeof actual === 'number' ? Number(term.value) : term.value;
  if (typeof left === 'string' && typeof right === 'string' && term.comparator === '=') return left.toLowerCase() === right.toLowerCase();
  switch (term.comparator) {
    case '=':
      return left === right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    default:
      return false;
  }
}
