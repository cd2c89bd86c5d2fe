/**
 * Rewrites a person's `stance` and `influence` in place, for a drag on the matrix: only those two
 * values change; comments, key order, quoting, line endings and every other byte stay as they were.
 */
import { isMap, isPair, isScalar, parseDocument, Scalar, type ParsedNode, type Pair } from 'yaml';
import { YAML_OPTIONS } from '../yaml-options.js';
import { findFrontmatter } from '../frontmatter.js';
import { STANCE_X } from '../placement.js';
import { detectEol } from './log-entry.js';

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
  const span = findFrontmatter(text);
  if (!span?.closed) return undefined;
  const yamlText = text.slice(span.yamlStart, span.yamlEnd);
  // Parsed as the checker parses it; a lone CR (old Mac line ending) becomes LF, keeping every offset.
  const doc = parseDocument(yamlText.replace(/\r(?!\n)/g, '\n'), YAML_OPTIONS);
  if (doc.errors.length || !isMap(doc.contents)) return undefined;
  const map = doc.contents;
  const base = span.yamlStart;
  const find = (key: string) => map.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
  const edits: OffsetEdit[] = [];
  const missing: [string, string][] = [];
  for (const [key, value] of [['stance', stance], ['influence', String(influence)]] as const) {
    const pair = find(key);
    const node = pair?.value;
    if (pair && isScalar(node) && node.range) {
      if (String(node.value) === value) continue;
      const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
      // Keep the user's quotes: replace what is between them.
      const [s, e] = quoted ? [node.range[0] + 1, node.range[1] - 1] : [node.range[0], node.range[1]];
      edits.push({ start: base + s, end: base + e, newText: value });
    } else if (pair) {
      return undefined; // an odd value (a list, a mapping): leave the file alone
    } else missing.push([key, value]);
  }
  if (missing.length) {
    if (map.flow) {
      const end = map.range![1];
      const close = yamlText.lastIndexOf('}', end);
      if (close < 0) return undefined;
      edits.push({ start: base + close, end: base + close, newText: missing.map(([k, v]) => `, ${k}: ${v}`).join('') });
    } else {
      // After the last pair, on new lines at the map's indentation.
      const last = map.items[map.items.length - 1] as Pair<ParsedNode, ParsedNode | null>;
      const lastEnd = (last.value?.range ?? last.key.range)![1];
      const lineEnd = yamlText.slice(lastEnd).search(/\r\n|\r|\n|$/);
      const at = base + lastEnd + lineEnd;
      const first = map.items[0] as Pair<ParsedNode, ParsedNode | null>;
      const lineStart = yamlText.lastIndexOf('\n', first.key.range![0] - 1) + 1;
      const indent = ' '.repeat(first.key.range![0] - lineStart);
      const eol = detectEol(text);
      edits.push({ start: at, end: at, newText: missing.map(([k, v]) => `${eol}${indent}${k}: ${v}`).join('') });
    }
  }
  return edits.sort((a, b) => a.start - b.start);
}

export function applyOffsetEdits(text: string, edits: OffsetEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
