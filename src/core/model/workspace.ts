/**
 * The workspace model: accounts with their people, portraits, plans and interactions, with every
 * reference resolved. Reference findings (duplicate ids, unknown or cross-account references,
 * reporting cycles, malformed log entries) are produced while building it.
 */
import { canonicalChannel, channelNames, type KeyplanConfig, type Tier } from '../parse/config.js';
import type { Diagnostic } from '../diagnostic.js';
import type { KeyplanDocument } from '../parse/document.js';
import type { DocumentKind } from '../kinds.js';
import type { Locale, Params } from '../i18n/catalogue.js';
import { parseNext, type LogEntry, type NextStep } from '../parse/interaction-log.js';
import { closest, suggester } from '../suggest.js';
import type { AccountData, OrgPortraitData, PersonData, RelationshipPlanData } from './types.js';
import { influenceLinks } from './influences.js';
import type { DataPath } from '../parse/yaml-locate.js';
import type { Rule } from '../rules/define.js';
import { logEntryMalformed } from '../rules/format/log-entry-malformed.js';
import { unknownChannel } from '../rules/format/unknown-channel.js';
import { crossAccountReference } from '../rules/references/cross-account-reference.js';
import { duplicateId } from '../rules/references/duplicate-id.js';
import { reportsToCycle } from '../rules/references/reports-to-cycle.js';
import { unknownReference } from '../rules/references/unknown-reference.js';

export interface Person {
  id: string;
  account: string;
  data: PersonData;
  doc: KeyplanDocument;
}

export interface Interaction {
  account: string;
  date: string;
  channel: string;
  /** Every person id the entry mentions, resolved or not. */
  people: string[];
  summary: string;
  /** The follow-up the entry names (`Next: …`, `Next (2026-12-05): …`), if any. */
  next?: NextStep;
  entry: LogEntry;
  doc: KeyplanDocument;
}

export interface Account {
  id: string;
  /** The account plan; undefined when only other documents name this account (reported as unknown-reference). */
  doc?: KeyplanDocument;
  data?: AccountData;
  tier?: Tier;
  people: Person[];
  portraits: KeyplanDocument[];
  plans: KeyplanDocument[];
  logs: KeyplanDocument[];
  /** Newest first. */
  interactions: Interaction[];
  /**
   * Files of this account's people that cannot be used: unreadable, or a duplicate id whose used
   * copy is in another account. While there are any, the rules that judge the account's contacts
   * as a whole (single-threaded, EB, Coach) are not applied: they would judge a set we cannot see.
   */
  peopleNotSeen?: string[];
}

export class Workspace {
  readonly accounts: Map<string, Account>;
  readonly people: Map<string, Person>;

  /** `maps`: accounts and people already built (the incremental checker's, shared with the last check). */
  constructor(
    readonly documents: KeyplanDocument[],
    readonly config: KeyplanConfig,
    maps?: { accounts: Map<string, Account>; people: Map<string, Person> },
  ) {
    this.accounts = maps?.accounts ?? new Map();
    this.people = maps?.people ?? new Map();
  }

  /** The account a document belongs to (its own id for an account plan). */
  accountIdOf(doc: KeyplanDocument): string | undefined {
    const key = doc.kind === 'account' ? doc.data.id : doc.data.account;
    return typeof key === 'string' ? key : undefined;
  }

  tierOf(doc: KeyplanDocument): Tier | undefined {
    const id = this.accountIdOf(doc);
    return id ? this.accounts.get(id)?.tier : undefined;
  }

  /** Interactions that mention a person, newest first. */
  interactionsWith(personId: string): Interaction[] {
    const person = this.people.get(personId);
    if (!person) return [];
    return (this.accounts.get(person.account)?.interactions ?? []).filter((i) => i.people.includes(personId));
  }
}

/** A file meant as a Keyplan document whose frontmatter could not be read. */
export interface UnreadableDocument {
  path: string;
  kind?: DocumentKind;
  id?: string;
  /** The `account:` a quick look could see. */
  account?: string;
  /** The first finding's message: why it could not be read. */
  reason?: string;
}

export interface BuildResult {
  workspace: Workspace;
  diagnostics: Diagnostic[];
  /** What the reference findings of one document depend on besides the document: see `documentReferences`. */
  references: ReferenceContext;
  /** With `logsLater`: reads one account's logs (its interactions, and the logs' findings, returned). */
  readLogs?: (account: Account) => Diagnostic[];
}

