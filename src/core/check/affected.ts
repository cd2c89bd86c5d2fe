/**
 * The part of a workspace a change touches, for `keyplan check --changed-since`: the changed files
 * plus every document of their accounts (cross-file rules — coverage, cadence, references — are
 * computed per account), checked together with every other document that can influence their
 * findings. Checking `files` and keeping the findings on `focus` gives exactly what a full check
 * gives on `focus`, at the cost of the affected accounts only.
 *
 * Which other documents matter is decided from the parsed documents of both revisions (never from
 * a search of file bytes, which misses an id written with a YAML escape): every document that
 * declares or references an id the focused documents (now and before the change) declare or
 * reference (duplicates, reference targets, people who report into them), following reporting
 * lines forward so that a reporting cycle is always seen whole. A change to what is read at all
 * (keyplan.yaml, a .gitignore) checks the whole workspace.
 */
import { CONFIG_FILE, MAX_FILE_BYTES, undecodableLook, type SourceFile } from './pipeline.js';
import { isDocumentKind } from '../kinds.js';
import { memoisedParse, parseKeyplanDocument, type ParseMemo } from '../parse/document.js';
import { decodeText } from '../parse/text.js';
import { influenceLinks } from '../model/influences.js';
import { IdIndex, type EntryMemo } from './id-index.js';

/** A `.gitignore` in the workspace: it changes which files are read. */
export const isIgnoreFile = (p: string): boolean => p === '.gitignore' || p.endsWith('/.gitignore');

export interface ChangedFile {
  path: string;
  /** The file's content at the reference revision, when it existed there (deleted and modified files). */
  before?: Uint8Array | string;
}

export interface Scope {
  /** The files to check (a subset of the workspace, in workspace order, keyplan.yaml included). */
  files: SourceFile[];
  /** The files whose findings are reported: changed files and the documents of affected accounts. */
  focus: Set<string>;
  /** Accounts the change touches. */
  accounts: string[];
  /** True when everything had to be checked (keyplan.yaml changed, or a document names no account). */
  full: boolean;
  /** Why everything is checked, for the log ("keyplan.yaml changed"). */
  reason?: string;
}

