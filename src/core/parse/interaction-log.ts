/**
 * Interaction-log bodies: one entry per Markdown list item,
 * `- 2026-11-02 meeting @zhang-wei @wang-fang: summary`. Parsed with remark so that list items
 * inside code blocks or HTML are not mistaken for entries.
 */
import type { ListItem, RootContent } from 'mdast';
import { parseMarkdown } from './markdown-runtime.js';
import { isCalendarDate } from '../dates.js';
import { intern } from './intern.js';

export interface LogEntry {
  date: string;
  channel: string;
  /** Person ids named before the colon, in order. */
  people: string[];
  /** Every person id mentioned in the entry (before the colon and in the summary). */
  mentions: Mention[];
  summary: string;
  /** Body-relative offsets of the entry's first line (after the list marker). */
  start: number;
  end: number;
  /** Body-relative offsets of the channel word. */
  channelStart: number;
}

export interface Mention {
  id: string;
  /** Body-relative offsets of `@id`. */
  start: number;
  end: number;
}

/**
 * `too-deep`, `too-large` and `budget`: a part of the log beyond the limits of exact (CommonMark)
 * reading, which was then read line by line; see {@link MAX_NESTING}, {@link MAX_EXACT_PART} and
 * {@link MAX_EXACT_TOTAL}.
 */
export type LogProblem = 'date' | 'channel' | 'mention' | 'colon' | 'summary' | 'too-deep' | 'too-large' | 'budget';

export interface MalformedEntry {
  problem: LogProblem;
  value?: string;
  start: number;
  end: number;
}

export interface ParsedLog {
  entries: LogEntry[];
  malformed: MalformedEntry[];
}