/** The workspace-wide facts a document's own reference findings are judged against. */
export interface ReferenceContext {
  ws: Workspace;
  locale: Locale;
  /** Ids of account plans, in the order used for suggestions. */
  accountIds: string[];
  unseenAccounts: Set<string>;
  unseenPeople: Set<string>;
  /** Person ids defined by more than one file. */
  duplicatedPeople: Set<string>;
}

/**
 * The reference findings that belong to one document and depend only on it and the context:
 * an account plan's duplicate objectives, the `account:` reference, person references
 * (reports_to, influences, plan contacts, approver) and the log's entries. Duplicate ids and
 * reporting cycles are whole-workspace findings and are not part of it. `buildWorkspace` produces
 * exactly these, per document in this order, among its findings.
 */
export function documentReferences(doc: KeyplanDocument, ctx: ReferenceContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const r = referenceReporter(ctx, out);
  if (doc.kind === 'account') {
    r.objectives(doc);
    return out;
  }
  r.account(doc);
  if (doc.kind === 'person') {
    const p = ctx.ws.people.get(String(doc.data.id));
    if (p && p.doc === doc) r.person(p);
  }
  r.contacts(doc);
  if (doc.kind === 'interaction-log' && typeof doc.data.account === 'string') {
    const account = ctx.ws.accounts.get(doc.data.account);
    if (account?.logs.includes(doc)) r.log(doc, account.id);
  }
  return out;
}

