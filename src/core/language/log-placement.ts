/**
 * Where an interaction-log entry goes in a log file's text, without changing any other byte: in
 * date order after the last entry of the log dated on or before it (after that list item's
 * continuation lines) — or, when that entry is of an earlier month and a later entry of the new
 * entry's month follows, right before that one (under its month heading) — before the first
 * entry when it is older than all, or, in a log without entries, appended at the end after a blank
 * line. The file's line endings are kept; nothing already there is moved, re-wrapped or
 * re-encoded. One placement for `keyplan log`, the editor's Log Interaction and `keyplan import`.
 */
import { findFrontmatter } from '../parse/frontmatter.js';
import { parseInteractionLog, type LogEntry } from '../parse/interaction-log.js';

export function detectEol(text: string): '\r\n' | '\n' | '\r' {
  const m = /\r\n|\n|\r/.exec(text);
  return (m?.[0] as '\r\n' | '\n' | '\r' | undefined) ?? '\n';
}

export interface Insertion {
  /** Offset at which `text` is inserted; nothing else in the file changes. */
  offset: number;
  text: string;
}

/**
 * Where and what to insert to append a line (one entry, or several joined by the file's line
 * ending): right after the last list entry of the body when the file ends with the log list,
 * otherwise at the end after a blank line.
 */
export function appendLine(fileText: string, line: string): Insertion {
  const eol = detectEol(fileText);
  const trimmedEnd = fileText.replace(/[\r\n\s]+$/, '');
  const endsWithNewline = /(\r\n|\n|\r)$/.test(fileText);
  const lastLine = trimmedEnd.slice(Math.max(trimmedEnd.lastIndexOf('\n'), trimmedEnd.lastIndexOf('\r')) + 1);
  const afterList = /^\s*[-*+]\s/.test(lastLine);
  if (afterList) {
    // Directly after the last entry's line (its trailing spaces included), before any blank lines.
    const rest = fileText.slice(trimmedEnd.length).search(/\r\n|\r|\n/);
    return { offset: rest < 0 ? fileText.length : trimmedEnd.length + rest, text: `${eol}${line}` };
  }
  const sep = fileText.length === 0 ? '' : endsWithNewline ? eol : `${eol}${eol}`;
  return { offset: fileText.length, text: `${sep}${line}${eol}` };
}

export interface DatedLine {
  date: string;
  line: string;
}

/** The text with every line inserted (in the order of their dates; same dates keep their order). */
export function insertEntries(fileText: string, lines: DatedLine[]): string {
  let text = fileText;
  for (const ins of [...insertionsFor(fileText, lines)].reverse()) text = text.slice(0, ins.offset) + ins.text + text.slice(ins.offset);
  return text;
}

/**
 * The insertions, as offsets into `fileText` in ascending order (for an editor edit): every line's
 * place is found among the log's own entries, parsed once; lines that go to one place are joined
 * there in date order.
 */
export function insertionsFor(fileText: string, lines: DatedLine[]): Insertion[] {
  const sorted = [...lines].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (!sorted.length) return [];
  const log = readLog(fileText);
  if (!log.entries.length) {
    // A log without entries: all of them where the editor's Log Interaction would put one.
    const eol = detectEol(fileText);
    return [appendLine(fileText, sorted.map((l) => l.line).join(eol))];
  }
  const merged = new Map<number, string>();
  for (const l of sorted) {
    const ins = insertionFor(log, l);
    merged.set(ins.offset, (merged.get(ins.offset) ?? '') + ins.text);
  }
  return [...merged].sort((a, b) => a[0] - b[0]).map(([offset, text]) => ({ offset, text }));
}

interface Log {
  text: string;
  body: string;
  bodyStart: number;
  entries: LogEntry[];
  eol: string;
}

function readLog(text: string): Log {
  const span = findFrontmatter(text);
  const bodyStart = span ? span.bodyStart : 0;
  const body = text.slice(bodyStart);
  return { text, body, bodyStart, entries: parseInteractionLog(body).entries, eol: detectEol(text) };
}

function insertionFor(log: Log, entry: DatedLine): Insertion {
  const { body, bodyStart, entries, eol } = log;
  const before = entries.filter((e) => e.date <= entry.date);
  if (!before.length) {
    // Older than every entry: before the first one's list item, at the start of its line.
    const first = entries.reduce((a, b) => (b.start < a.start ? b : a));
    const lineStart = bodyStart + lastLineBreakEnd(body, first.start);
    return { offset: lineStart, text: `${entry.line}${eol}` };
  }
  const last = before.reduce((a, b) => (b.start > a.start ? b : a));
  // Logs are often grouped under month headings: an entry of a month the log already has goes
  // right before that month's first later entry, not after the previous month's last one.
  const month = entry.date.slice(0, 7);
  const after = entries.filter((e) => e.date > entry.date && e.start > last.start);
  const next = after.length ? after.reduce((a, b) => (b.start < a.start ? b : a)) : undefined;
  if (next && next.date.slice(0, 7) === month && last.date.slice(0, 7) !== month) {
    return { offset: bodyStart + lastLineBreakEnd(body, next.start), text: `${entry.line}${eol}` };
  }
  return { offset: bodyStart + itemEnd(body, last.end), text: `${eol}${entry.line}` };
}

/** Where the list item whose first line ends at `firstLineEnd` ends: after its indented and lazy continuation lines. */
function itemEnd(body: string, firstLineEnd: number): number {
  const line = /([^\r\n]*)(\r\n|\r|\n|$)/y;
  let end = lineEndAt(body, firstLineEnd);
  let at = nextLineStart(body, end);
  while (at < body.length) {
    line.lastIndex = at;
    const m = line.exec(body)!;
    const text = m[1];
    if (/^[ \t]*$/.test(text)) {
      // A blank line belongs to the item only when an indented line follows it.
      let look = nextLineStart(body, at + text.length);
      while (look < body.length) {
        line.lastIndex = look;
        const n = line.exec(body)!;
        if (!/^[ \t]*$/.test(n[1])) break;
        look = nextLineStart(body, look + n[1].length);
      }
      if (look >= body.length) break;
      line.lastIndex = look;
      const next = line.exec(body)!;
      if (!/^(?: {2,}|\t)/.test(next[1])) break;
      end = look + next[1].length;
      at = nextLineStart(body, end);
      continue;
    }
    // A new list item, a heading, a quote, a fence or HTML at the margin ends the item.
    if (/^ {0,3}(?:[-*+][ \t]|\d{1,9}[.)][ \t]|#|>|```|~~~|<)/.test(text) && !/^(?: {2,}|\t)/.test(text)) break;
    end = at + text.length;
    at = nextLineStart(body, end);
  }
  return end;
}

function lineEndAt(body: string, offset: number): number {
  const m = /\r\n|\r|\n/g;
  m.lastIndex = offset;
  return m.exec(body)?.index ?? body.length;
}

function nextLineStart(body: string, lineEnd: number): number {
  if (body.startsWith('\r\n', lineEnd)) return lineEnd + 2;
  if (body[lineEnd] === '\r' || body[lineEnd] === '\n') return lineEnd + 1;
  return body.length + 1;
}

function lastLineBreakEnd(body: string, offset: number): number {
  return Math.max(body.lastIndexOf('\n', offset - 1), body.lastIndexOf('\r', offset - 1)) + 1;
}
