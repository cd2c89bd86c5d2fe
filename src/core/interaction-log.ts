/**
 * Interaction-log bodies: one entry per Markdown list item,
 * `- 2026-11-02 meeting @zhang-wei @wang-fang: summary`. Parsed with remark so that list items
 * inside code blocks or HTML are not mistaken for entries.
 */
import type { List, ListItem, Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { isCalendarDate } from './dates.js';

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

export type LogProblem = 'date' | 'channel' | 'mention' | 'colon' | 'summary';

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

const processor = unified().use(remarkParse);

/** An item that starts like a date is meant as an entry; anything else is ordinary prose. */
const DATE_LIKE = /^\d{4}[-/.年]\d{1,2}/;
const ENTRY = /^(\d{4}-\d{2}-\d{2})(?:[ \t]+([^\s:：@]+))?((?:[ \t,，、]*@[A-Za-z0-9][A-Za-z0-9-]*)*)[ \t]*([:：])?[ \t]*(.*)$/;
// Mentions are matched case-insensitively so that `@Zhang-Wei` is reported as an unknown id, not ignored.
const MENTION = /@([A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*)/g;

export function parseInteractionLog(body: string): ParsedLog {
  if (!/^[ \t]*(?:[-*+]|\d+[.)])[ \t]+\d/m.test(body)) return { entries: [], malformed: [] }; // no list item starting with a digit
  return needsFullMarkdown(body) ? parseWithRemark(body) : parseByLines(body);
}

/**
 * Code blocks, block quotes, HTML blocks and deep indentation are where a line that looks like a
 * list item may not be one; only then is the full CommonMark parser needed. A plain log of list
 * items under headings reads the same line by line, about twenty times faster.
 */
const NEEDS_PARSER = /^(?: {0,3}(?:```|~~~|>|<)|(?: {4,}|\t)[ \t]*\S)/m;

export function needsFullMarkdown(body: string): boolean {
  return NEEDS_PARSER.test(body);
}

const LIST_ITEM = /^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+(?=\S)/gm;

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
  const tree = processor.parse(body) as Root;
  const lineEnd = /\r\n|\r|\n/g;
  visitListItems(tree.children, (item) => {
    const first = item.children[0];
    if (!first || first.type !== 'paragraph' || !first.position) return;
    const start = first.position.start.offset ?? 0;
    lineEnd.lastIndex = start;
    const end = lineEnd.exec(body)?.index ?? first.position.end.offset ?? body.length;
    collect(result, body.slice(start, end).replace(/[ \t]+$/, ''), start);
  });
  return result;
}

function visitListItems(nodes: RootContent[], fn: (item: ListItem) => void): void {
  for (const node of nodes) {
    if (node.type === 'list') {
      for (const item of (node as List).children) {
        fn(item);
        visitListItems(item.children, fn);
      }
    } else if ('children' in node && Array.isArray(node.children)) {
      visitListItems(node.children as RootContent[], fn);
    }
  }
}

/** Parses the first line of a list item; `offset` is the line's body-relative start. */
export function parseEntryLine(line: string, offset = 0): LogEntry | MalformedEntry {
  const m = ENTRY.exec(line);
  const whole = { start: offset, end: offset + line.length };
  if (!m) {
    const token = /^\S+/.exec(line)?.[0] ?? line;
    return { problem: 'date', value: token, start: offset, end: offset + token.length };
  }
  const [, date, channel, mentionText, colon, summary] = m;
  if (!isCalendarDate(date)) return { problem: 'date', value: date, start: offset, end: offset + date.length };
  if (!channel) return { problem: 'channel', ...whole };
  if (!mentionText.trim()) return { problem: 'mention', ...whole };
  if (!colon) return { problem: 'colon', ...whole };
  if (!summary.trim()) return { problem: 'summary', ...whole };
  const mentions: Mention[] = [];
  for (const mm of line.matchAll(MENTION)) {
    // `foo@bar.com` is an e-mail address, not a mention.
    const before = mm.index > 0 ? line[mm.index - 1] : ' ';
    if (/[A-Za-z0-9._%+-]/.test(before)) continue;
    mentions.push({ id: mm[1], start: offset + mm.index, end: offset + mm.index + mm[0].length });
  }
  const colonAt = date.length + (line.slice(date.length).search(/[:：]/));
  const people = mentions.filter((x) => x.start - offset < colonAt).map((x) => x.id);
  const channelStart = offset + line.indexOf(channel, date.length);
  return { date, channel, people, mentions, summary: summary.trim(), start: offset, end: offset + line.length, channelStart };
}