/** Paths in the order a check of a folder reads them (code units, as `walk.ts` sorts). */
const comparePaths = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function referenceReporter(ctx: ReferenceContext, diagnostics: Diagnostic[]) {
  const { ws, locale, unseenPeople, duplicatedPeople } = ctx;
  const config = ws.config;
  const report = <V extends string>(doc: KeyplanDocument, rule: Pick<Rule<string, V>, 'diagnostic'>, variant: V, path: DataPath, params: Params, data?: Record<string, unknown>) =>
    diagnostics.push(doc.diagnostic(rule, variant, doc.locate(path, 'value'), locale, params, { path, ...data }));
  // One suggester per account (prepared on first need): a log may mention thousands of unknown ids.
  // Its candidates are in path order, as a check of a folder reads the files: of two ids equally
  // close to a typo, the one suggested never depends on the order the files were given in (the
  // editor's index adds a file created or restored after the first reading at the end).
  const suggesters = new Map<string | undefined, (id: string) => string | undefined>();
  const inPathOrder = (people: Iterable<Person>) => [...people].sort((a, b) => comparePaths(a.doc.path, b.doc.path)).map((p) => p.id);
  const suggestPerson = (id: string, account: string | undefined) => {
    let suggest = suggesters.get(account);
    if (!suggest) suggesters.set(account, (suggest = suggester(inPathOrder(account ? ws.accounts.get(account)?.people ?? [] : ws.people.values()))));
    return suggest(id);
  };
  let accountIds: string[] | undefined;
  const accountPlanPath = (id: string) => ws.accounts.get(id)?.doc?.path ?? '';
  const checkPerson = (doc: KeyplanDocument, path: DataPath, id: unknown, account: string | undefined) => {
    if (typeof id !== 'string') return;
    const target = ws.people.get(id);
    if (!target && unseenPeople.has(id)) return;
    if (!target) {
      const suggestion = suggestPerson(id, account);
      report(doc, unknownReference, 'person', path, { id, account, suggestion }, { reference: 'person', id, suggestion });
    } else if (account && target.account !== account && !duplicatedPeople.has(id)) {
      report(doc, crossAccountReference, 'default', path, { id, other: target.account, account }, { reference: 'person', id, otherAccount: target.account });
    }
  };
  let suggestChannel: ((value: string) => string | undefined) | undefined;
  return {
    report,
    objectives(doc: KeyplanDocument) {
      const data = doc.data as unknown as AccountData;
      const objectiveIds = new Set<string>();
      (Array.isArray(data.objectives) ? data.objectives : []).forEach((o, i) => {
        if (!o || typeof o.id !== 'string') return;
        if (objectiveIds.has(o.id)) report(doc, duplicateId, 'default', ['objectives', i, 'id'], { kind: 'objective', id: o.id, other: doc.path });
        objectiveIds.add(o.id);
      });
    },
    account(doc: KeyplanDocument) {
      const id = doc.data.account;
      if (doc.kind === 'account' || typeof id !== 'string') return;
      if (!ws.accounts.get(id)?.doc && !ctx.unseenAccounts.has(id)) {
        accountIds ??= [...ctx.accountIds].sort((a, b) => comparePaths(accountPlanPath(a), accountPlanPath(b)));
        const suggestion = closest(id, accountIds);
        report(doc, unknownReference, 'account', ['account'], { id, suggestion }, { reference: 'account', id, suggestion });
      }
    },
    person(person: Person) {
      const { data, doc } = person;
      if (data.reports_to === data.id) report(doc, unknownReference, 'self', ['reports_to'], { id: data.id, field: 'reports_to' });
      else checkPerson(doc, ['reports_to'], data.reports_to, data.account);
      for (const link of influenceLinks(data)) {
        if (link.person === data.id) report(doc, unknownReference, 'self', link.path, { id: link.person, field: 'influences' });
        else checkPerson(doc, link.path, link.person, data.account);
      }
    },
    contacts(doc: KeyplanDocument) {
      const account = typeof doc.data.account === 'string' ? doc.data.account : undefined;
      if (doc.kind === 'relationship-plan') {
        const data = doc.data as unknown as RelationshipPlanData;
        (Array.isArray(data.contacts) ? data.contacts : []).forEach((c, i) => checkPerson(doc, ['contacts', i, 'person'], c?.person, account));
      } else if (doc.kind === 'org-portrait') {
        const data = doc.data as unknown as OrgPortraitData;
        checkPerson(doc, ['procurement', 'approval_threshold', 'approver'], data.procurement?.approval_threshold?.approver, account);
      }
    },
    log(doc: KeyplanDocument, accountId: string, out: Diagnostic[] = diagnostics) {
      const parsed = doc.log;
      for (const bad of parsed.malformed) {
        const problem = logEntryMalformed.message(locale, `problem.${bad.problem}`, { value: bad.value });
        out.push(doc.diagnostic(logEntryMalformed, 'default', doc.bodyRange(bad.start, bad.end), locale, { problem }, { problem: bad.problem }));
      }
      for (const entry of parsed.entries) {
        if (canonicalChannel(config, entry.channel) === undefined) {
          const suggestion = (suggestChannel ??= suggester(channelNames(config)))(entry.channel);
          out.push(doc.diagnostic(unknownChannel, 'default', doc.bodyRange(entry.channelStart, entry.channelStart + entry.channel.length), locale,
            { value: entry.channel, suggestion, allowed: config.channels.join('|') }, { value: entry.channel, suggestion, allowed: config.channels }));
        }
        const next = parseNext(entry.summary);
        if (next?.badDue !== undefined) {
          out.push(doc.diagnostic(logEntryMalformed, 'next-due', doc.bodyRange(entry.start, entry.end), locale, { value: next.badDue }, { problem: 'next-due', value: next.badDue }));
        }
        for (const m of entry.mentions) {
          const target = ws.people.get(m.id);
          if (!target && unseenPeople.has(m.id)) continue;
          if (!target) {
            const suggestion = suggestPerson(m.id, accountId);
            out.push(doc.diagnostic(unknownReference, 'person', doc.bodyRange(m.start, m.end), locale, { id: m.id, account: accountId, suggestion }, { reference: 'person', id: m.id, suggestion }));
          } else if (target.account !== accountId && !duplicatedPeople.has(m.id)) {
            out.push(doc.diagnostic(crossAccountReference, 'default', doc.bodyRange(m.start, m.end), locale, { id: m.id, other: target.account, account: accountId }, { reference: 'person', id: m.id, otherAccount: target.account }));
          }
        }
      }
    },
  };
}

