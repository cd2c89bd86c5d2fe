/**
 * Finds a nested key's position in a block-style frontmatter without the YAML AST: the findings on
 * a relationship plan point at `contacts[i].person` or `contacts[i].next`, and parsing every plan
 * with the `yaml` package only for such a position was the largest part of a 10k check's finding
 * stage; an account's findings point at `review.next`, `period.end` or `objectives[i].due`, and one
 * such parse is most of a small workspace's check (the `yaml` package's code runs cold). Only the
 * plain layout is answered for (block mappings and block lists, simple keys, one-line scalars);
 * anything else returns undefined and goes the exact way (yaml-locate.ts).
 * test/unit/block-locate.test.ts checks it against the exact way on generated plan files.
 */
import type { DataPath, LocateTarget } from './yaml-locate.js';
import { plainYaml } from './fast-yaml.js';

interface Line {
  start: number;
  /** Offset of the line's end (before its line break). */
  end: number;
  /** Column of the first non-space character; -1 for a blank or comment-only line. */
  indent: number;
}

const SIMPLE_KEY = /^([A-Za-z_][\w-]*)[ \t]*:(?=[ \t]|$)/;
/** A one-line scalar after `key:`: plain, or quoted without escapes, then an optional comment. */
const ONE_LINE_SCALAR = /^(?:"[^"\\]*"|'[^']*'|[^\s"'[{|>&*!%@`#,-][^#]*?|-[^\s#][^#]*?)(?=[ \t]*(?:[ \t]#.*)?$)/;

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = text.length;
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    let i = start;
    while (i < end && text.charCodeAt(i) === 32) i++;
    const blank = i === end || text.charCodeAt(i) === 35; // empty, or a comment
    out.push({ start, end, indent: blank ? -1 : i - start });
    if (nl === text.length) break;
    start = nl + 1;
  }
  return out;
}

/** The value text after `key:` on its line, without a trailing comment; '' when the value starts on a later line. */
function inlineValue(text: string, from: number, end: number): string | undefined {
  const rest = text.slice(from, end);
  const trimmed = rest.replace(/^[ \t]+/, '');
  if (trimmed === '' || trimmed.startsWith('#')) return '';
  const m = ONE_LINE_SCALAR.exec(trimmed);
  return m ? m[0] : undefined;
}

type Found = [number, number];

/**
 * [start, end) of the key or value at `path` relative to the YAML text, or undefined when the
 * layout is not the plain one this scanner knows (then the AST decides).
 */
export function locateBlock(source: string, path: DataPath, target: LocateTarget): Found | undefined {
  // A lone CR is a line break as for the `yaml` package (document.ts): same length, same offsets.
  const yamlText = source.includes('\r') ? source.replace(/\r(?!\n)/g, '\n') : source;
  if (path.length < 2 || typeof path[path.length - 1] !== 'string' || !plainYaml(yamlText)) return undefined;
  // The AST never matches a null key by name (yaml-locate.ts skips it): leave such paths to it.
  if (path.some((p) => typeof p === 'string' && /^(?:~|null|Null|NULL)$/.test(p))) return undefined;
  const lines = splitLines(yamlText);
  let first = 0;
  while (first < lines.length && lines[first].indent < 0) first++;
  if (first === lines.length || lines[first].indent !== 0) return undefined;
  // The current mapping: its first key at (line, column); its entries run until line `until`.
  let line = first;
  let column = 0;
  let until = lines.length;
  for (let s = 0; s < path.length; s++) {
    const segment = path[s];
    if (typeof segment !== 'string') return undefined;
    // A list item written as a flow mapping on its line (`- {kind: nps, score: 30}`): its last key.
    if (yamlText.charCodeAt(lines[line].start + column) === 123 /* { */) {
      if (s !== path.length - 1 || typeof path[s - 1] !== 'number') return undefined;
      for (let l = line + 1; l < until; l++) if (lines[l].indent >= 0) return undefined;
      return flowEntry(yamlText, lines[line].start + column, lines[line].end, segment, target);
    }
    const key = findKey(yamlText, lines, line, column, until, segment);
    if (!key) return undefined;
    const last = s === path.length - 1;
    const keyRange: Found = [key.at, key.at + segment.length];
    if (last) {
      if (target === 'key') return keyRange;
      if (key.value === undefined || key.value === '' || key.deeper) return undefined;
      const start = yamlText.indexOf(key.value, key.at + segment.length);
      return [start, start + key.value.length];
    }
    // The path goes on into a flow mapping on the key's line (`contract: {start: …, end: …}`).
    if (key.value === undefined && s + 1 === path.length - 1 && typeof path[s + 1] === 'string') {
      const afterColon = yamlText.indexOf(':', key.at + segment.length) + 1;
      const brace = afterColon + (/^[ \t]*/.exec(yamlText.slice(afterColon, lines[key.line].end))?.[0].length ?? 0);
      if (yamlText.charCodeAt(brace) !== 123 /* { */ || key.deeper) return undefined;
      return flowEntry(yamlText, brace, lines[key.line].end, path[s + 1] as string, target);
    }
    // The path goes on: the value must start on the following lines.
    if (key.value !== '') return undefined;
    if (typeof path[s + 1] === 'string') {
      // A block mapping, its keys at one column deeper than this key's.
      let l = key.line + 1;
      while (l < key.next && lines[l].indent < 0) l++;
      if (l >= key.next || lines[l].indent <= column) return undefined;
      line = l;
      column = lines[l].indent;
      until = key.next;
      continue;
    }
    // A block list, entered by index.
    const item = listItem(lines, yamlText, key.line + 1, key.next, column, path[s + 1] as number);
    if (!item) return undefined;
    line = item.line;
    column = item.column;
    until = item.until;
    s++; // the index is consumed
  }
  return undefined;
}

