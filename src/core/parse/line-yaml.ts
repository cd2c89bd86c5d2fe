/**
 * The fastest way to the data of a plain frontmatter: a reader of the few line shapes plan files
 * are written in, in front of js-yaml (fast-yaml.ts), which is general and about five times
 * slower on them. It answers only for a text made of nothing but
 *
 * - `key: value` lines, the keys plain words (`[A-Za-z_][A-Za-z0-9_-]*`, not a null or a boolean,
 *   not `__proto__`, each once per mapping), nested by indentation;
 * - `- value` and `- key: value` list items (the item's mapping going on at the indentation after
 *   `- `);
 * - values that are plain one-line scalars, `"…"` without a backslash, `'…'` without a quote
 *   inside, or one-line flow lists and mappings of such scalars (`[EB, TB]`,
 *   `{ amount: 1000, currency: CNY }`);
 * - comments after a space, comment lines, empty lines;
 *
 * and answers `undefined` for anything else (a block scalar, a multi-line scalar, an escape, a
 * nested flow collection, a control character, a lone CR…), which js-yaml then reads. CRLF line
 * ends are read as line ends. Plain scalars
 * are resolved by the YAML 1.2 core schema, as the `yaml` package does. test/unit/fast-yaml.test.ts
 * holds it to the `yaml` package's data over the YAML test suite, soups of YAML tokens and
 * generated plan files, and to js-yaml's on everything it answers for.
 */
import { intern } from './intern.js';

/** A mapping key this reader writes as is (others go to js-yaml). */
const KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** Characters this reader leaves to js-yaml wherever they are: controls, line separators, BOM, surrogates, backslash-free escapes' kin. */
const UNREAD = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\t]/;

type Value = unknown;

/** The data of `source` when it is a mapping in the shapes above; `undefined` otherwise. */
export function lineYamlMapping(source: string): Record<string, unknown> | undefined {
  if (UNREAD.test(source)) return undefined;
  const lines = source.split('\n');
  // CRLF line ends (a lone CR is already a line feed here): the CR is no part of the line.
  if (source.includes('\r')) {
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (line.endsWith('\r')) lines[i] = line.slice(0, -1);
      if (lines[i].includes('\r')) return undefined;
    }
  }
  const reader = new Reader(lines);
  const value = reader.block(0, 0);
  if (value === FAIL || reader.next < lines.length || value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return value as Record<string, unknown>;
}

const FAIL = Symbol('fail');

class Reader {
  next = 0;
  constructor(private readonly lines: string[]) {
    this.skipBlank();
  }

  /** Moves past empty and comment-only lines. */
  private skipBlank(): void {
    while (this.next < this.lines.length) {
      const line = this.lines[this.next];
      const i = indentOf(line);
      if (i < line.length && line.charCodeAt(i) !== 35) return; // not a comment
      this.next++;
    }
  }

  /**
   * The block node starting at the current line, whose lines are indented `indent` (a mapping or
   * a list); `depth` bounds the nesting. FAIL when a line is not one of the shapes read here.
   */
  block(indent: number, depth: number): Value | typeof FAIL {
    if (depth > 32 || this.next >= this.lines.length) return FAIL;
    const line = this.lines[this.next];
    if (indentOf(line) !== indent) return FAIL;
    return line.startsWith('- ', indent) ? this.list(indent, depth) : this.mapping(indent, depth, -1);
  }