/** Builds the model from parsed documents. Pure: same documents and config, same result. */
export function buildWorkspace(documents: KeyplanDocument[], config: KeyplanConfig, locale: Locale, unreadable: UnreadableDocument[] = [], options: { logsLater?: boolean } = {}): BuildResult {
  const ws = new Workspace(documents, config);
  const diagnostics: Diagnostic[] = [];

  // Ids of documents we could not read: references to them are not reported as broken.
  const unseen = (kind: DocumentKind) => new Set(unreadable.filter((u) => u.kind === kind && u.id).map((u) => u.id!));
  /** Person ids defined by more than one file: references to them are not judged against the one used. */
  const duplicatedPeople = new Set<string>();
  const ctx: ReferenceContext = { ws, locale, accountIds: [], unseenAccounts: unseen('account'), unseenPeople: unseen('person'), duplicatedPeople };
  const r = referenceReporter(ctx, diagnostics);
  const report = r.report;

  const accountFor = (id: string): Account => {
    let a = ws.accounts.get(id);
    if (!a) {
      a = { id, people: [], portraits: [], plans: [], logs: [], interactions: [] };
      ws.accounts.set(id, a);
    }
    return a;
  };

  // 1. Account plans and people, with duplicate ids. Of several files that define one id, the first
  // by path (compared character by character) is used, whatever order the files were read in; every
  // one of them gets the error, naming the others.
  const byPath = (a: KeyplanDocument, b: KeyplanDocument) => comparePaths(a.path, b.path);
  const definitions = (kind: 'account' | 'person') => {
    const out = new Map<string, KeyplanDocument[]>();
    for (const doc of documents) {
      if (doc.kind !== kind || typeof doc.data.id !== 'string' || (kind === 'person' && typeof doc.data.account !== 'string')) continue;
      const list = out.get(doc.data.id);
      if (list) list.push(doc);
      else out.set(doc.data.id, [doc]);
    }
    for (const [id, docs] of out) {
      if (docs.length < 2) continue;
      docs.sort(byPath);
      for (const doc of docs) {
        const other = docs.filter((d) => d !== doc).map((d) => d.path);
        // A person copy not used, in another account than the used one: that account's contacts are incomplete.
        const paused = kind === 'person' && doc !== docs[0] && doc.data.account !== docs[0].data.account ? String(doc.data.account) : undefined;
        report(doc, duplicateId, 'files', ['id'], { kind, id, other: other.join('|'), used: docs[0].path, paused }, { other, used: docs[0].path });
      }
    }
    return out;
  };
  for (const [id, [doc]] of definitions('account')) {
    const data = doc.data as unknown as AccountData;
    ctx.accountIds.push(id);
    const account = accountFor(data.id);
    account.doc = doc;
    account.data = data;
    account.tier = data.tier === 'A' || data.tier === 'B' || data.tier === 'C' ? data.tier : undefined;
    r.objectives(doc);
  }
  const notSeen = (account: string, path: string) => {
    const a = accountFor(account);
    (a.peopleNotSeen ??= []).push(path);
  };
  for (const u of unreadable) if (u.kind === 'person' && u.account) notSeen(u.account, u.path);
  for (const [id, docs] of definitions('person')) {
    const doc = docs[0];
    if (docs.length > 1) duplicatedPeople.add(id);
    for (const copy of docs.slice(1)) if (copy.data.account !== doc.data.account) notSeen(String(copy.data.account), copy.path);
    const data = doc.data as unknown as PersonData;
    ws.people.set(id, { id, account: data.account, data, doc });
  }

  // 2. Every document's account reference.
  for (const doc of documents) {
    if (doc.kind === 'account') continue;
    const id = doc.data.account;
    if (typeof id !== 'string') continue;
    r.account(doc);
    const account = accountFor(id);
    if (doc.kind === 'person') {
      const p = ws.people.get(String(doc.data.id));
      if (p && p.doc === doc) account.people.push(p);
    } else if (doc.kind === 'org-portrait') account.portraits.push(doc);
    else if (doc.kind === 'relationship-plan') account.plans.push(doc);
    else if (doc.kind === 'interaction-log') account.logs.push(doc);
  }

  // 3. Person references: checks the id exists and belongs to the same account.
  for (const person of ws.people.values()) r.person(person);
  for (const doc of documents) r.contacts(doc);

  // 4. Reporting cycles: each cycle is reported once, on every member's reports_to.
  const state = new Map<string, 'visiting' | 'done'>();
  for (const start of ws.people.keys()) {
    if (state.has(start)) continue;
    const chain: string[] = [];
    let current: string | undefined = start;
    while (current && ws.people.has(current) && !state.has(current)) {
      state.set(current, 'visiting');
      chain.push(current);
      const next: unknown = ws.people.get(current)!.data.reports_to;
      current = typeof next === 'string' && next !== current ? next : undefined;
    }
    if (current && state.get(current) === 'visiting') {
      // Written from its smallest id, so the message does not depend on the order files were read in.
      const found = chain.slice(chain.indexOf(current));
      const first = found.indexOf([...found].sort()[0]);
      const cycle = [...found.slice(first), ...found.slice(0, first)];
      const text = [...cycle, cycle[0]].join(' → ');
      for (const id of cycle) {
        const p = ws.people.get(id)!;
        report(p.doc, reportsToCycle, 'default', ['reports_to'], { cycle: text }, { cycle });
      }
    }
    for (const id of chain) state.set(id, 'done');
  }

  // 5. Interaction logs: now, or one account at a time when the caller asks (see `logsLater`).
  if (!options.logsLater) {
    for (const account of ws.accounts.values()) {
      for (const doc of account.logs) r.log(doc, account.id);
      account.interactions = mergedInteractions(account, config);
    }
    return { workspace: ws, diagnostics, references: ctx };
  }
  const readLogs = (account: Account, out: Diagnostic[]) => {
    for (const doc of account.logs) r.log(doc, account.id, out);
    // In place of the stand-in `unavailable` put there.
    Object.defineProperty(account, 'interactions', { value: mergedInteractions(account, config), writable: true, configurable: true, enumerable: true });
  };
  for (const account of ws.accounts.values()) unavailable(account, 'not read yet');
  return {
    workspace: ws, diagnostics, references: ctx,
    readLogs: (account) => {
      const out: Diagnostic[] = [];
      readLogs(account, out);
      return out;
    },
  };
}

