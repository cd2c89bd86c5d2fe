/**
 * Writing interaction-log entries: formatting one entry and appending it to a log file while
 * keeping every existing byte and the file's line endings. `planLogEntry` and
 * `appendPlannedEntry` are the one implementation behind `keyplan log` and the editor's Log
 * Interaction: who, which account, which channel, which date, which file, and the edit.
 */
import { isValidDate } from '../dates.js';
import { t, type Locale, type Params } from '../i18n/catalogue.js';
import type { Account, Person, Workspace } from '../model/workspace.js';
import { canonicalChannel, channelNames } from '../parse/config.js';
import type { KeyplanDocument } from '../parse/document.js';
import { parseNext } from '../parse/interaction-log.js';
import { closest } from '../suggest.js';
import { ID_PATTERN } from './references.js';
import { appendLine, insertEntries, insertionsFor, type DatedLine, type Insertion } from './log-placement.js';
import { assertNewId, interactionLogPath } from './templates.js';
import { compareNames } from '../i18n/collate.js';

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

/** Where and what to insert to append an entry at the end of a log (see {@link appendLine}). */
export function appendLogEntry(fileText: string, entry: NewEntry): Insertion {
  return appendLine(fileText, formatLogEntry(entry));
}

/** A new interaction log for an account and year, with the first entry. */
export function newLogDocument(account: string, year: number, entry?: NewEntry, eol = '\n'): string {
  assertNewId('account', account);
  const lines = ['---', 'kind: interaction-log', `account: ${account}`, `year: ${year}`, '---', '', `# ${year}`, ''];
  if (entry) lines.push(formatLogEntry(entry), '');
  return lines.join(eol);
}

/** A new log for the account and year, holding the lines. */
export function newLogWith(account: string, year: number, lines: DatedLine[], eol = '\n'): string {
  return insertEntries(newLogDocument(account, year, undefined, eol), lines);
}

/** What to log: the CLI's `keyplan log` and the editor's Log Interaction both describe an entry this way. */
export interface LogRequest {
  /** The person met: an id, or a name as written in their portrait (`张伟`). */
  person: string;
  /** Others who took part, of the same account: ids or names. */
  with?: string[];
  /** A configured channel or an alias of one; default: the person's first preferred channel, else `meeting`, else the first channel. */
  channel?: string;
  /** `YYYY-MM-DD`, not after as-of; default: as-of. */
  date?: string;
  summary: string;
  /** The next step, written as `Next: …` (or `Next (due): …`) at the end of the summary. */
  next?: string;
  /** Its due date, `YYYY-MM-DD` (only with `next`). */
  due?: string;
}

export type LogRefusalProblem =
  | 'unknown-person' | 'ambiguous-person' | 'other-account' | 'unknown-channel' | 'invalid-date' | 'future-date'
  | 'empty-summary' | 'invalid-due' | 'due-without-next' | 'two-next' | 'target-taken' | 'bad-path';

export interface LogRefusal {
  ok: false;
  problem: LogRefusalProblem;
  /** A sentence for the user, in the requested locale. */
  message: string;
}

export interface LogPlan {
  ok: true;
  account: Account;
  entry: NewEntry;
  /** Workspace-relative path of the log the entry goes to. */
  path: string;
  /** The account's log for that year as Keyplan read it; undefined when the log is to be created. */
  log?: KeyplanDocument;
  year: number;
}

/** The people of a workspace as a log entry may name them: by id, else by their name (exact, ignoring case). */
export function findPerson(ws: Workspace, value: string): { person: Person } | { ambiguous: Person[] } | { suggestion?: string } {
  const byId = ws.people.get(value);
  if (byId) return { person: byId };
  const wanted = value.trim().toLowerCase();
  const named = [...ws.people.values()].filter((p) => typeof p.data.name === 'string' && p.data.name.trim().toLowerCase() === wanted);
  if (named.length === 1) return { person: named[0] };
  if (named.length > 1) return { ambiguous: named.sort((a, b) => compareNames(a.id, b.id)) };
  const names = [...ws.people.values()].flatMap((p) => [p.id, ...(typeof p.data.name === 'string' ? [p.data.name] : [])]);
  const suggestion = closest(value, names);
  // A suggested name stands for its person's id, which is what the user can type unambiguously.
  const person = suggestion === undefined ? undefined : ws.people.get(suggestion) ?? [...ws.people.values()].find((p) => p.data.name === suggestion);
  return { suggestion: person ? (person.data.name && person.data.name !== person.id ? `${person.id} (${person.data.name})` : person.id) : undefined };
}

/**
 * Works out where and what to log, or why not: the person (and the others) resolved to one
 * account, the channel checked (aliases accepted), the date not after as-of, and the log of that
 * account for the entry's year (or where to create it).
 */