/** An item that starts like a date is meant as an entry; anything else is ordinary prose. */
const DATE_LIKE = /^\d{4}[-/.年]\d{1,2}/;
const ENTRY = /^(\d{4}-\d{2}-\d{2})(?:[ \t]+([^\s:：@]+))?((?:[ \t,，、]*@[A-Za-z0-9][A-Za-z0-9-]*)*)[ \t]*([:：])?[ \t]*([^\r\n]*)$/;
/** The marker `keyplan import` ends an imported entry with (see docs/format.md, "Imported entries"). */
const IMPORT_MARKER = /[ \t]*<!-- ics:[^\s]* -->$/;
// Mentions are matched case-insensitively so that `@Zhang-Wei` is reported as an unknown id, not ignored.
const MENTION = /@([A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*)/g;
/** The characters of an e-mail address's local part (`[A-Za-z0-9._%+-]`), by character code: `foo@bar.com` is no mention. */
const MAIL_CHAR = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._%+-') MAIL_CHAR[c.charCodeAt(0)] = 1;

export function parseInteractionLog(body: string): ParsedLog {
  // Nothing that looks like a date: no entry, and no malformed entry either.
  if (!/\d{4}[-/.年]\d/.test(body)) return { entries: [], malformed: [] };
  if (!needsFullMarkdown(body)) return parseByLines(body);
  // Only the parts that need CommonMark get it: a code block at the top of a 200 000-line log
  // must not send the whole log through the full parser (tens of seconds). Consecutive parts that
  // need it go together, up to GROUP characters (the parser's time per character grows with the length); one part beyond a limit is read line by
  // line, with a finding that says so (the full parser's time grows with depth times length).
  const result: ParsedLog = { entries: [], malformed: [] };
  const starts = blockStarts(body);
  const ends = starts.map((_, k) => starts[k + 1] ?? body.length);
  const needs = starts.map((s, k) => needsFullMarkdown(body.slice(s, ends[k])));
  let exact = 0; // characters read by the full parser so far
  const add = (parsed: ParsedLog, from: number) => {
    for (const e of parsed.entries) result.entries.push({ ...e, start: e.start + from, end: e.end + from, channelStart: e.channelStart + from, mentions: e.mentions.map((m) => ({ ...m, start: m.start + from, end: m.end + from })) });
    for (const m of parsed.malformed) result.malformed.push({ ...m, start: m.start + from, end: m.end + from });
  };
  for (let i = 0; i < starts.length; ) {
    const from = starts[i];
    if (!needs[i]) {
      let j = i + 1;
      while (j < starts.length && !needs[j]) j++;
      add(parseByLines(body.slice(from, ends[j - 1])), from);
      i = j;
      continue;
    }
    const part = body.slice(from, ends[i]);
    const limit = beyondLimits(part);
    if (limit) {
      // Reported before the entries of the part, at the line that is too deep (or the part's first line).
      result.malformed.push({ problem: limit.problem, value: String(limit.problem === 'too-deep' ? MAX_NESTING : MAX_EXACT_PART), start: from + limit.start, end: from + limit.end });
      add(parseByLines(part), from);
      i++;
      continue;
    }
    if (exact + part.length > MAX_EXACT_TOTAL) {
      // The full parser's time grows faster than the text: past the budget, the rest is read by lines.
      result.malformed.push({ problem: 'budget', value: String(MAX_EXACT_TOTAL), start: from, end: from + firstLineLength(part) });
      add(parseByLines(body.slice(from)), from);
      break;
    }
    let j = i + 1;
    while (j < starts.length && needs[j] && ends[j] - from <= GROUP && exact + ends[j] - from <= MAX_EXACT_TOTAL && !beyondLimits(body.slice(starts[j], ends[j]))) j++;
    exact += ends[j - 1] - from;
    add(parseWithRemark(body.slice(from, ends[j - 1])), from);
    i = j;
  }
  return result;
}

/**
 * The deepest nesting read exactly, in columns of the run of indentation, list markers and `>`
 * that starts a line (a tab counts 4): a log nested deeper (thousands of lists in 8 KB) would cost
 * the full parser minutes, or overflow the stack.
 */
export const MAX_NESTING = 40;
/** The longest part of a log (between two places where Markdown starts afresh) read exactly. */
export const MAX_EXACT_PART = 64 * 1024;
/**
 * How much of one log the full parser reads in all (its time per character grows with the length
 * of what it reads and with nesting: 1 MB of small nested parts took minutes). Logs written by hand
 * need full reading only around code blocks, quotes and nested lists, far below this.
 */
export const MAX_EXACT_TOTAL = 64 * 1024;
const GROUP = 4 * 1024;

const NESTING = /(?<![^\r\n])(?:[ \t>]|(?:[-*+]|\d{1,9}[.)])(?=[ \t\r\n]|$))+/g;

function firstLineLength(part: string): number {
  const m = /\r\n|\r|\n/.exec(part);
  return m ? m.index : part.length;
}

/** Where a part is beyond the limits of exact reading: its first line nested too deep, or the part's first line when it is too long. */
function beyondLimits(part: string): { problem: 'too-deep' | 'too-large'; start: number; end: number } | undefined {
  const lineEnd = (at: number) => {
    const m = /\r\n|\r|\n/g;
    m.lastIndex = at;
    return m.exec(part)?.index ?? part.length;
  };
  NESTING.lastIndex = 0;
  for (let m = NESTING.exec(part); m; m = NESTING.exec(part)) {
    // Indentation of a blank line nests nothing.
    if (/^[ \t]*$/.test(m[0]) && /^(?:[\r\n]|$)/.test(part.slice(m.index + m[0].length, m.index + m[0].length + 1))) continue;
    let columns = 0;
    for (const c of m[0]) columns += c === '\t' ? 4 : 1;
    if (columns > MAX_NESTING) return { problem: 'too-deep', start: m.index, end: lineEnd(m.index) };
  }
  if (part.length > MAX_EXACT_PART) return { problem: 'too-large', start: 0, end: lineEnd(0) };
  return undefined;
}

