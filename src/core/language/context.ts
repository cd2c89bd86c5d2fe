/**
 * Where the cursor is in a Keyplan document: on a frontmatter key or value (with the data path,
 * worked out from indentation so that it also works on half-typed YAML), or on an `@mention` or
 * channel in an interaction-log entry.
 */
import { findFrontmatter, sniffKind } from '../parse/frontmatter.js';
import { isDocumentKind, type DocumentKind } from '../kinds.js';

export type CursorContext =
  | {
      where: 'key' | 'value';
      kind: DocumentKind | undefined;
      /** Data path of the object holding the key (key mode) or of the value (value mode); `*` for list items. */
      path: (string | '*')[];
      /** The key under the cursor (value mode) or being typed (key mode). */
      key: string;
      /** Text already typed, and the offsets it covers (replaced by a completion). */
      prefix: string;
      start: number;
      end: number;
      /** Keys already present in the same object (key mode). */
      siblings: string[];
    }
  | { where: 'mention'; kind: DocumentKind | undefined; prefix: string; start: number; end: number }
  | { where: 'channel'; kind: DocumentKind | undefined; prefix: string; start: number; end: number }
  | { where: 'none'; kind: DocumentKind | undefined };

interface Line {
  text: string;
  start: number;
}

function splitLines(text: string, from: number, to: number): Line[] {
  const out: Line[] = [];
  const re = /\r\n|\r|\n/g;
  let start = from;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    out.push({ text: text.slice(start, m.index), start });
    start = m.index + m[0].length;
  }
  if (start <= to) out.push({ text: text.slice(start, Math.max(start, lineEndFrom(text, start))), start });
  return out;
}

function lineEndFrom(text: string, start: number): number {
  const i = text.slice(start).search(/\r\n|\r|\n/);
  return i < 0 ? text.length : start + i;
}

const KEY_LINE = /^(\s*)(-\s+)?([A-Za-z_][\w-]*)\s*:(?:\s|$)(.*)$/;
const DASH_LINE = /^(\s*)-(?:\s+|$)(.*)$/;
const WORD_END = /[\w-]*$/;

/** The context at `offset` in a document's full text. */
export function cursorContext(text: string, offset: number): CursorContext {
  const span = findFrontmatter(text);
  const kindText = span ? sniffKind(text.slice(span.yamlStart, span.yamlEnd)) : null;
  const kind = isDocumentKind(kindText) ? kindText : undefined;
  if (span && offset >= span.yamlStart && offset <= span.yamlEnd) return frontmatterContext(text, span.yamlStart, span.yamlEnd, offset, kind);
  if (span && offset >= span.bodyStart) return bodyContext(text, offset, kind);
  return { where: 'none', kind };
}

function bodyContext(text: string, offset: number, kind: DocumentKind | undefined): CursorContext {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const before = text.slice(lineStart, offset);
  const after = /^[\w\p{Script=Han}-]*/u.exec(text.slice(offset))![0];
  // A mention being typed: an id, or a Chinese name (completion finds the person by name).
  const mention = /@([\w\p{Script=Han}-]*)$/u.exec(before);
  if (mention && (mention.index === 0 || !/[\w.%+-]/.test(before[mention.index - 1]))) {
    return { where: 'mention', kind, prefix: mention[1], start: offset - mention[1].length, end: offset + after.length };
  }
  const channel = /^\s*[-*+]\s+\d{4}-\d{2}-\d{2}\s+([\w-]*)$/.exec(before);
  if (channel) return { where: 'channel', kind, prefix: channel[1], start: offset - channel[1].length, end: offset + after.length };
  return { where: 'none', kind };
}

function indentOf(line: string): number {
  return /^\s*/.exec(line)![0].length;
}