export function planLogEntry(ws: Workspace, request: LogRequest, asOf: string, locale: Locale): LogPlan | LogRefusal {
  const refuse = (problem: LogRefusalProblem, params: Params = {}): LogRefusal => ({ ok: false, problem, message: t(locale, `log.${problem}`, params) });
  const resolve = (value: string): Person | LogRefusal => {
    const found = findPerson(ws, value);
    if ('person' in found) return found.person;
    if ('ambiguous' in found) return refuse('ambiguous-person', { value, ids: found.ambiguous.map((p) => `${p.id} (${p.account})`).join(', ') });
    return refuse('unknown-person', { value, suggestion: found.suggestion });
  };
  const main = resolve(request.person);
  if ('ok' in main) return main;
  const people = [main];
  for (const other of request.with ?? []) {
    if (!other.trim()) continue;
    const p = resolve(other.trim());
    if ('ok' in p) return p;
    if (p.account !== main.account) return refuse('other-account', { person: p.id, account: p.account, main: main.id, mainAccount: main.account });
    if (!people.includes(p)) people.push(p);
  }
  const account = ws.accounts.get(main.account)!;

  const date = request.date ?? asOf;
  if (!isValidDate(date)) return refuse('invalid-date', { value: date });
  if (date > asOf) return refuse('future-date', { value: date, asOf });

  const config = ws.config;
  const preferred = Array.isArray(main.data.channels) ? main.data.channels.find((c) => canonicalChannel(config, String(c)) !== undefined) : undefined;
  const channel = request.channel ?? preferred ?? (config.channels.includes('meeting') ? 'meeting' : config.channels[0]);
  if (canonicalChannel(config, channel) === undefined || !/^[^\s:：@]+$/.test(channel)) {
    return refuse('unknown-channel', { value: channel, suggestion: closest(channel, channelNames(config)), allowed: channelNames(config).join('|') });
  }

  const summary = request.summary.replace(/\s+/g, ' ').trim();
  if (!summary) return refuse('empty-summary');
  const next = request.next?.replace(/\s+/g, ' ').trim() || undefined;
  if (request.due !== undefined && next === undefined) return refuse('due-without-next');
  if (request.due !== undefined && !isValidDate(request.due)) return refuse('invalid-due', { value: request.due });
  let full = summary;
  if (next !== undefined) {
    if (parseNext(summary)) return refuse('two-next');
    // `Reviewed the quote. Next: …` (a full stop is added unless the summary ends a sentence already).
    const stop = /[.。!！?？;；]$/.test(summary) ? '' : /[\u3400-\u9fff]$/.test(summary) ? '。' : '.';
    full = `${summary}${stop} Next${request.due ? ` (${request.due})` : ''}: ${next}`;
  }
  const entry: NewEntry = { date, channel, people: people.map((p) => p.id), summary: full };

  const year = Number(date.slice(0, 4));
  const logs = [...account.logs].sort((a, b) => (a.path < b.path ? -1 : 1));
  const log = logs.find((d) => d.data.year === year) ?? logs.find((d) => d.data.year === undefined);
  if (log) return { ok: true, account, entry, path: log.path, log, year };
  let path: string;
  try {
    path = interactionLogPath(account.id, year, account.doc?.path);
  } catch (err) {
    return refuse('bad-path', { reason: (err as Error).message });
  }
  // A document already there is not this account's log for the year: never write into it.
  if (ws.documents.some((d) => d.path === path)) return refuse('target-taken', { path });
  return { ok: true, account, entry, path, year };
}

export interface LogEdit {
  /** The whole new text of the log. */
  text: string;
  /** For an existing log: what to insert where (nothing else changes). */
  insertion?: Insertion;
  /** 0-based line of the new entry in `text`. */
  line: number;
}

/**
 * The edit that appends a planned entry: to `current` (the log's text as it is now, byte for byte,
 * line endings kept), or a new log from the template when `current` is undefined.
 */
export function appendPlannedEntry(plan: LogPlan, current: string | undefined): LogEdit {
  if (current === undefined) {
    const text = newLogDocument(plan.account.id, plan.year, plan.entry);
    return { text, line: text.split('\n').length - 2 };
  }
  // In date order among the log's entries (an entry logged late for an earlier day goes there).
  const [insertion] = insertionsFor(current, [{ date: plan.entry.date, line: formatLogEntry(plan.entry) }]);
  const text = current.slice(0, insertion.offset) + insertion.text + current.slice(insertion.offset);
  const startOfEntry = insertion.offset + (/^(?:\r\n|\r|\n)+/.exec(insertion.text)?.[0].length ?? 0);
  const line = (text.slice(0, startOfEntry).match(/\r\n|\r|\n/g) ?? []).length;
  return { text, insertion, line };
}