/** A flow mapping's entry `key: value` whose key and one-line plain value are simple. */
const FLOW_ENTRY = /^[ ]*([A-Za-z_][\w-]*)[ ]*:[ ]+([^\s:,[\]{}#"'&*!%@`|>?-][^:,[\]{}#"'&*!%@`|>?]*?|-[0-9][0-9.]*)[ ]*$/d;

/**
 * [start, end) of `key`'s key or value in the flow mapping `{…}` starting at `from` and closed on
 * its line (before `end`, then only spaces or a comment), or undefined unless every entry is a
 * simple key with a one-line plain value (no quotes, nesting, comments, colons or indicators inside)
 * and the key is there once.
 */
function flowEntry(text: string, from: number, end: number, key: string, target: LocateTarget): Found | undefined {
  const line = text.slice(from, end);
  const close = line.indexOf('}');
  if (close < 0 || !/^(?:[ ]*|[ ]+#.*)$/.test(line.slice(close + 1))) return undefined;
  let found: Found | undefined;
  let at = from + 1;
  for (const part of line.slice(1, close).split(',')) {
    const m = FLOW_ENTRY.exec(part);
    if (!m) return undefined;
    if (m[1] === key) {
      if (found) return undefined; // a duplicate: the exact way reports it
      const [start, stop] = m.indices![target === 'key' ? 1 : 2];
      found = [at + start, at + stop];
    }
    at += part.length + 1;
  }
  return found;
}

interface KeyAt {
  line: number;
  at: number;
  /** The one-line value ('' when it starts on the next line; undefined when not a simple scalar). */
  value: string | undefined;
  /** True when lines indented deeper follow (a multi-line value). */
  deeper: boolean;
  /** The line of the mapping's next key (or `until`). */
  next: number;
}

/** The one entry `key:` of the mapping whose keys stand at `column` from line `from` (the first possibly after a `- `). */
function findKey(text: string, lines: Line[], from: number, column: number, until: number, key: string): KeyAt | undefined {
  let found: KeyAt | undefined;
  for (let l = from; l < until; l++) {
    const line = lines[l];
    if (line.indent < 0) continue;
    const at = l === from ? line.start + column : line.start + line.indent;
    if (l !== from) {
      if (line.indent < column) return undefined;
      if (line.indent > column) {
        if (found && found.next === until && l > found.line) found.deeper = true;
        continue;
      }
    }
    // A line at the mapping's column: one of its keys, in the simple form, or the layout is not plain.
    const m = SIMPLE_KEY.exec(text.slice(at, line.end));
    if (!m) return undefined;
    const value = inlineValue(text, at + m[0].length, line.end);
    if (value === undefined) {
      // Not a one-line scalar: a block scalar's header (its text is on deeper lines), or a flow
      // collection closed on the same line; anything else (a quoted text going on) is not plain.
      const rest = text.slice(at + m[0].length, line.end);
      const blockScalar = /^[ \t]+[|>][1-9+-]*[ \t]*(?:#.*)?$/.test(rest);
      const flowOnOneLine = /^[ \t]+[[{]/.test(rest) && /[\]}][ \t]*(?:[ \t]#.*)?$/.test(rest);
      if (!blockScalar && !flowOnOneLine) return undefined;
    }
    if (found && found.next === until) found.next = l;
    if (m[1] === key) {
      if (found) return undefined; // a duplicate: the exact way reports it
      found = { line: l, at, value, deeper: false, next: until };
    }
  }
  return found;
}

/** Line, column and extent of item `index` of the block list in lines [from, until) nested under a key at `column`. */
function listItem(lines: Line[], text: string, from: number, until: number, column: number, index: number): { line: number; column: number; until: number } | undefined {
  let dash = -1;
  const items: number[] = [];
  for (let l = from; l < until; l++) {
    const line = lines[l];
    if (line.indent < 0) continue;
    if (dash < 0) dash = line.indent;
    if (line.indent <= column || line.indent < dash) return undefined;
    if (line.indent === dash) {
      if (!/^- (?! *-(?:[ \t]|$))[ ]*\S/.test(text.slice(line.start + dash, line.end))) return undefined;
      items.push(l);
    }
  }
  if (index < 0 || index >= items.length) return undefined;
  const l = items[index];
  const afterDash = text.slice(lines[l].start + dash + 1, lines[l].end);
  const contentColumn = dash + 1 + (afterDash.length - afterDash.trimStart().length);
  return { line: l, column: contentColumn, until: items[index + 1] ?? until };
}