/**
 * A line that ends a paragraph above it without depending on it: an ATX heading, or a list item
 * whose text starts with a date (text that cannot itself be a list marker or code).
 */
const INTERRUPTS = /^(?:#{1,6}(?:[ \t]|$)|(?:[-*+]|1[.)]) {1,4}\d{4}[-/.年]\d)/;
const FENCE_OPEN = /^( {0,3})(`{3,}(?=[^`]*$)|~{3,})/;
const HTML_START = /^ {0,3}<(?:(script|pre|style|textarea)(?=[\s>]|$)|(!--)|(\?)|(![A-Za-z])|(!\[CDATA\[)|[A-Za-z/])/i;
const HTML_END: RegExp[] = [/$^/, /<\/(?:script|pre|style|textarea)>/i, /-->/, /\?>/, />/, /\]\]>/];

/**
 * Offsets where CommonMark starts afresh, so that the text before and the text after parse
 * independently: a line at column 0 that follows a blank line or ends a paragraph above it without
 * depending on it (an ATX heading, or a list item whose text starts with a date), while no
 * fenced code block or HTML block may be open. No container survives such a line: list items need
 * indentation, block quotes a `>`. Always includes 0.
 *
 * Whether a fence or an HTML block is open is over-approximated: where CommonMark's answer depends
 * on context this scan does not follow (a fence in a list item, a fence line inside an HTML block,
 * an HTML line that may be paragraph text), the text is taken as possibly still open — a missed
 * split costs time, a wrong split would change what is read. The fuzz tests compare the result
 * with one parse of the whole text.
 */
export function blockStarts(body: string): number[] {
  const starts = [0];
  const line = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  /** A fence that may be open; `sure` while it certainly is a fence and its end is certain. */
  let fence: { char: string; length: number; indent: number; sure: boolean } | undefined;
  /** Set for good once a fence line could both open and close a fence. */
  let unsure = false;
  /** An HTML block that ends at a blank line may be open; and those with an end marker. */
  let htmlToBlank = false;
  let htmlEnds: RegExp[] = [];
  let previousBlank = false;
  for (let m = line.exec(body); m && m[0] !== ''; m = line.exec(body)) {
    const text = m[0].replace(/\r?\n$|\r$/, '');
    const blank = /^[ \t]*$/.test(text);
    const indent = /^[ \t]*/.exec(text)![0].length;
    const maybeHtml = htmlToBlank || htmlEnds.length > 0;
    if (m.index > 0 && !fence && !unsure && !maybeHtml && indent === 0 && !blank && (previousBlank || INTERRUPTS.test(text))) starts.push(m.index);

    const open = FENCE_OPEN.exec(text);
    if (fence) {
      // A less indented line may end the list item holding the fence (and the fence with it).
      if (!blank && indent < fence.indent) fence.sure = false;
      if (open && open[2][0] === fence.char && open[2].length >= fence.length && /^[ \t]*$/.test(text.slice(open[0].length))) {
        if (fence.sure && open[1].length >= fence.indent) fence = undefined;
        else unsure = true; // a closing fence to one reading, an opening one to another
      }
    } else if (open) fence = { char: open[2][0], length: open[2].length, indent: open[1].length, sure: !maybeHtml };

    // HTML inside a certain fence is code; anywhere else it may start a block.
    if (!fence?.sure) {
      htmlEnds = htmlEnds.filter((end) => !end.test(text));
      const start = HTML_START.exec(text);
      if (start) {
        const type = start.slice(1, 6).findIndex(Boolean) + 1;
        if (type === 0) htmlToBlank = true;
        else if (!HTML_END[type].test(text.slice(start[0].length))) htmlEnds.push(HTML_END[type]);
      }
    }
    if (blank) htmlToBlank = false;
    previousBlank = blank;
  }
  return starts;
}