/**
 * After `readLogs` of a check that wants findings only (`keyplan check`): the account's parsed
 * logs are let go, so that a large workspace never holds every log at once (less memory, and the
 * garbage collector copies far less). Asking for the account's interactions afterwards (or before
 * its logs were read) is a programming error and says so, rather than answer with none.
 */
export function releaseLogs(account: Account): void {
  for (const doc of account.logs) {
    interactionsOfLog.delete(doc);
    doc.forgetLog();
  }
  // Its documents' texts too: they came back to place the account's findings.
  account.doc?.releaseText();
  for (const p of account.people) p.doc.releaseText();
  for (const doc of [...account.portraits, ...account.plans, ...account.logs]) doc.releaseText();
  unavailable(account, 'let go after its findings were made');
}

function unavailable(account: Account, why: string): void {
  Object.defineProperty(account, 'interactions', {
    get: () => {
      throw new Error(`the interactions of account ${account.id} are ${why} (a check for findings only)`);
    },
    configurable: true,
    enumerable: false,
  });
}

const newestFirst = (a: Interaction, b: Interaction) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0);

/** A log's interactions, built and sorted once per document (the document object lives as long as its text). */
const interactionsOfLog = new WeakMap<KeyplanDocument, { account: string; aliases: Map<string, string>; channels: string[]; list: Interaction[] }>();

function logInteractions(doc: KeyplanDocument, account: string, config: KeyplanConfig): Interaction[] {
  const cached = interactionsOfLog.get(doc);
  if (cached?.account === account && cached.aliases === config.channelAliases && cached.channels === config.channels) return cached.list;
  // An entry written with an alias (`拜访`) counts as its channel (`visit`) from here on.
  const list = doc.log.entries
    .map((entry): Interaction => ({
      account, date: entry.date, channel: canonicalChannel(config, entry.channel) ?? entry.channel, people: mentionedIds(entry),
      summary: entry.summary, next: parseNext(entry.summary), entry, doc,
    }))
    .sort(newestFirst);
  interactionsOfLog.set(doc, { account, aliases: config.channelAliases, channels: config.channels, list });
  return list;
}

/** Every id an entry mentions, once each; the entry's own list when that is already it (the usual case: no one is named twice or after the colon). */
function mentionedIds(entry: LogEntry): string[] {
  const { people, mentions } = entry;
  if (mentions.length === people.length && (people.length < 2 || new Set(people).size === people.length)) return people;
  return [...new Set(mentions.map((m) => m.id))];
}

/** All interactions of an account, newest first. Shared, read-only arrays: callers must not mutate them. */
export function mergedInteractions(account: Account, config: KeyplanConfig): Interaction[] {
  if (account.logs.length === 1) return logInteractions(account.logs[0], account.id, config);
  return account.logs.flatMap((doc) => logInteractions(doc, account.id, config)).sort(newestFirst);
}
