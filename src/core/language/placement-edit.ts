/**
 * Rewrites a person's `stance` and `influence` in place, for a drag on the matrix: only those two
 * values change; comments, key order, quoting, line endings and every other byte stay as they were.
 */
import { isMap, isPair, isScalar, parseDocument, Scalar, type ParsedNode, type Pair } from '../parse/yaml-runtime.js';
import { YAML_OPTIONS } from '../parse/yaml-options.js';
import { findFrontmatter } from '../parse/frontmatter.js';
import { STANCE_X } from '../model/placement.js';
import { detectEol } from './log-placement.js';

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export const MOVABLE_STANCES = Object.keys(STANCE_X);

export function isValidPlacement(stance: unknown, influence: unknown): boolean {
  return typeof stance === 'string' && MOVABLE_STANCES.includes(stance) && Number.isInteger(influence) && (influence as number) >= 1 && (influence as number) <= 5;
}

/** Returns the edits (offsets in `text`), or undefined when the frontmatter cannot be edited safely. */
export function placementEdits(text: string, stance: string, influence: number): OffsetEdit[] | undefined {
  if (!isValidPlacement(stance, influence)) return undefined;
  return frontmatterValueEdits(text, [['stance', stance], ['influence', String(influence)]]);
}

/**
 * Sets top-level frontmatter keys to plain scalar values (`values`: key and value text, which the
 * caller has checked needs no quoting) in place: a value that is already there is left alone, a
 * scalar keeps its quotes, a missing key is added after the last entry (block or flow style, the
 * file's line endings). Undefined when the frontmatter cannot be edited safely (no closed
 * frontmatter, a YAML error, a key holding a list, a mapping or an alias).
 */
export function frontmatterValueEdits(text: string, values: readonly (readonly [string, string])[]): OffsetEdit[] | undefined {
  const span = findFrontmatter(text);
  if (!span?.closed) return undefined;
  // Parsed as the checker parses it; a lone CR (old Mac line ending) becomes LF, keeping every
  // offset, so all offset arithmetic below works on `yamlText` whatever the line endings.
  const yamlText = text.slice(span.yamlStart, span.yamlEnd).replace(/\r(?!\n)/g, '\n');
  const doc = parseDocument(yamlText, YAML_OPTIONS);
  if (doc.errors.length || !isMap(doc.contents) || !doc.contents.range) return undefined;
  const map = doc.contents;
  const base = span.yamlStart;
  const find = (key: string) => map.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
  const edits: OffsetEdit[] = [];
  const missing: [string, string][] = [];
  for (const [key, value] of values) {
    const pair = find(key);
    const node = pair?.value;
    if (pair && isScalar(node) && node.range) {
      if (node.value !== null && String(node.value) === value) continue;
      const edit = scalarEdit(yamlText, node, value);
      if (!edit) return undefined;
      edits.push({ start: base + edit.start, end: base + edit.end, newText: edit.newText });
    } else if (pair && node === null && isScalar(pair.key) && pair.key.range) {
      // `stance:` with nothing after it: the value goes right after the colon.
      const colon = yamlText.indexOf(':', pair.key.range[1]);
      if (colon < 0) return undefined;
      edits.push({ start: base + colon + 1, end: base + colon + 1, newText: ` ${value}` });
    } else if (pair) {
      return undefined; // an odd value (a list, a mapping, an alias): leave the file alone
    } else missing.push([key, value]);
  }
  if (missing.length) {
    const pairs = map.items as Pair<ParsedNode, ParsedNode | null>[];
    const last = pairs[pairs.length - 1];
    if (map.flow) {
      // After the last entry's value (before a trailing comma, if any), or right after `{`.
      const at = last ? contentEnd(yamlText, (last.value ?? last.key).range!) : yamlText.indexOf('{', map.range![0]) + 1;
      if (at <= 0) return undefined;
      const entries = missing.map(([k, v]) => `${k}: ${v}`).join(', ');
      edits.push({ start: base + at, end: base + at, newText: last ? `, ${entries}` : ` ${entries} ` });
    } else {
      // On new lines after the last entry's last line (not after the blank lines or the line
      // break a block value ends with), at the map's indentation.
      const lastEnd = contentEnd(yamlText, (last.value ?? last.key).range!);
      const lineEnd = yamlText.slice(lastEnd).search(/\r\n|\n|$/);
      const at = base + lastEnd + lineEnd;
      const firstKey = pairs[0].key.range![0];
      const lineStart = yamlText.lastIndexOf('\n', firstKey - 1) + 1;
      const indent = ' '.repeat(firstKey - lineStart);
      const eol = detectEol(text);
      edits.push({ start: at, end: at, newText: missing.map(([k, v]) => `${eol}${indent}${k}: ${v}`).join('') });
    }
  }
  return edits.sort((a, b) => a.start - b.start);
}

/** Offset just past a node's last non-blank character (block values end with a line break, sometimes blank lines). */
function contentEnd(yamlText: string, range: readonly number[]): number {
  let end = range[1];
  while (end > range[0] && /\s/.test(yamlText[end - 1])) end--;
  return end;
}

/** The edit that gives a scalar a new (plain) value, keeping its quotes, tag, anchor and comment. */
function scalarEdit(yamlText: string, node: Scalar, value: string): OffsetEdit | undefined {
  const [start, end] = node.range!;
  switch (node.type) {
    case Scalar.QUOTE_DOUBLE:
    case Scalar.QUOTE_SINGLE:
      // Keep the user's quotes: replace what is between them.
      return { start: start + 1, end: end - 1, newText: value };
    case Scalar.PLAIN: {
      // An empty value (`stance:` then nothing) needs the space YAML wants after the colon.
      const space = start > 0 && !/\s/.test(yamlText[start - 1]) ? ' ' : '';
      return { start, end: contentEnd(yamlText, node.range!), newText: space + value };
    }
    case Scalar.BLOCK_LITERAL:
    case Scalar.BLOCK_FOLDED:
      // `|` or `>` and its lines become one plain value; the line break after it stays.
      return { start, end: contentEnd(yamlText, node.range!), newText: value };
    default:
      return undefined;
  }
}

export function applyOffsetEdits(text: string, edits: OffsetEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