export interface DocInfo {
  kind?: string;
  account?: string;
  declares: string[];
  references: string[];
  reportsTo?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** Keyplan documents that are not UTF-8, with what the full check knows of them (pipeline.ts `checkFile`). */
const undecodable = new WeakMap<object, ReturnType<typeof undecodableLook>>();

/**
 * The text the full check reads (same size limit, same decoding: a NUL byte is tolerated). Of a
 * Keyplan document that is not UTF-8 the check reads only what a quick look sees in its first
 * bytes as Latin-1 (its kind, id and account): that text, noted in `undecodable`.
 */
function textOf(content: Uint8Array | string): string | undefined {
  const size = typeof content === 'string' ? content.length : content.byteLength;
  if (size > MAX_FILE_BYTES) return undefined;
  if (typeof content === 'string') return content;
  let decoded = decodeText(content);
  if (!decoded.ok && decoded.reason === 'binary') decoded = decodeText(content, true);
  if (decoded.ok) return decoded.text;
  const look = undecodableLook(content);
  if (decoded.reason !== 'not-utf8' || !isDocumentKind(look.kind)) return undefined;
  undecodable.set(content, look);
  return look.latin1;
}

/**
 * What a document the check cannot read names: the kind, id and account a quick look saw, all the
 * full check uses of it (other files' references to the id are not reported; a person's account
 * holds back the warnings on who is missing). An account plan belongs to its own account.
 */
function unreadableInfo(kind: string | undefined, id: string | undefined, account: string | undefined): DocInfo {
  const info: DocInfo = { kind, declares: id ? [id] : [], references: [] };
  info.account = kind === 'account' ? id : account;
  if (kind !== 'account' && account) info.references.push(account);
  return info;
}

/**
 * What a file declares and references, from a parse without validation (a superset is fine).
 * `mentions: false` leaves out the people an interaction log's entries mention (its body is then
 * not parsed): for callers that only need each log's account.
 */
export function documentInfo(path: string, content: Uint8Array | string, options: { mentions?: boolean } = {}): DocInfo {
  return textInfo(path, textOf(content), { ...options, content });
}

/** `documentInfo` of a text already decoded by `textOf`; with `parses`, the parse is kept there under `content`. */
function textInfo(path: string, text: string | undefined, { mentions = true, parses, content }: { mentions?: boolean; parses?: ParseMemo; content?: Uint8Array | string } = {}): DocInfo {
  if (text === undefined) return { declares: [], references: [] };
  const look = typeof content === 'object' ? undecodable.get(content) : undefined;
  if (look) return unreadableInfo(look.kind ?? undefined, look.id, look.account);
  const outcome = parses && typeof content === 'object' ? memoisedParse(parses, content, path, text, 'en') : parseKeyplanDocument(path, text, 'en');
  if (outcome.status === 'ignored') return { declares: [], references: [] };
  if (outcome.status === 'unreadable') return unreadableInfo(outcome.kind, outcome.id, outcome.account);
  const doc = outcome.document;
  const d = doc.data;
  const info: DocInfo = { kind: doc.kind, declares: [], references: [] };
  if (doc.kind === 'account') {
    info.account = str(d.id);
    if (info.account) info.declares.push(info.account);
    return info;
  }
  info.account = str(d.account);
  if (info.account) info.references.push(info.account);
  if (doc.kind === 'person') {
    if (str(d.id)) info.declares.push(str(d.id)!);
    info.reportsTo = str(d.reports_to);
    if (info.reportsTo) info.references.push(info.reportsTo);
    info.references.push(...influenceLinks(d).map((l) => l.person));
  } else if (doc.kind === 'relationship-plan') {
    if (str(d.id)) info.declares.push(str(d.id)!);
    for (const c of Array.isArray(d.contacts) ? d.contacts : []) if (c && typeof c === 'object' && str((c as Record<string, unknown>).person)) info.references.push(String((c as Record<string, unknown>).person));
  } else if (doc.kind === 'org-portrait') {
    const approver = str((d.procurement as { approval_threshold?: { approver?: unknown } } | undefined)?.approval_threshold?.approver);
    if (approver) info.references.push(approver);
  } else if (doc.kind === 'interaction-log' && mentions) {
    for (const e of doc.log.entries) for (const m of e.mentions) info.references.push(m.id);
  }
  return info;
}

/**
 * The scope decided by parsing every document of the workspace: the reference `affectedScope` must
 * always agree with (test/unit/changed-since-prefilter.test.ts), kept for that test.
 */
export function affectedScopeExact(all: readonly SourceFile[], changed: readonly ChangedFile[]): Scope {
  const everything = (reason: string): Scope => ({ files: [...all], focus: new Set(all.map((f) => f.path)), accounts: [], full: true, reason });
  if (changed.some((c) => c.path === CONFIG_FILE)) return everything(`${CONFIG_FILE} changed`);
  const ignoreFile = changed.find((c) => isIgnoreFile(c.path));
  if (ignoreFile) return everything(`${ignoreFile.path} changed (it decides which files are read)`);

  const byPath = new Map(all.map((f) => [f.path, f]));
  const infos = new Map<string, DocInfo>();
  const info = (f: SourceFile) => {
    let i = infos.get(f.path);
    if (!i) infos.set(f.path, (i = documentInfo(f.path, f.content)));
    return i;
  };
  const changedNow = changed.map((c) => byPath.get(c.path)).filter((f): f is SourceFile => !!f);
  const changedInfos = [...changedNow.map(info), ...changed.filter((c) => c.before !== undefined).map((c) => documentInfo(c.path, c.before!))];

  const accounts = new Set<string>();
  for (const i of changedInfos) if (i.account) accounts.add(i.account);
  // Documents elsewhere whose own findings the change can alter bring their accounts in too: those
  // that declare or reference an id a changed document declares (now or before: duplicates, broken
  // or cross-account references), and everyone whose reporting line runs into a changed person (a
  // cycle is reported on every member). A changed account plan changes the "did you mean" of
  // every reference to an unknown account.
  const changedIds = new Set<string>(changedInfos.flatMap((i) => i.declares));
  const everyInfo = all.filter((f) => f.path !== CONFIG_FILE).map((f) => info(f));
  for (let grew = true; grew; ) {
    grew = false;
    for (const i of everyInfo) {
      if (i.kind === 'person' && i.reportsTo && changedIds.has(i.reportsTo)) for (const id of i.declares) if (!changedIds.has(id)) { changedIds.add(id); grew = true; }
    }
  }
  const declaredAccounts0 = new Set(everyInfo.filter((i) => i.kind === 'account').flatMap((i) => i.declares));
  const accountChanged = changedInfos.some((i) => i.kind === 'account');
  for (const i of everyInfo) {
    if (i.account === undefined) continue;
    if ([...i.declares, ...i.references].some((id) => changedIds.has(id))) accounts.add(i.account);
    else if (accountChanged && i.kind !== 'account' && !declaredAccounts0.has(i.account)) accounts.add(i.account);
  }
  const ids = new Set<string>(accounts);
  for (const i of changedInfos) for (const id of [...i.declares, ...i.references]) ids.add(id);

  // Every document's ids as parsed (a YAML escape or any other spelling of an id is seen).
  const mentions = (f: SourceFile) => {
    const i = info(f);
    return [...i.declares, ...i.references, ...(i.account !== undefined ? [i.account] : [])];
  };
  const searched = new Set<string>();
  const selected = new Set<string>(changedNow.map((f) => f.path));
  for (;;) {
    // Every file that mentions an id of interest (only newly added ids need a new pass).
    const fresh = [...ids].filter((id) => !searched.has(id));
    for (const id of fresh) searched.add(id);
    if (fresh.length) for (const f of all) if (f.path !== CONFIG_FILE && !selected.has(f.path) && mentions(f).some((id) => fresh.includes(id))) selected.add(f.path);
    const before = ids.size;
    for (const p of selected) {
      const i = info(byPath.get(p)!);
      const inFocus = changed.some((c) => c.path === p) || (i.account !== undefined && accounts.has(i.account));
      if (inFocus) for (const id of [...i.declares, ...i.references]) ids.add(id);
      // Reporting lines are followed forward from anyone of interest, so a cycle is seen whole.
      if (i.kind === 'person' && i.reportsTo && i.declares.some((id) => ids.has(id))) ids.add(i.reportsTo);
    }
    if (ids.size === before && fresh.length === 0) break;
  }

  const focus = new Set<string>(changedNow.map((f) => f.path));
  for (const p of selected) {
    const i = info(byPath.get(p)!);
    if (i.account !== undefined && accounts.has(i.account)) focus.add(p);
    // A relationship plan or portrait without an account is checked against every person in the
    // workspace (for "did you mean"), so it needs the whole workspace.
    if (focus.has(p) && (i.kind === 'relationship-plan' || i.kind === 'org-portrait') && i.account === undefined) return everything('a changed document names no account');
  }
  // "No account x — did you mean y?" suggests from every account: bring the account plans along
  // when a focused document names an account that none of the selected files declares.
  const declaredAccounts = new Set([...selected].map((p) => info(byPath.get(p)!)).filter((i) => i.kind === 'account').flatMap((i) => i.declares));
  if ([...focus].some((p) => { const a = info(byPath.get(p)!).account; return a !== undefined && !declaredAccounts.has(a); })) {
    for (const f of all) if (f.path !== CONFIG_FILE && info(f).kind === 'account') selected.add(f.path);
  }
  const files = all.filter((f) => f.path === CONFIG_FILE || selected.has(f.path));
  return { files, focus, accounts: [...accounts].sort(), full: false };
}

/**
 * What one scope computation learnt of each file's content, for another over mostly the same
 * contents (the two sides of a diff): keyed by the content object, so only a file read as the same
 * bytes object (`readRevision` shares them between revisions) is looked at once.
 */
export interface ScopeMemo {
  entries: EntryMemo;
  infos: WeakMap<object, Map<string, DocInfo>>;
  /** The documents parsed to decide the scope, for the check of the scope (it parses them once). */
  parses: ParseMemo;
}

export const scopeMemo = (): ScopeMemo => ({ entries: new WeakMap(), infos: new WeakMap(), parses: new WeakMap() });

/**
 * The same scope as `affectedScopeExact`, parsing only the documents that can matter: each step
 * that looks for the documents declaring or referencing some ids asks the id index (id-index.ts)
 * which documents can hold them, and parses only those; the steps that need every account plan,
 * or every document's account, parse only the documents whose text does not already settle it.
 * Anything the index cannot see through is parsed, the exact way. `memo`: shared with another
 * call over mostly the same contents (see `ScopeMemo`); the scope is the same with or without it.
 */
export function affectedScope(all: readonly SourceFile[], changed: readonly ChangedFile[], memo?: ScopeMemo): Scope {
  const everything = (reason: string): Scope => ({ files: [...all], focus: new Set(all.map((f) => f.path)), accounts: [], full: true, reason });
  if (changed.some((c) => c.path === CONFIG_FILE)) return everything(`${CONFIG_FILE} changed`);
  const ignoreFile = changed.find((c) => isIgnoreFile(c.path));
  if (ignoreFile) return everything(`${ignoreFile.path} changed (it decides which files are read)`);

  const docs = all.filter((f) => f.path !== CONFIG_FILE);
  const index = new IdIndex(docs.map((f) => () => textOf(f.content)), memo && { entries: memo.entries, keys: docs.map((f) => f.content) });
  const byPath = new Map(docs.map((f, k) => [f.path, k]));
  const infos: (DocInfo | undefined)[] = [];
  // A document's info depends on its path and text only.
  const memoised = (k: number): DocInfo => {
    const content = docs[k].content;
    if (!memo || typeof content !== 'object') return textInfo(docs[k].path, index.text(k), { content });
    let byPathInfo = memo.infos.get(content);
    if (!byPathInfo) memo.infos.set(content, (byPathInfo = new Map()));
    let i = byPathInfo.get(docs[k].path);
    if (!i) byPathInfo.set(docs[k].path, (i = textInfo(docs[k].path, index.text(k), { parses: memo.parses, content })));
    return i;
  };
  const info = (k: number) => (infos[k] ??= memoised(k));
  const changedPaths = new Set(changed.map((c) => c.path));
  const changedNow = changed.map((c) => byPath.get(c.path)).filter((k): k is number => k !== undefined);
  const changedInfos = [...changedNow.map(info), ...changed.filter((c) => c.before !== undefined).map((c) => documentInfo(c.path, c.before!))];

  const accounts = new Set<string>();
  for (const i of changedInfos) if (i.account) accounts.add(i.account);
  // As in affectedScopeExact; a document that holds none of the ids as a token names none of them.
  const changedIds = new Set<string>(changedInfos.flatMap((i) => i.declares));
  for (let fresh = [...changedIds]; fresh.length; ) {
    const candidates = index.candidates(fresh);
    fresh = [];
    for (const k of candidates) {
      const i = info(k);
      if (i.kind === 'person' && i.reportsTo && changedIds.has(i.reportsTo)) for (const id of i.declares) if (!changedIds.has(id)) { changedIds.add(id); fresh.push(id); }
    }
  }
  for (const k of index.candidates(changedIds)) {
    const i = info(k);
    if (i.account !== undefined && [...i.declares, ...i.references].some((id) => changedIds.has(id))) accounts.add(i.account);
  }
  // Every account plan: the documents that may be one, parsed.
  const accountPlans = () => docs.map((_, k) => k).filter((k) => index.maybeAccountPlan(k) && info(k).kind === 'account');
  if (changedInfos.some((i) => i.kind === 'account')) {
    const declaredAccounts0 = new Set(accountPlans().flatMap((k) => info(k).declares));
    for (let k = 0; k < docs.length; k++) {
      if (index.isEmpty(k)) continue;
      // A document that is no account plan and whose `account:` the text shows declared adds nothing.
      if (!index.maybeAccountPlan(k)) {
        const shown = index.accountValue(k);
        if (shown !== undefined && declaredAccounts0.has(shown)) continue;
      }
      const i = info(k);
      if (i.account !== undefined && i.kind !== 'account' && !declaredAccounts0.has(i.account)) accounts.add(i.account);
    }
  }
  const ids = new Set<string>(accounts);
  for (const i of changedInfos) for (const id of [...i.declares, ...i.references]) ids.add(id);

  const mentions = (i: DocInfo) => [...i.declares, ...i.references, ...(i.account !== undefined ? [i.account] : [])];
  const searched = new Set<string>();
  const selected = new Set<number>(changedNow);
  for (;;) {
    const fresh = [...ids].filter((id) => !searched.has(id));
    for (const id of fresh) searched.add(id);
    if (fresh.length) {
      const wanted = new Set(fresh);
      for (const k of index.candidates(fresh)) if (!selected.has(k) && mentions(info(k)).some((id) => wanted.has(id))) selected.add(k);
    }
    const before = ids.size;
    for (const k of selected) {
      const i = info(k);
      const inFocus = changedPaths.has(docs[k].path) || (i.account !== undefined && accounts.has(i.account));
      if (inFocus) for (const id of [...i.declares, ...i.references]) ids.add(id);
      if (i.kind === 'person' && i.reportsTo && i.declares.some((id) => ids.has(id))) ids.add(i.reportsTo);
    }
    if (ids.size === before && fresh.length === 0) break;
  }

  const focus = new Set<string>(changedNow.map((k) => docs[k].path));
  for (const k of selected) {
    const i = info(k);
    if (i.account !== undefined && accounts.has(i.account)) focus.add(docs[k].path);
    if (focus.has(docs[k].path) && (i.kind === 'relationship-plan' || i.kind === 'org-portrait') && i.account === undefined) return everything('a changed document names no account');
  }
  const declaredAccounts = new Set([...selected].map(info).filter((i) => i.kind === 'account').flatMap((i) => i.declares));
  if ([...focus].some((p) => { const a = info(byPath.get(p)!).account; return a !== undefined && !declaredAccounts.has(a); })) {
    for (const k of accountPlans()) selected.add(k);
  }
  const paths = new Set([...selected].map((k) => docs[k].path));
  const files = all.filter((f) => f.path === CONFIG_FILE || paths.has(f.path));
  return { files, focus, accounts: [...accounts].sort(), full: false };
}