  /** A block mapping at `indent`; `firstAt`: where its first entry starts on the current line when it starts after `- `. */
  private mapping(indent: number, depth: number, firstAt: number): Value | typeof FAIL {
    const out: Record<string, unknown> = {};
    let start = firstAt;
    for (;;) {
      if (this.next >= this.lines.length) break;
      const line = this.lines[this.next];
      if (start < 0) {
        const at = indentOf(line);
        if (at < indent) break;
        if (at > indent) return FAIL;
        start = at;
      }
      const colon = line.indexOf(':', start);
      if (colon <= start) return FAIL;
      const key = line.slice(start, colon);
      if (!isKey(key) || Object.prototype.hasOwnProperty.call(out, key)) return FAIL;
      this.next++;
      let value: Value | typeof FAIL;
      if (colon + 1 === line.length || isCommentOnly(line, colon + 1)) {
        this.skipBlank();
        const below = this.next < this.lines.length ? this.lines[this.next] : '';
        const at = indentOf(below);
        if (this.next >= this.lines.length || at < indent || (at === indent && !below.startsWith('- ', at))) value = null;
        // A list under a key may start at the key's own indentation (YAML allows `key:\n- a`).
        else value = at === indent ? this.list(indent, depth + 1, true) : this.block(at, depth + 1);
      } else {
        if (line.charCodeAt(colon + 1) !== 32) return FAIL; // `key:value` is one plain scalar in YAML
        value = inlineValue(line, colon + 2);
        this.skipBlank();
      }
      if (value === FAIL) return FAIL;
      out[key] = value;
      start = -1;
    }
    return out;
  }

  /** A block list at `indent`; `underKey`: it started at its key's indentation, and ends at the first line that is no item. */
  private list(indent: number, depth: number, underKey = false): Value | typeof FAIL {
    const out: unknown[] = [];
    while (this.next < this.lines.length) {
      const line = this.lines[this.next];
      const at = indentOf(line);
      if (at < indent || (underKey && at === indent && !line.startsWith('- ', at))) break;
      if (at > indent || !line.startsWith('- ', at)) return FAIL;
      const from = at + 2;
      if (from === line.length || line.charCodeAt(from) === 32) return FAIL; // `-   x` or an empty item: js-yaml decides
      let value: Value | typeof FAIL;
      if (isMappingEntry(line, from)) {
        value = this.mapping(from, depth + 1, from);
      } else {
        value = inlineValue(line, from);
        this.next++;
        this.skipBlank();
      }
      if (value === FAIL) return FAIL;
      out.push(value);
    }
    return out;
  }
}

const indentOf = (line: string): number => {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  return i;
};

/** Only spaces and a comment from `from` on (at least one space first). */
function isCommentOnly(line: string, from: number): boolean {
  let i = from;
  while (line.charCodeAt(i) === 32) i++;
  return i > from && line.charCodeAt(i) === 35;
}

/**
 * A plain word this reader takes as a key as written. Keys are resolved like values: `True` is the
 * key "true" and `null` the key "" to the `yaml` package; those, and `__proto__`, go to js-yaml.
 */
const isKey = (key: string): boolean => KEY.test(key) && !NOT_TEXT_KEY.test(key) && key !== '__proto__';
const NOT_TEXT_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$/;

/** `key: …` or `key:` at `from` (a plain word, then a colon before a space or the end of the line). */
function isMappingEntry(line: string, from: number): boolean {
  const colon = line.indexOf(':', from);
  return colon > from && (colon === line.length - 1 || line.charCodeAt(colon + 1) === 32) && KEY.test(line.slice(from, colon));
}

