/**
 * Writing interaction-log entries: formatting one entry and appending it to a log file while
 * keeping every existing byte and the file's line endings.
 */
import { isValidDate } from '../dates.js';
import { ID_PATTERN } from './references.js';
import { assertNewId } from './templates.js';

export interface NewEntry {
  date: string;
  channel: string;
  people: string[];
  summary: string;
}

export function formatLogEntry(entry: NewEntry): string {
  if (!isValidDate(entry.date)) throw new Error(`invalid date ${entry.date}`);
  if (!/^[^\s:：@]+$/.test(entry.channel)) throw new Error(`invalid channel ${entry.channel}`);
  if (!entry.people.length || entry.people.some((p) => !ID_PATTERN.test(p))) throw new Error('at least one valid person id is needed');
  // One entry is one line: line breaks in the summary would end it early (and editors may strip
  // the unusual ones: U+2028, U+2029, NEL, vertical tab, form feed).
  const summary = entry.summary.replace(/\s*[\r\n\u2028\u2029\u0085\v\f]+\s*/g, ' ').trim() || '-';
  return `- ${entry.date} ${entry.channel} ${entry.people.map((p) => `@${p}`).join(' ')}: ${summary}`;
}

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
 * Where and what to insert to append an entry: right after the last list entry of the body when
 * the file ends with the log list, otherwise at the end after a blank line.
 */
export function appendLogEntry(fileText: string, entry: NewEntry): Insertion {
  const eol = detectEol(fileText);
  const line = formatLogEntry(entry);
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

/** A new interaction log for an account and year, with the first entry. */
export function newLogDocument(account: string, year: number, entry?: NewEntry, eol = '\n'): string {
  assertNewId('account', account);
  const lines = ['---', 'kind: interaction-log', `account: ${account}`, `year: ${year}`, '---', '', `# ${year}`, ''];
  if (entry) lines.push(formatLogEntry(entry), '');
  return lines.join(eol);
}

