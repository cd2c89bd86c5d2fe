/**
 * From calendar occurrences to interaction-log entries: attendees matched to people by e-mail
 * address, one entry per account the matched people belong to, the channel from the meeting,
 * the summary from the subject, and occurrences already imported left out (their key is kept in
 * the entry as a trailing `<!-- ics:KEY -->` comment; see {@link importMarker}).
 *
 * Nothing is guessed: an address that no person has is listed as unmatched, an address that
 * several active people share is listed as ambiguous, and a meeting without any matched person
 * produces no entry.
 */
import type { Workspace } from '../model/workspace.js';
import { formatLogEntry } from '../language/log-entry.js';
import { interactionLogPath } from '../language/templates.js';
import { addressOf, type CalendarOccurrence, type CalendarReading, type UnreadableEvent } from './calendar.js';
import { ImportProblem } from '../i18n/import.js';

export interface ImportSettings {
  /** Channel of an online meeting (or one without a location). */
  online: string;
  /** Channel of a meeting at a physical location. */
  inPerson: string;
  /** Addresses (or `@domain`s) never listed as unmatched: your own team's. */
  ignore: string[];
}

export const DEFAULT_IMPORT_SETTINGS: ImportSettings = { online: 'meeting', inPerson: 'visit', ignore: [] };

export interface PlannedEntry {
  account: string;
  /** Workspace-relative path of the log the entry goes to. */
  file: string;
  /** The log does not exist yet: it is created from the template. */
  newFile: boolean;
  year: number;
  date: string;
  channel: string;
  people: string[];
  summary: string;
  key: string;
  subject: string;
  /** The entry's line as written, without the list item's line break. */
  line: string;
}

export interface SkippedMeeting {
  key: string;
  date: string;
  subject: string;
}

export interface ImportPlan {
  entries: PlannedEntry[];
  /** Occurrences whose key is already in a log. */
  alreadyImported: SkippedMeeting[];
  /** Meetings none of whose attendees is a person of the workspace. */
  noMatch: SkippedMeeting[];
  /** Addresses no person has, with the number of meetings they attended (ignored addresses left out). */
  unmatched: { address: string; meetings: number }[];
  /** Addresses more than one active person has: not matched to anyone. */
  ambiguous: { address: string; people: string[] }[];
  cancelled: number;
  future: number;
  beforeSince: number;
  truncated: string[];
  withoutUid: number;
  /** Events of the file that cannot be read, left out (the others are imported). */
  unreadable: UnreadableEvent[];
}

/** The configured channel is not one of the workspace's channels. */
export class ImportSettingsError extends ImportProblem {}

/** Plans the import of `reading` into `workspace` (logs already holding a key are left alone). */
export function planImport(reading: CalendarReading, workspace: Workspace, settings: ImportSettings = workspace.config.import): ImportPlan {
  for (const [name, channel] of [['online', settings.online], ['in_person', settings.inPerson]] as const) {
    if (!workspace.config.channels.includes(channel)) {
      throw new ImportSettingsError('channel-not-configured', { channel, setting: name, channels: workspace.config.channels.join(', ') });
    }
  }
  const { byAddress, ambiguous } = addressIndex(workspace);
  const existing = importedKeys(workspace);
  const ignored = (address: string) => settings.ignore.some((i) => { const a = i.toLowerCase(); return a.startsWith('@') ? address.endsWith(a) : address === a; });
  const plan: ImportPlan = {
    entries: [], alreadyImported: [], noMatch: [], unmatched: [], ambiguous: [...ambiguous].map(([address, people]) => ({ address, people })).sort((a, b) => (a.address < b.address ? -1 : 1)),
    cancelled: reading.cancelled, future: reading.future, beforeSince: reading.beforeSince, truncated: reading.truncated, withoutUid: reading.withoutUid, unreadable: reading.unreadable,
  };
  const unmatched = new Map<string, number>();
  // Logs planned for creation, so that two entries of one new log name the same file.
  for (const o of reading.occurrences) {
    const skipped = { key: o.key, date: o.date, subject: o.subject };
    const people: { id: string; account: string }[] = [];
    for (const address of o.addresses) {
      const person = byAddress.get(address);
      if (person) {
        if (!people.some((p) => p.id === person.id)) people.push(person);
      } else if (!ambiguous.has(address) && !ignored(address)) unmatched.set(address, (unmatched.get(address) ?? 0) + 1);
    }
    if (existing.has(o.key)) {
      plan.alreadyImported.push(skipped);
      continue;
    }
    if (!people.length) {
      plan.noMatch.push(skipped);
      continue;
    }
    // A meeting with people of two accounts is an interaction with each: one entry per account.
    const accounts = [...new Set(people.map((p) => p.account))];
    for (const account of accounts) {
      const ids = people.filter((p) => p.account === account).map((p) => p.id);
      const channel = o.online ? settings.online : settings.inPerson;
      const summary = summaryOf(o.subject);
      const year = Number(o.date.slice(0, 4));
      const target = logFor(workspace, account, year);
      const line = `${formatLogEntry({ date: o.date, channel, people: ids, summary })} ${importMarker(o.key)}`;
      plan.entries.push({ account, file: target.file, newFile: target.newFile, year, date: o.date, channel, people: ids, summary, key: o.key, subject: o.subject, line });
    }
  }
  plan.unmatched = [...unmatched].map(([address, meetings]) => ({ address, meetings })).sort((a, b) => b.meetings - a.meetings || (a.address < b.address ? -1 : 1));
  return plan;
}