/**
 * Code blocks, block quotes, HTML blocks, deep indentation and ordered lists not starting at 1
 * (which cannot interrupt a paragraph) are where a line that looks like a list item may not be
 * one; only then is the full CommonMark parser needed. A plain log of list
 * items under headings reads the same line by line, about twenty times faster.
 */
const MARKER = '(?:[-*+]|\\d{1,9}[.)])';
const NEEDS_PARSER = new RegExp(
  [
    ' {0,3}(?:```|~~~|>|<|(?!1[.)])\\d{1,9}[.)])', // fences, quotes, HTML, ordered lists not at 1
    '(?: {4,}|\\t)[ \\t]*\\S', // indented code or continuation
    // A list item that is empty (its text starts on the next line), holds code (5 spaces or a tab
    // after the marker), or starts with a fence, a quote, HTML or another list (or is a thematic break).
    ` {0,3}${MARKER}(?:[ \\t]*$| {5}| *\\t| +(?:${MARKER}(?:[ \\t]|$)|\`\`\`|~~~|<|>))`,
    // An indented setext underline below a line of text turns that line (in a list item) into a heading.
    '(?<=[^ \\t\\r\\n][^\\r\\n]*(?:\\r\\n|\\r|\\n))[ \\t]+(?:=+|-+)[ \\t]*$',
  ].map((p) => `^(?:${p})`).join('|'),
  'm',
);

export function needsFullMarkdown(body: string): boolean {
  return NEEDS_PARSER.test(body);
}