/** The value written from `from` to the end of `line` (spaces first and a trailing comment allowed), or FAIL. */
function inlineValue(line: string, from: number): Value | typeof FAIL {
  let start = from;
  while (line.charCodeAt(start) === 32) start++;
  const c = line.charCodeAt(start);
  if (c === 34 || c === 39) {
    const end = line.indexOf(c === 34 ? '"' : "'", start + 1);
    if (end < 0 || (c === 34 && line.lastIndexOf('\\', end) > start) || !endsHere(line, end + 1)) return FAIL;
    if (c === 39 && line.charCodeAt(end + 1) === 39) return FAIL; // `''` is an escaped quote
    return intern(line.slice(start + 1, end));
  }
  if (c === 91 || c === 123) {
    const end = line.indexOf(c === 91 ? ']' : '}', start);
    if (end < 0 || !endsHere(line, end + 1)) return FAIL;
    return c === 91 ? flowList(line.slice(start + 1, end)) : flowMapping(line.slice(start + 1, end));
  }
  // A plain scalar: up to a comment (` #`), without the spaces before it.
  let end = line.indexOf(' #', start);
  if (end < 0) end = line.length;
  while (end > start && line.charCodeAt(end - 1) === 32) end--;
  if (end === start || !plainStart(line, start, end)) return FAIL;
  // `: ` inside or `:` at the end: a mapping where a scalar was expected (an error in YAML).
  const colon = line.indexOf(': ', start);
  if ((colon >= 0 && colon < end) || line.charCodeAt(end - 1) === 58) return FAIL;
  const s = line.slice(start, end);
  if (s.includes('#') && /\s#/.test(s)) return FAIL;
  return resolve(s);
}

/** False for a plain scalar's first character YAML reserves (an indicator; `-` followed by a space). */
function plainStart(line: string, start: number, end: number): boolean {
  const c = line.charCodeAt(start);
  if (c === 45) return end - start > 1 && line.charCodeAt(start + 1) !== 32;
  return !INDICATORS.includes(line[start]);
}

const INDICATORS = '?:,[]{}#&*!|>\'"%@`';

/** True when nothing but spaces and a comment (after a space) follow `from`. */
function endsHere(line: string, from: number): boolean {
  let i = from;
  while (line.charCodeAt(i) === 32) i++;
  return i === line.length || (i > from && line.charCodeAt(i) === 35);
}

/** A plain scalar inside a flow collection (already trimmed), or undefined when this reader leaves it to js-yaml. */
function flowPlain(s: string): string | undefined {
  if (s === '' || !plainStart(s, 0, s.length) || /[,[\]{}:#]/.test(s)) return undefined;
  return s;
}

function flowItems(inner: string): string[] | undefined {
  if (inner.trim() === '') return [];
  const items = inner.split(',');
  const out: string[] = [];
  for (const raw of items) {
    const item = raw.trim();
    if (item === '' || raw.includes('#')) return undefined;
    out.push(item);
  }
  return out;
}

function flowList(inner: string): Value | typeof FAIL {
  const items = flowItems(inner);
  if (!items) return FAIL;
  const out: unknown[] = [];
  for (const item of items) {
    const value = flowScalar(item);
    if (value === FAIL) return FAIL;
    out.push(value);
  }
  return out;
}

function flowMapping(inner: string): Value | typeof FAIL {
  const items = flowItems(inner);
  if (!items) return FAIL;
  const out: Record<string, unknown> = {};
  for (const item of items) {
    const colon = item.indexOf(': ');
    if (colon <= 0) return FAIL;
    const key = item.slice(0, colon);
    if (!isKey(key) || Object.prototype.hasOwnProperty.call(out, key)) return FAIL;
    const value = flowScalar(item.slice(colon + 2).trim());
    if (value === FAIL) return FAIL;
    out[key] = value;
  }
  return out;
}

/** A scalar inside a flow collection: plain, or quoted without the quote, a backslash or a separator inside. */
function flowScalar(item: string): Value | typeof FAIL {
  const c = item.charCodeAt(0);
  if (c === 34 || c === 39) {
    if (item.length < 2 || item.charCodeAt(item.length - 1) !== c) return FAIL;
    const body = item.slice(1, -1);
    if (body.includes(item[0]) || body.includes('\\')) return FAIL;
    return intern(body);
  }
  const plain = flowPlain(item);
  return plain === undefined ? FAIL : resolve(plain);
}

/** A plain scalar's value by the YAML 1.2 core schema (the `yaml` package's order and forms). */
export function resolve(s: string): unknown {
  const c = s.charCodeAt(0);
  // Most plan values start with a letter that no null, bool or number starts with.
  const special = c === 126 || c === 43 || c === 45 || c === 46 || (c >= 48 && c <= 57) || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70;
  if (!special) return intern(s);
  if (/^(?:~|[Nn]ull|NULL)$/.test(s)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(s)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(s)) return false;
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s) || /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return parseFloat(s);
  return intern(s);
}