function addressIndex(workspace: Workspace): { byAddress: Map<string, { id: string; account: string }>; ambiguous: Map<string, string[]> } {
  const holders = new Map<string, { id: string; account: string; active: boolean }[]>();
  for (const person of workspace.people.values()) {
    const raw = person.data.email;
    const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
    for (const value of list) {
      const address = addressOf(typeof value === 'string' ? value : undefined);
      if (!address) continue;
      const h = holders.get(address) ?? [];
      if (!h.some((x) => x.id === person.id)) h.push({ id: person.id, account: person.account, active: person.data.status !== 'left' });
      holders.set(address, h);
    }
  }
  const byAddress = new Map<string, { id: string; account: string }>();
  const ambiguous = new Map<string, string[]>();
  for (const [address, h] of holders) {
    // Someone who left and a successor at the same address: the active one. Two active: nobody.
    const candidates = h.length > 1 ? h.filter((x) => x.active) : h;
    if (candidates.length === 1) byAddress.set(address, { id: candidates[0].id, account: candidates[0].account });
    else ambiguous.set(address, h.map((x) => x.id).sort());
  }
  return { byAddress, ambiguous };
}

/**
 * The marker that keeps an occurrence's key in its entry: an HTML comment at the end of the line,
 * invisible in rendered Markdown and not part of the summary. The key is percent-encoded (no
 * spaces, `@`, `-->` or line breaks can reach the file).
 */
export function importMarker(key: string): string {
  return `<!-- ics:${encodeURIComponent(key)} -->`;
}

const MARKER = /<!-- ics:([A-Za-z0-9\-_.!~*'()%]+) -->/g;

/** Keys of every marker in the text (decoded). */
export function markerKeys(text: string): string[] {
  const keys: string[] = [];
  for (const m of text.matchAll(MARKER)) {
    try {
      keys.push(decodeURIComponent(m[1]));
    } catch {
      keys.push(m[1]);
    }
  }
  return keys;
}

/** Every key already imported: markers anywhere in any interaction log of the workspace. */
export function importedKeys(workspace: Workspace): Set<string> {
  const keys = new Set<string>();
  for (const doc of workspace.documents) if (doc.kind === 'interaction-log') for (const k of markerKeys(doc.text)) keys.add(k);
  return keys;
}

/** The longest summary taken from a subject (in characters); a longer subject is cut with `…`. */
export const MAX_SUMMARY = 300;

/**
 * One line of summary from a meeting subject: line breaks and tabs become spaces, other control
 * characters and bidirectional overrides a replacement character; `<` is escaped (no HTML, no
 * comment can start), and an `@` that would start a mention becomes a full-width `＠`.
 */
export function summaryOf(subject: string): string {
  let s = subject
    .replace(/[\r\n\u2028\u2029\u0085\v\f\t]+/g, ' ')
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u202a-\u202e\u2066-\u2069]/g, '\ufffd')
    .replace(/\s+/g, ' ')
    .trim();
  if ([...s].length > MAX_SUMMARY) s = [...s].slice(0, MAX_SUMMARY - 1).join('').trimEnd() + '…';
  return s.replace(/\\?</g, '\\<').replace(/(^|[^A-Za-z0-9._%+-])@(?=[A-Za-z0-9])/g, '$1＠') || '-';
}

function logFor(workspace: Workspace, accountId: string, year: number): { file: string; newFile: boolean } {
  const account = workspace.accounts.get(accountId);
  const logs = [...(account?.logs ?? [])].sort((a, b) => (a.path < b.path ? -1 : 1));
  const log = logs.find((d) => d.data.year === year) ?? logs.find((d) => d.data.year === undefined);
  if (log) return { file: log.path, newFile: false };
  return { file: interactionLogPath(accountId, year, account?.doc?.path), newFile: true };
}

/** The entries grouped by file, in date order within each file, files in path order. */
export function entriesByFile(plan: ImportPlan): Map<string, PlannedEntry[]> {
  const byFile = new Map<string, PlannedEntry[]>();
  for (const e of [...plan.entries].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    const list = byFile.get(e.file) ?? [];
    list.push(e);
    byFile.set(e.file, list);
  }
  return byFile;
}

export type { CalendarOccurrence };