// At the start of a line: after CR or LF only (a JavaScript `^` with the m flag would also match
// after U+2028 and U+2029, which Markdown does not treat as line breaks).
const LIST_ITEM = /(?<![^\r\n])[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+(?=[^ \t\r\n])/g;

function collect(result: ParsedLog, line: string, start: number): void {
  if (!DATE_LIKE.test(line)) return;
  const parsed = parseEntryLine(line, start);
  if ('problem' in parsed) result.malformed.push(parsed);
  else result.entries.push(parsed);
}

/** The first line of every list item, for bodies without constructs that change what a list item is. */
export function parseByLines(body: string): ParsedLog {
  const result: ParsedLog = { entries: [], malformed: [] };
  const lineEnd = /\r\n|\r|\n/g;
  for (let m = LIST_ITEM.exec(body); m; m = LIST_ITEM.exec(body)) {
    const start = m.index + m[0].length;
    lineEnd.lastIndex = start;
    const end = lineEnd.exec(body)?.index ?? body.length;
    collect(result, body.slice(start, end).replace(/[ \t]+$/, ''), start);
    LIST_ITEM.lastIndex = end;
  }
  return result;
}

/** The same, with remark deciding what is a list item. */
export function parseWithRemark(body: string): ParsedLog {
  const result: ParsedLog = { entries: [], malformed: [] };
  // The parser drops a byte-order mark at the very start of its input (and its offsets would then
  // be one short); a blank first line, which changes nothing else, keeps it as the text it is here.
  const tree = parseMarkdown(`\n${body}`);
  const lineEnd = /\r\n|\r|\n/g;
  visitListItems(tree.children, (item) => {
    const first = item.children[0];
    if (!first || first.type !== 'paragraph' || !first.position) return;
    const start = (first.position.start.offset ?? 1) - 1;
    lineEnd.lastIndex = start;
    const end = lineEnd.exec(body)?.index ?? (first.position.end.offset ?? body.length + 1) - 1;
    collect(result, body.slice(start, end).replace(/[ \t]+$/, ''), start);
  });
  return result;
}

/** Every list item in document order; iterative, so no nesting depth can overflow the stack. */
function visitListItems(nodes: RootContent[], fn: (item: ListItem) => void): void {
  const stack: RootContent[][] = [nodes];
  const index: number[] = [0];
  while (stack.length) {
    const top = stack.length - 1;
    const node = stack[top][index[top]++];
    if (!node) {
      stack.pop();
      index.pop();
      continue;
    }
    if (node.type === 'listItem') fn(node as ListItem);
    if ('children' in node && Array.isArray(node.children)) {
      stack.push(node.children as RootContent[]);
      index.push(0);
    }
  }
}

/** Parses the first line of a list item; `offset` is the line's body-relative start. */
export function parseEntryLine(line: string, offset = 0): LogEntry | MalformedEntry {
  const m = ENTRY.exec(line);
  if (!m) {
    const token = /^\S+/.exec(line)?.[0] ?? line;
    return { problem: 'date', value: token, start: offset, end: offset + token.length };
  }
  const date = m[1];
  const channel = m[2];
  const colon = m[4];
  if (!isCalendarDate(date)) return { problem: 'date', value: date, start: offset, end: offset + date.length };
  if (!channel) return { problem: 'channel', start: offset, end: offset + line.length };
  if (!m[3].trim()) return { problem: 'mention', start: offset, end: offset + line.length };
  if (!colon) return { problem: 'colon', start: offset, end: offset + line.length };
  // `keyplan import` keeps the calendar event's key in a trailing `<!-- ics:KEY -->`: not summary text.
  const summary = (m[5].includes('<!-- ics:') ? m[5].replace(IMPORT_MARKER, '') : m[5]).trim();
  if (!summary) return { problem: 'summary', start: offset, end: offset + line.length };
  const found: Mention[] = [];
  // exec on the one global expression (matchAll would copy it for every entry: 64,000 copies at 10k).
  MENTION.lastIndex = 0;
  for (let mm = MENTION.exec(line); mm; mm = MENTION.exec(line)) {
    // `foo@bar.com` is an e-mail address, not a mention.
    const before = mm.index > 0 ? line.charCodeAt(mm.index - 1) : 32;
    if (MAIL_CHAR[before]) continue;
    found.push({ id: intern(mm[1]), start: offset + mm.index, end: offset + mm.index + mm[0].length });
  }
  // A list that grew by push keeps room for 17 items; a log keeps 64,000 of these at 10k documents.
  const mentions = found.slice();
  // Neither the channel nor the mentions can hold a colon: the first one after the date is this one.
  const colonAt = offset + line.indexOf(colon, date.length);
  const people = mentions.filter((x) => x.start < colonAt).map((x) => x.id);
  const channelStart = offset + line.indexOf(channel, date.length);
  return { date: intern(date), channel: intern(channel), people, mentions, summary, start: offset, end: offset + line.length, channelStart };
}

/** A follow-up named in an entry's summary: `Next: …` or, with a due date, `Next (2026-12-05): …`. */
export interface NextStep {
  text: string;
  /** The due date, when written as a real `YYYY-MM-DD`. */
  due?: string;
  /** What was written in the parentheses when it is not a real `YYYY-MM-DD` date (reported; the step has no due date). */
  badDue?: string;
}

// `Next` (any case) or `下一步`, at the start of the summary or after a space or punctuation, an
// optional due date in ASCII or full-width parentheses, then an ASCII or full-width colon.
const NEXT = /(?:^|(?<=[\s.。;；,，!！?？)）]))(?:next|下一步)[ \t]*(?:[(（][ \t]*([^()（）\s]*)[ \t]*[)）])?[ \t]*[:：][ \t]*(\S.*)$/iu;
const NEXT_WORD = /next|下一步/iu;

/** The follow-up of a summary, if it names one (the first `Next:`; everything after it is the step). */
export function parseNext(summary: string): NextStep | undefined {
  // The word first (same flags, so the same case folding): the full expression tries its
  // look-behind at every position of every summary.
  if (!NEXT_WORD.test(summary)) return undefined;
  const m = NEXT.exec(summary);
  if (!m) return undefined;
  const [, due, text] = m;
  const step: NextStep = { text: text.trim() };
  if (due !== undefined && due !== '') {
    if (isCalendarDate(due)) step.due = due;
    else step.badDue = due;
  }
  return step;
}