function frontmatterContext(text: string, yamlStart: number, yamlEnd: number, offset: number, kind: DocumentKind | undefined): CursorContext {
  const lines = splitLines(text, yamlStart, yamlEnd);
  let index = lines.findIndex((l, i) => offset >= l.start && (i === lines.length - 1 || offset < lines[i + 1].start));
  if (index < 0) index = lines.length - 1;
  const line = lines[index];
  const before = line.text.slice(0, offset - line.start);
  const rest = line.text.slice(offset - line.start);
  const afterWord = /^[\w-]*/.exec(rest)![0];

  // The column at which the cursor's object keys start, and whether this line opens a list item.
  const keyMatch = KEY_LINE.exec(line.text);
  const dash = DASH_LINE.exec(before);
  let column: number;
  let listItem = false;
  if (dash) {
    column = dash[1].length;
    listItem = true;
  } else column = indentOf(before.trim() === '' ? before : line.text);

  const path = parentPath(lines, index, column, listItem);
  const siblings = siblingKeys(lines, index, listItem && dash ? before.length - dash[2].length : column, Boolean(dash));

  // Value position: after `key:` on this line.
  if (keyMatch && before.length > keyMatch[1].length + (keyMatch[2]?.length ?? 0) + keyMatch[3].length) {
    const keyStart = keyMatch[1].length + (keyMatch[2]?.length ?? 0);
    const colonAt = line.text.indexOf(':', keyStart + keyMatch[3].length);
    if (before.length > colonAt) {
      const valueText = before.slice(colonAt + 1);
      // In a flow list `[a, b|`, the value is the current item.
      const itemPrefix = /(?:^|[[,])\s*["']?([^\s,[\]"']*)$/.exec(valueText)?.[1] ?? WORD_END.exec(valueText)![0];
      const inFlowList = valueText.trimStart().startsWith('[');
      const valuePath = dash ? [...path, '*', keyMatch[3]] : [...path, keyMatch[3]];
      return {
        where: 'value', kind, path: inFlowList ? [...valuePath, '*'] : valuePath, key: keyMatch[3], prefix: itemPrefix,
        start: offset - itemPrefix.length, end: offset + afterWord.length, siblings: [],
      };
    }
  }
  if (dash) {
    // `- ` then a word: either a key of an object item, or a scalar item; the caller decides by schema.
    const word = WORD_END.exec(before)![0];
    const parentKey = path[path.length - 1];
    return { where: 'key', kind, path: [...path, '*'], key: typeof parentKey === 'string' ? parentKey : '', prefix: word, start: offset - word.length, end: offset + afterWord.length, siblings };
  }
  const word = WORD_END.exec(before)![0];
  if (before.trim() !== word) return { where: 'none', kind };
  return { where: 'key', kind, path, key: word, prefix: word, start: offset - word.length, end: offset + afterWord.length, siblings };
}

interface Shape {
  indent: number;
  /** Column of the key on this line (after `- ` on a list item), if it holds a key. */
  keyCol?: number;
  key?: string;
  /** The key opens a block (nothing after the colon). */
  opens: boolean;
  dash: boolean;
}

function shape(text: string): Shape | undefined {
  if (!text.trim() || text.trimStart().startsWith('#')) return undefined;
  const indent = indentOf(text);
  const key = KEY_LINE.exec(text);
  const dash = DASH_LINE.test(text);
  if (!key) return { indent, opens: false, dash };
  const keyCol = key[1].length + (key[2]?.length ?? 0);
  return { indent, keyCol, key: key[3], opens: key[4].trim() === '' || key[4].trim().startsWith('#'), dash };
}

/**
 * Keys of the enclosing objects, found by indentation: a less-indented `key:` opening a block is a
 * parent; a `- ` line whose key sits at our column starts the list item we are in (`*`).
 */
function parentPath(lines: Line[], index: number, column: number, cursorOnDash: boolean): (string | '*')[] {
  const path: (string | '*')[] = [];
  let col = column;
  let findingList = cursorOnDash; // looking for the key of the list whose items start at `col`
  for (let i = index - 1; i >= 0; i--) {
    const l = shape(lines[i].text);
    if (!l) continue;
    if (findingList) {
      if (l.dash && l.indent === col) continue; // a sibling item
      if (!l.dash && l.key && l.opens && l.indent <= col) {
        path.unshift(l.key);
        col = l.indent;
        findingList = false;
        if (col === 0) break;
      }
      continue;
    }
    if (l.dash && l.keyCol === col) {
      // The first key of the list item we are in.
      path.unshift('*');
      col = l.indent;
      findingList = true;
      continue;
    }
    if (l.key && l.opens && l.keyCol !== undefined && l.keyCol < col) {
      path.unshift(l.key);
      if (l.dash) {
        path.unshift('*');
        col = l.indent;
        findingList = true;
      } else {
        col = l.keyCol;
        if (col === 0) break;
      }
    }
  }
  return path;
}

/**
 * Keys already present in the object at `column` around the cursor line. On a `- ` line the cursor
 * starts a list item, so only the lines below it can belong to the same object.
 */
function siblingKeys(lines: Line[], index: number, column: number, itemStart = false): string[] {
  const keys: string[] = [];
  for (let i = itemStart ? -1 : index - 1; i >= 0; i--) {
    const l = shape(lines[i].text);
    if (!l) continue;
    if (l.keyCol === column && l.key) keys.push(l.key);
    if (l.dash && l.keyCol === column) break; // the item's first line
    if ((l.keyCol ?? l.indent) < column) break;
  }
  for (let i = index + 1; i < lines.length; i++) {
    const l = shape(lines[i].text);
    if (!l) continue;
    if (l.indent < column || (l.dash && l.indent <= column)) break;
    if (l.keyCol === column && l.key) keys.push(l.key);
  }
  return keys;
}
