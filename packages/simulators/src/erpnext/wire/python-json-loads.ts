import { FrappeError } from './frappe-error';

/**
 * Python's `json.loads` as Frappe calls it (`frappe.parse_json`, `frappe.client.insert`, a JSON body):
 * a str that is not JSON raises `json.decoder.JSONDecodeError`, which no Frappe handler catches, so
 * the request answers 500 with that exc_type. The message is CPython's, position included, because
 * a client or an operator reads it ("Expecting value: line 1 column 1 (char 0)").
 */
export function pythonJsonLoads(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Python also takes NaN / Infinity, which JSON.parse refuses: the scanner answers those.
    return new PythonJsonScanner(text).loads();
  }
}

/** `frappe.parse_json`: a str goes through `json.loads`; anything else is returned as it is. */
export function frappeParseJson(value: unknown): unknown {
  return typeof value === 'string' ? pythonJsonLoads(value) : value;
}

const WHITESPACE = /[ \t\n\r]*/y;
const NUMBER = /(-?(?:0|[1-9]\d*))(\.\d+)?([eE][-+]?\d+)?/y;
const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const CONSTANTS: ReadonlyArray<readonly [string, unknown]> = [['null', null], ['true', true], ['false', false], ['NaN', NaN], ['Infinity', Infinity], ['-Infinity', -Infinity]];

/** Thrown inside the scanner where CPython's scan_once raises StopIteration(idx). */
class NoValue {
  constructor(readonly at: number) {}
}

/** CPython's json.decoder / json.scanner, for the error (and for what only Python accepts). */
class PythonJsonScanner {
  constructor(private readonly s: string) {}

  loads(): unknown {
    let value: unknown;
    let end: number;
    try {
      [value, end] = this.scanOnce(this.ws(0));
    } catch (error) {
      if (error instanceof NoValue) throw this.error('Expecting value', error.at);
      throw error;
    }
    end = this.ws(end);
    if (end !== this.s.length) throw this.error('Extra data', end);
    return value;
  }

  private error(message: string, at: number): FrappeError {
    const before = this.s.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    return new FrappeError({ excType: 'JSONDecodeError', excArg: `${message}: line ${line} column ${column} (char ${at})` });
  }

  private ws(at: number): number {
    WHITESPACE.lastIndex = at;
    WHITESPACE.exec(this.s);
    return WHITESPACE.lastIndex;
  }

  private scanOnce(at: number): [unknown, number] {
    const c = this.s[at];
    if (c === undefined) throw new NoValue(at);
    if (c === '"') return this.string(at + 1);
    if (c === '{') return this.object(at + 1);
    if (c === '[') return this.array(at + 1);
    NUMBER.lastIndex = at;
    const number = NUMBER.exec(this.s);
    const constant = CONSTANTS.find(([word]) => this.s.startsWith(word, at));
    if (number && !(constant && constant[0] === '-Infinity')) return [Number(number[0]), at + number[0].length];
    if (constant) return [constant[1], at + constant[0].length];
    throw new NoValue(at);
  }

  private string(begin: number): [string, number] {
    let out = '';
    let at = begin;
    for (;;) {
      const c = this.s[at];
      if (c === undefined) throw this.error('Unterminated string starting at', begin - 1);
      if (c === '"') return [out, at + 1];
      if (c.charCodeAt(0) < 0x20) throw this.error('Invalid control character at', at);
      if (c !== '\\') {
        out += c;
        at += 1;
        continue;
      }
      const esc = this.s[at + 1];
      if (esc === undefined) throw this.error('Unterminated string starting at', begin - 1);
      if (esc === 'u') {
        const hex = this.s.slice(at + 2, at + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw this.error('Invalid \\uXXXX escape', at + 1);
        out += String.fromCharCode(parseInt(hex, 16));
        at += 6;
        continue;
      }
      const decoded = ESCAPES[esc];
      if (decoded === undefined) throw this.error('Invalid \\escape', at);
      out += decoded;
      at += 2;
    }
  }

  private object(start: number): [Record<string, unknown>, number] {
    const out: Record<string, unknown> = {};
    let at = this.ws(start);
    if (this.s[at] === '}') return [out, at + 1];
    if (this.s[at] !== '"') throw this.error('Expecting property name enclosed in double quotes', at);
    for (;;) {
      const [key, afterKey] = this.string(at + 1);
      at = this.ws(afterKey);
      if (this.s[at] !== ':') throw this.error("Expecting ':' delimiter", at);
      const [value, afterValue] = this.value(this.ws(at + 1));
      out[key] = value;
      at = this.ws(afterValue);
      if (this.s[at] === '}') return [out, at + 1];
      if (this.s[at] !== ',') throw this.error("Expecting ',' delimiter", at);
      at = this.ws(at + 1);
      if (this.s[at] !== '"') throw this.error('Expecting property name enclosed in double quotes', at);
    }
  }

  private array(start: number): [unknown[], number] {
    const out: unknown[] = [];
    let at = this.ws(start);
    if (this.s[at] === ']') return [out, at + 1];
    for (;;) {
      const [value, afterValue] = this.value(at);
      out.push(value);
      at = this.ws(afterValue);
      if (this.s[at] === ']') return [out, at + 1];
      if (this.s[at] !== ',') throw this.error("Expecting ',' delimiter", at);
      at = this.ws(at + 1);
    }
  }

  /** A value inside a container: nothing there is "Expecting value" at that point. */
  private value(at: number): [unknown, number] {
    try {
      return this.scanOnce(at);
    } catch (error) {
      if (error instanceof NoValue) throw this.error('Expecting value', error.at);
      throw error;
    }
  }
}
