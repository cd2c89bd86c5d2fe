/**
 * The check pipeline: files → documents → schema and document checks → workspace model →
 * reference findings → (later stages add rules) → severities from keyplan.yaml and suppressions.
 */
import { accountActivity, accountCadences, type AccountActivity, type PersonCadence } from '../analysis/cadence.js';
import type { KeyplanConfig } from '../parse/config.js';
import { today } from '../dates.js';
import { compareDiagnostics, type Diagnostic } from '../diagnostic.js';
import { documentChecks } from '../schema/document-checks.js';
import { KeyplanDocument, memoisedParseOf, parseKeyplanDocument, type ParseMemo } from '../parse/document.js';
import { fullWidthLines } from '../parse/full-width.js';
import { findFrontmatter, mayDeclareKind, sniffKind, sniffValue } from '../parse/frontmatter.js';
import type { Locale } from '../i18n/catalogue.js';
import { isDocumentKind } from '../kinds.js';
import { encoding } from '../rules/format/encoding.js';
import { accountFindings, effectiveSeverity } from '../rules/index.js';
import { schemaDiagnostics, schemaSetFor, withoutInvalid } from '../schema/validate.js';
import { decodeText } from '../parse/text.js';
import { CONFIG_FILE, loadConfig } from './config.js';
import { OverlayMap } from './overlay-map.js';
import { firstCharacters, MAX_FILE_BYTES, withoutBom, type SourceFile } from './source.js';
import { accountHeading, compareAccounts, type AccountHeading } from '../model/account-heading.js';
import { buildWorkspace, documentReferences, mergedInteractions, releaseLogs, Workspace, type Account, type Person, type ReferenceContext, type UnreadableDocument } from '../model/workspace.js';

export interface SkippedFile {
  path: string;
  reason: 'binary' | 'not-utf8' | 'too-large' | 'unreadable';
  detail?: string;
  /** The file's size, for `too-large`. */
  bytes?: number;
}

export interface CheckOptions {
  locale?: Locale;
  /** "Today" as YYYY-MM-DD; cadence and date rules are computed for this day. Defaults to the local date. */
  asOf?: string;
}

export interface CheckResult {
  diagnostics: Diagnostic[];
  workspace: Workspace;
  config: KeyplanConfig;
  locale: Locale;
  asOf: string;
  cadences: PersonCadence[];
  activity: AccountActivity[];
  documents: KeyplanDocument[];
  skipped: SkippedFile[];
  /** Files meant as Keyplan documents that could not be read (left out of every view), by path. */
  unreadable: UnreadableDocument[];
  filesRead: number;
}

export { CONFIG_FILE, loadConfig, MAX_FILE_BYTES };
export type { SourceFile };


export interface FileOutcome {
  document?: KeyplanDocument;
  /** A document that could not be read: its kind and id as far as a quick look could see. */
  unreadable?: UnreadableDocument;
  diagnostics: Diagnostic[];
  skipped?: SkippedFile;
}

/**
 * Whether a file may be an account plan, from a look at its bytes: a superset of the files the
 * check reads as account plans (see `mayDeclareKind`).
 */
function mayBeAccountPlan(file: SourceFile): boolean {
  if (file.failure !== undefined || file.oversize !== undefined) return false;
  const content = file.content;
  // Latin-1 keeps every byte one character: `kind: account` is ASCII, whatever else the file holds.
  // (A UTF-8 byte order mark reads as three Latin-1 characters there.)
  const raw = typeof content === 'string' ? withoutBom(content) : Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('latin1');
  const text = raw.startsWith('\xEF\xBB\xBF') ? raw.slice(3) : raw;
  const span = findFrontmatter(text);
  if (!span) return false;
  return mayDeclareKind(text.slice(span.yamlStart, span.yamlEnd), 'account');
}

/**
 * What a quick look sees of a file that is not text (not UTF-8, or a NUL byte): its first 4 KiB as
 * Latin-1, the frontmatter there, and the kind, id and account written in it. A Keyplan document
 * that is not UTF-8 is known by these alone (other files' references to its id are not reported,
 * a person's account holds back the warnings on who is missing). `check/affected.ts` reads such a
 * file with this same look.
 */
export function undecodableLook(content: Uint8Array): { latin1: string; kind: string | null; id?: string; account?: string } {
  const latin1 = Buffer.from(content.subarray(0, 4096)).toString('latin1');
  const span = findFrontmatter(latin1);
  const yaml = span ? latin1.slice(span.yamlStart, span.yamlEnd) : '';
  return { latin1, kind: span ? sniffKind(yaml) : null, id: sniffValue(yaml, 'id'), account: sniffValue(yaml, 'account') };
}

/** Decodes, parses and validates one file on its own (the part of a check that can be cached per file). */
export function checkFile(file: SourceFile, config: KeyplanConfig, locale: Locale, parses?: ParseMemo): FileOutcome {
  if (file.failure !== undefined) return { diagnostics: [], skipped: { path: file.path, reason: 'unreadable', detail: file.failure } };
  const size = file.oversize ?? (typeof file.content === 'string' ? file.content.length : file.content.byteLength);
  if (size > MAX_FILE_BYTES) return { diagnostics: [], skipped: { path: file.path, reason: 'too-large', detail: `${size} bytes`, bytes: size } };
  let text = typeof file.content === 'string' ? withoutBom(file.content) : '';
  let nulWarning = false;
  let reread: (() => string) | undefined;
  if (typeof file.content !== 'string') {
    let decoded = decodeText(file.content);
    if (!decoded.ok) {
      // Only a file that would have been a Keyplan document deserves a finding; other files are skipped.
      const look = undecodableLook(file.content);
      const kind = look.kind;
      // A Keyplan document with a NUL byte is still read (as an editor would show it), with a warning.
      if (decoded.reason === 'binary' && isDocumentKind(kind)) {
        decoded = decodeText(file.content, true);
        nulWarning = decoded.ok;
      }
      if (!decoded.ok && decoded.reason === 'not-utf8' && isDocumentKind(kind)) {
        const finding = encoding.diagnostic({ file: file.path, range: firstCharacters(file.content) }, locale, 'not-utf8');
        return { diagnostics: [finding], unreadable: { path: file.path, kind, id: look.id, account: look.account, reason: finding.message } };
      }
      if (!decoded.ok) return { diagnostics: [], skipped: { path: file.path, reason: decoded.reason } };
    }
    text = decoded.text;
    reread = rereader(file.content, nulWarning, text.length);
  }
  const memoised = parses && typeof file.content === 'object' ? memoisedParseOf(parses, file.content, file.path, text, locale) : undefined;
  const outcome = withNulWarning(memoised ?? parseKeyplanDocument(file.path, text, locale, reread), nulWarning, file.path, locale);
  if (outcome.status === 'ignored') return { diagnostics: [] };
  if (outcome.status === 'unreadable') {
    const reason = (outcome.diagnostics.find((d) => d.severity === 'error') ?? outcome.diagnostics[0])?.message;
    return { diagnostics: outcome.diagnostics, unreadable: { path: file.path, kind: outcome.kind, id: outcome.id, account: outcome.account, reason } };
  }
  const parsed = outcome.document;
  const errors = schemaSetFor(config).validate(parsed.kind, parsed.data);
  // A value that full-width punctuation turned into text is said once, by the full-width finding.
  const fullWidthAt = fullWidthLines(outcome.diagnostics);
  const notFullWidth = (d: Diagnostic) => !fullWidthAt.has(d.range.start.line);
  const diagnostics = [...outcome.diagnostics, ...schemaDiagnostics(parsed, parsed.kind, errors, locale).filter(notFullWidth)];
  const doc = errors.length ? parsed.withData(withoutInvalid(parsed.data, errors)) : parsed;
  diagnostics.push(...documentChecks(doc, locale).filter(notFullWidth));
  // The file's own findings are placed: its text comes back from the bytes when another is.
  doc.releaseText();
  return { document: doc, diagnostics };
}

/** Decodes `bytes` again as they were decoded the first time (the same text, `length` UTF-16 units). */
function rereader(bytes: Uint8Array, allowNul: boolean, length: number): () => string {
  return () => {
    const again = decodeText(bytes, allowNul);
    // The checker's files are never changed in place; a caller that did would get wrong positions.
    if (!again.ok || again.text.length !== length) throw new Error("keyplan: a file's bytes changed after it was checked");
    return again.text;
  };
}

/** Checks a whole workspace. `files` may include keyplan.yaml at the root. Never throws on bad input. */
export function checkWorkspace(files: SourceFile[], options: CheckOptions & { findingsOnly?: boolean; parses?: ParseMemo } = {}): CheckResult {
  const checker = new IncrementalChecker(options.locale, true, options.findingsOnly, options.parses);
  for (const file of files) checker.set(file);
  return checker.check(options.asOf);
}

/**
 * Keeps each file's own result (parse, schema, document checks) until that file changes. The
 * cross-file stages (model, references, cadence, methodology) are re-run for the whole workspace
 * only when an edit may change them beyond what can be traced: a file added, deleted or becoming
 * unreadable, an `account:` or a kind changed, an id changed (other than a person's, to an id
 * nobody declares), a duplicate id or a reporting cycle involved or appearing, a tier changed, a
 * relationship plan edited, keyplan.yaml, the day or the language. Any other edit re-computes only
 * the edited documents' references (and, for a renamed person, those of the documents that can name
 * either id or suggest it), their accounts' interactions, cadence and methodology, and the accounts
 * whose plans or last interaction name an edited person (see `quickCheck`);
 * test/unit/incremental-differential.test.ts proves the result equals a full check. The editor
 * feeds it buffer and disk changes; the CLI fills it once.
 */
export class IncrementalChecker {
  private readonly files = new Map<string, { file: SourceFile; outcome?: FileOutcome }>();
  private configFile: SourceFile | undefined;
  private loaded?: ReturnType<typeof loadConfig>;
  /** Paths set since the last check; `structural` when a change needs the whole workspace again. */
  private dirty = new Set<string>();
  private structural = true;
  private last?: LastCheck;
  /** How many checks took each path (for tests and the bench; never for behaviour). */
  readonly stats = { quick: 0, full: 0 };
  /** Per-account cadence and methodology results, reused while none of the account's documents changed. */
  private readonly accountMemo = new Map<string, { key: string; cadences: PersonCadence[]; activity: AccountActivity; diagnostics: Diagnostic[] }>();

  /**
   * `once`: the checker is checked once (no quick checks follow, so their indexes are not built).
   * `findingsOnly` (with `once`): only the findings are wanted; each account's logs are read when
   * its turn comes and let go after it, with its documents' texts (the result's accounts then have
   * no interactions to give, and the result no cadences or activity).
   * `parses`: parses already made of some of the files (see `ParseMemo`).
   */
  constructor(private readonly localeOverride?: Locale, private readonly once = false, private readonly findingsOnly = false, private readonly parses?: ParseMemo) {}

  /** Adds or replaces a file (keyplan.yaml included). */
  set(file: SourceFile): void {
    if (file.path === CONFIG_FILE) {
      if (this.configFile && sameContent(this.configFile.content, file.content)) return;
      this.configFile = file;
      this.loaded = undefined;
      this.structural = true;
      for (const entry of this.files.values()) entry.outcome = undefined; // the vocabulary may have changed
      this.accountMemo.clear(); // and every setting an account's analysis reads (cadences, dark_after, onboarding_days, rules)
      return;
    }
    const previous = this.files.get(file.path);
    if (previous && previous.file.failure === file.failure && previous.file.oversize === file.oversize && sameContent(previous.file.content, file.content)) return;
    if (!previous) this.structural = true;
    this.dirty.add(file.path);
    this.files.set(file.path, { file });
  }

  delete(path: string): void {
    if (path === CONFIG_FILE) this.set({ path, content: '' });
    else if (this.files.delete(path)) this.structural = true;
  }

  /** Whether a file or keyplan.yaml changed since the last check (a check would see something new). */
  hasChanges(): boolean {
    return this.dirty.size > 0 || this.structural;
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  /** The paths of the files set (keyplan.yaml aside). */
  paths(): string[] {
    return [...this.files.keys()];
  }

  /**
   * Takes each file's own result (parse, schema, document checks) from another checker that
   * checked the same file with the same bytes, under the same keyplan.yaml bytes and in the same
   * language: the two revisions of a diff share most of their files. A file's own result depends
   * on nothing else (the editor's checker keeps it across checks for the same reason).
   */
  reuseFileResults(other: IncrementalChecker): void {
    const sameConfig = this.configFile === undefined ? other.configFile === undefined : other.configFile !== undefined && sameContent(this.configFile.content, other.configFile.content);
    if (!sameConfig) return;
    this.loaded ??= loadConfig(this.configFile, this.localeOverride);
    other.loaded ??= loadConfig(other.configFile, other.localeOverride);
    if (this.loaded.locale !== other.loaded.locale) return;
    for (const [path, entry] of this.files) {
      const theirs = other.files.get(path);
      if (entry.outcome || !theirs?.outcome) continue;
      const [a, b] = [entry.file, theirs.file];
      if (a.failure === b.failure && a.oversize === b.oversize && sameContent(a.content, b.content)) entry.outcome = theirs.outcome;
    }
  }

  /**
   * The accounts the account plans declare, before any check: the portfolio's rows while the first
   * check of a large workspace runs. Only files a quick look cannot rule out as account plans are
   * read (their outcomes are kept, so the check does not read them again); the account model is
   * the check's own, built from the plans alone. The check's result replaces these rows.
   */
  previewAccounts(): AccountHeading[] {
    this.loaded ??= loadConfig(this.configFile, this.localeOverride);
    const { config, locale } = this.loaded;
    const plans: KeyplanDocument[] = [];
    for (const entry of this.files.values()) {
      if (!entry.outcome && !mayBeAccountPlan(entry.file)) continue;
      const outcome = (entry.outcome ??= checkFile(entry.file, config, locale, this.parses));
      if (outcome.document?.kind === 'account') plans.push(outcome.document);
    }
    const { workspace } = buildWorkspace(plans, config, locale);
    return [...workspace.accounts.values()].filter((a) => a.doc).map(accountHeading).sort(compareAccounts);
  }

  /** Cadence, activity and methodology of one account, from the memo when nothing it depends on changed. */
  private analyse(ws: Workspace, account: Account, asOf: string, locale: Locale): { cadences: PersonCadence[]; activity: AccountActivity; diagnostics: Diagnostic[] } {
    const key = accountKey(ws, account, asOf, locale);
    const memo = this.accountMemo.get(account.id);
    if (memo?.key === key) {
      // Same documents, new model objects: point the reused results at this check's objects.
      const people = new Map(account.people.map((p) => [p.id, p]));
      return {
        cadences: memo.cadences.map((c) => ({ ...c, account, person: people.get(c.person.id) ?? c.person })),
        activity: { ...memo.activity, account },
        diagnostics: memo.diagnostics,
      };
    }
    const cadences = accountCadences(ws, account, asOf, locale);
    const activity = accountActivity(ws, account, asOf);
    const diagnostics = accountFindings({ ws, account, asOf, locale, cadences, activity });
    if (!this.once) this.accountMemo.set(account.id, { key, cadences, activity, diagnostics });
    return { cadences, activity, diagnostics };
  }

  check(asOfOption?: string): CheckResult {
    const asOf = asOfOption ?? today();
    const quick = !this.structural && this.last && this.last.result.asOf === asOf ? this.quickCheck(this.last) : undefined;
    this.dirty.clear();
    this.structural = false;
    if (quick) {
      this.stats.quick++;
      return quick;
    }
    this.stats.full++;
    return this.fullCheck(asOf);
  }

  private fullCheck(asOf: string): CheckResult {
    this.loaded ??= loadConfig(this.configFile, this.localeOverride);
    const { config, locale, diagnostics: configDiagnostics } = this.loaded;
    const all: Diagnostic[] = [...configDiagnostics];
    const documents: KeyplanDocument[] = [];
    const unreadable: UnreadableDocument[] = [];
    const skipped: SkippedFile[] = [];
    for (const entry of this.files.values()) {
      const outcome = (entry.outcome ??= checkFile(entry.file, config, locale, this.parses));
      if (outcome.document) documents.push(outcome.document);
      if (outcome.unreadable) unreadable.push(outcome.unreadable);
      if (outcome.skipped) skipped.push(outcome.skipped);
      all.push(...outcome.diagnostics);
    }
    const lean = this.once && this.findingsOnly;
    const built = buildWorkspace(documents, config, locale, unreadable, { logsLater: lean });
    const ws = built.workspace;
    all.push(...built.diagnostics);
    const cadences: PersonCadence[] = [];
    const activity: AccountActivity[] = [];
    const analyses = new Map<string, Analysis>();
    for (const account of ws.accounts.values()) {
      if (built.readLogs) all.push(...built.readLogs(account));
      const a = this.analyse(ws, account, asOf, locale);
      all.push(...a.diagnostics);
      if (lean) {
        releaseLogs(account);
        continue;
      }
      analyses.set(account.id, a);
      cadences.push(...a.cadences);
      activity.push(a.activity);
    }
    for (const id of this.accountMemo.keys()) if (!analyses.has(id)) this.accountMemo.delete(id);
    const diagnostics = finalize(all, ws, config);
    unreadable.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const result: CheckResult = { diagnostics, workspace: ws, config, locale, asOf, cadences, activity, documents, skipped, unreadable, filesRead: this.files.size };
    if (lean) {
      // Not kept (each cadence holds its last interaction, and with it the whole log's text): asking
      // for them is a programming error and says so, rather than answer with none.
      for (const key of ['cadences', 'activity'] as const) {
        Object.defineProperty(result, key, {
          get: () => {
            throw new Error(`the ${key} of a check for findings only are not kept`);
          },
          enumerable: false,
        });
      }
    }
    // The indexes a quick check starts from (not built for a checker that checks once, as the CLI's).
    this.last = this.once ? undefined : remember(result, built.diagnostics, built.references, analyses);
    return result;
  }

  /**
   * Re-checks only what the edited files can change, or returns undefined when an edit may reach
   * beyond that (then the caller runs the full check). Conservative on purpose: every condition
   * that is not proven local sends the check down the full path.
   */
  private quickCheck(last: LastCheck): CheckResult | undefined {
    const { config, locale } = this.loaded!;
    const prevWs = last.result.workspace;
    const changed: { path: string; before: KeyplanDocument; after: KeyplanDocument; outcome: FileOutcome }[] = [];
    /** Person ids renamed in this check: old id → new id. */
    const renamed = new Map<string, string>();
    for (const path of this.dirty) {
      const entry = this.files.get(path);
      const before = last.byPath.get(path);
      if (!entry || !before) return undefined;
      const outcome = (entry.outcome ??= checkFile(entry.file, config, locale, this.parses));
      const after = outcome.document;
      if (!after || outcome.unreadable || outcome.skipped || before.kind !== after.kind || !sameValue(before.data.account, after.data.account)) return undefined;
      if (!sameValue(before.data.id, after.data.id)) {
        // A person's new id: only when nobody else declares it, so no duplicate appears or goes.
        const from = before.data.id;
        const to = after.data.id;
        if (before.kind !== 'person' || typeof from !== 'string' || typeof to !== 'string' || !from || !to) return undefined;
        if (prevWs.people.get(from)?.doc !== before || prevWs.people.has(to) || last.references.duplicatedPeople.has(from)) return undefined;
        // References to an id an unreadable file declares are not reported, so they cannot be found.
        if (last.references.unseenPeople.has(to)) return undefined;
        if ([...renamed.values()].includes(to)) return undefined;
        renamed.set(from, to);
      }
      // Whole-workspace findings (duplicate ids, reporting cycles) are not re-located here.
      if (last.model.get(path)?.some(isWholeWorkspace)) return undefined;
      if (before.kind === 'account' && before.data.tier !== after.data.tier) return undefined;
      if (before.kind === 'relationship-plan') return undefined; // its contacts may name people anywhere
      changed.push({ path, before, after, outcome });
    }
    if (!changed.length) return last.result;

    // The new model: the previous one with the edited documents swapped in; untouched accounts are shared.
    const replaced = new Map(changed.map((c) => [c.before, c.after]));
    const swap = (d: KeyplanDocument) => replaced.get(d) ?? d;
    const documents = last.result.documents.slice();
    for (const c of changed) documents[last.documentIndex.get(c.path)!] = c.after;
    // Each edited person under its (maybe new) id, in its old place: people are keyed in the order of
    // the documents that declare them, and the document keeps its place.
    const edited = new Map<KeyplanDocument, Person>();
    const people = new Map<string, [string, Person]>();
    for (const c of changed) {
      if (c.before.kind !== 'person') continue;
      const p = prevWs.people.get(String(c.before.data.id));
      if (p?.doc !== c.before) return undefined;
      const q: Person = { id: String(c.after.data.id), account: p.account, data: c.after.data as unknown as Person['data'], doc: c.after };
      edited.set(c.before, q);
      people.set(p.id, [q.id, q]);
    }
    const touched = new Set<string>();
    for (const c of changed) {
      const id = prevWs.accountIdOf(c.before);
      if (id === undefined || !prevWs.accounts.has(id)) return undefined;
      touched.add(id);
    }
    const accounts = new Map<string, [string, Account]>();
    for (const id of touched) {
      const a = prevWs.accounts.get(id)!;
      const account: Account = { ...a, people: a.people.map((p) => edited.get(p.doc) ?? p), portraits: a.portraits.map(swap), plans: a.plans.map(swap), logs: a.logs.map(swap) };
      if (a.doc && replaced.has(a.doc)) {
        account.doc = swap(a.doc);
        account.data = account.doc.data as unknown as Account['data'];
      }
      if (account.logs.some((d, i) => d !== a.logs[i])) account.interactions = mergedInteractions(account, config);
      accounts.set(id, [id, account]);
    }
    // The previous check's maps with these entries swapped, not copies: an edit costs the same at 10k documents as at 1k.
    const ws = new Workspace(documents, config, { accounts: OverlayMap.swap(prevWs.accounts, accounts), people: OverlayMap.swap(prevWs.people, people) });
    // No reporting cycle appears: one that did would run through an edited person (the others' lines
    // and ids are unchanged), and one that went had an edited member, which carried the finding.
    for (const p of edited.values()) if (closesCycle(ws, p.id)) return undefined;

    // Model findings: the edited documents' own. Every other document's are unchanged (same ids, same
    // accounts) unless a person was renamed: then those of every document that can name either id or
    // whose "did you mean" reads the renamed person's account. These are the account's own documents;
    // elsewhere a person reference always has a finding (unknown, or in another account: buildWorkspace
    // reports both, the exceptions, duplicated and unreadable ids, took the full path above), so the
    // findings index them; and documents without an account, whose references read every person.
    const references: ReferenceContext = { ...last.references, ws };
    const model = new Map(changed.map((c) => [c.path, documentReferences(c.after, references)]));
    if (renamed.size) {
      const again = new Set(last.accountless);
      for (const [from, to] of renamed) {
        const account = ws.accounts.get(prevWs.people.get(from)!.account)!;
        for (const d of [...account.people.map((p) => p.doc), ...account.portraits, ...account.plans, ...account.logs]) again.add(d.path);
        for (const id of [from, to]) for (const path of last.named.get(id) ?? []) again.add(path);
      }
      for (const path of again) {
        if (model.has(path)) continue;
        const doc = last.byPath.get(path)!;
        // Its duplicate-id and cycle findings stay, where buildWorkspace puts them: before and after these.
        const kept = last.model.get(path) ?? [];
        model.set(path, [...kept.filter((d) => d.rule === 'duplicate-id'), ...documentReferences(doc, references), ...kept.filter((d) => d.rule === 'reports-to-cycle')]);
      }
    }

    // Analysis: the touched accounts, and those whose analysis names an edited person (by either id):
    // plans listing them (stage-target-missing) and last interactions mentioning them (account-dark).
    const reanalyse = new Set(touched);
    for (const c of changed) {
      if (c.after.kind !== 'person') continue;
      for (const id of [String(c.before.data.id), String(c.after.data.id)]) {
        for (const a of last.contactAccounts.get(id) ?? []) reanalyse.add(a);
        for (const a of last.lastMentions.get(id) ?? []) reanalyse.add(a);
      }
    }
    for (const id of reanalyse) if (!ws.accounts.has(id)) return undefined;
    const analyses = new Map<string, Analysis>();
    const files = new Set(model.keys());
    for (const id of reanalyse) {
      for (const d of last.analyses.get(id)?.diagnostics ?? []) files.add(d.file);
      const a = this.analyse(ws, ws.accounts.get(id)!, last.result.asOf, locale);
      analyses.set(id, a);
      for (const d of a.diagnostics) {
        files.add(d.file);
        let set = last.fileAccounts.get(d.file);
        if (!set) last.fileAccounts.set(d.file, (set = new Set()));
        set.add(id);
      }
    }

    // From here on nothing falls back to the full check: the kept state is updated in place.
    for (const [path, list] of model) setModel(last, path, list);
    for (const [id, a] of analyses) {
      last.analyses.set(id, a);
      for (const p of a.activity.last?.people ?? []) addTo(last.lastMentions, p, id);
    }
    for (const c of changed) last.byPath.set(c.path, c.after);
    last.references = references;

    // Findings: re-finalize the files whose findings may have changed; the rest are kept. Within a
    // file, the order a full check collects them in: the file's own, the model's, then by account.
    const outcomes = new Map(changed.map((c) => [c.path, c.outcome]));
    const byFile = new Map<string, Diagnostic[]>();
    for (const file of files) {
      const raw: Diagnostic[] = [];
      raw.push(...(outcomes.get(file) ?? (file === CONFIG_FILE ? undefined : this.files.get(file)?.outcome))?.diagnostics ?? []);
      if (file === CONFIG_FILE) raw.push(...this.loaded!.diagnostics);
      raw.push(...(last.model.get(file) ?? []));
      const contributors = [...(last.fileAccounts.get(file) ?? [])].sort((a, b) => last.accountOrder.get(a)! - last.accountOrder.get(b)!);
      for (const id of contributors) for (const d of last.analyses.get(id)?.diagnostics ?? []) if (d.file === file) raw.push(d);
      byFile.set(file, finalize(raw, ws, config, ws.documents[last.documentIndex.get(file) ?? -1]));
    }
    // compareDiagnostics orders by file first, cadences and activity come by account: the previous
    // lists with these files' and accounts' parts replaced.
    const diagnostics = replaceRuns(last.result.diagnostics, byFile, (d, file) => compareText(d.file, file), compareText);
    const order = (id: string) => last.accountOrder.get(id)!;
    const cadences = replaceRuns(last.result.cadences, new Map([...analyses].map(([id, a]) => [order(id), a.cadences])), (c, n) => order(c.account.id) - n, (a, b) => a - b);
    const activity = last.result.activity.slice();
    for (const [id, a] of analyses) activity[order(id)] = a.activity;
    const result: CheckResult = { ...last.result, diagnostics, workspace: ws, cadences, activity, documents, filesRead: this.files.size };
    last.result = result;
    return result;
  }
}

type Analysis = { cadences: PersonCadence[]; activity: AccountActivity; diagnostics: Diagnostic[] };

/** What a quick check starts from: the last result and its parts, by file and by account. */
interface LastCheck {
  result: CheckResult;
  byPath: Map<string, KeyplanDocument>;
  documentIndex: Map<string, number>;
  /** Model findings by file, in the order the model produced them. */
  model: Map<string, Diagnostic[]>;
  references: ReferenceContext;
  analyses: Map<string, Analysis>;
  /** File → accounts whose analysis reported on it (a superset: kept across quick checks). */
  fileAccounts: Map<string, Set<string>>;
  /** Account id → its place in the model's account order. */
  accountOrder: Map<string, number>;
  /** Person id → accounts whose relationship plans name that person. */
  contactAccounts: Map<string, Set<string>>;
  /** Person id → accounts whose last interaction mentions them (a superset: kept across quick checks). */
  lastMentions: Map<string, Set<string>>;
  /** Person id → documents whose model findings name it: unknown, or of another account. */
  named: Map<string, Set<string>>;
  /** Relationship plans and org portraits without an account: their references read every person. */
  accountless: Set<string>;
}

function remember(result: CheckResult, modelDiagnostics: Diagnostic[], references: ReferenceContext, analyses: Map<string, Analysis>): LastCheck {
  const byPath = new Map(result.documents.map((d) => [d.path, d]));
  const documentIndex = new Map(result.documents.map((d, i) => [d.path, i]));
  const model = new Map<string, Diagnostic[]>();
  for (const d of modelDiagnostics) {
    const list = model.get(d.file);
    if (list) list.push(d);
    else model.set(d.file, [d]);
  }
  const contactAccounts = new Map<string, Set<string>>();
  for (const account of result.workspace.accounts.values()) {
    for (const plan of account.plans) {
      const contacts = (plan.data as { contacts?: { person?: unknown }[] }).contacts;
      if (!Array.isArray(contacts)) continue;
      for (const c of contacts) if (typeof c?.person === 'string') addTo(contactAccounts, c.person, account.id);
    }
  }
  const fileAccounts = new Map<string, Set<string>>();
  const lastMentions = new Map<string, Set<string>>();
  for (const [id, a] of analyses) {
    for (const d of a.diagnostics) addTo(fileAccounts, d.file, id);
    for (const p of a.activity.last?.people ?? []) addTo(lastMentions, p, id);
  }
  const accountOrder = new Map([...result.workspace.accounts.keys()].map((id, i) => [id, i]));
  const accountless = new Set<string>();
  for (const d of result.documents) if ((d.kind === 'relationship-plan' || d.kind === 'org-portrait') && !(typeof d.data.account === 'string' && d.data.account)) accountless.add(d.path);
  const last: LastCheck = {
    result, byPath, documentIndex, model: new Map(), references, analyses, contactAccounts, lastMentions, named: new Map(), accountless, fileAccounts, accountOrder,
  };
  for (const [path, list] of model) setModel(last, path, list);
  return last;
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

const isWholeWorkspace = (d: Diagnostic) => d.rule === 'duplicate-id' || d.rule === 'reports-to-cycle';

/** Sets a file's model findings, keeping the index of the people they name in step. */
function setModel(last: LastCheck, path: string, list: Diagnostic[]): void {
  for (const id of namedPeople(last.model.get(path) ?? [])) last.named.get(id)?.delete(path);
  for (const id of namedPeople(list)) addTo(last.named, id, path);
  last.model.set(path, list);
}

/** The person ids of unknown-reference and cross-account-reference findings. */
function namedPeople(list: Diagnostic[]): string[] {
  const out: string[] = [];
  for (const d of list) {
    const data = d.data as { reference?: unknown; id?: unknown } | undefined;
    if ((d.rule === 'unknown-reference' || d.rule === 'cross-account-reference') && data?.reference === 'person' && typeof data.id === 'string') out.push(data.id);
  }
  return out;
}

/** Whether following `reports_to` from person `id` leads back to them (buildWorkspace's cycles). */
function closesCycle(ws: Workspace, id: string): boolean {
  const seen = new Set<string>();
  for (let current = id; ; ) {
    const next: unknown = ws.people.get(current)?.data.reports_to;
    if (typeof next !== 'string' || next === current || !ws.people.has(next)) return false;
    if (next === id) return true;
    if (seen.has(next)) return false;
    seen.add(next);
    current = next;
  }
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `list`, sorted by key, with the items under each key of `runs` replaced by the run (or inserted
 * in their place): the slices between are copied, not walked.
 */
function replaceRuns<T, K>(list: readonly T[], runs: Map<K, T[]>, compare: (item: T, key: K) => number, order: (a: K, b: K) => number): T[] {
  const pieces: T[][] = [];
  let at = 0;
  for (const key of [...runs.keys()].sort(order)) {
    const start = firstNotBefore(list, at, (x) => compare(x, key) < 0);
    const end = firstNotBefore(list, start, (x) => compare(x, key) <= 0);
    pieces.push(list.slice(at, start), runs.get(key)!);
    at = end;
  }
  pieces.push(list.slice(at));
  return ([] as T[]).concat(...pieces);
}

/** The first index from `from` whose item is not `before` (which holds for a prefix of the list). */
function firstNotBefore<T>(list: readonly T[], from: number, before: (item: T) => boolean): number {
  let lo = from;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(list[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * What an account's analysis depends on: its documents (by serial), the people its plans name and
 * its last interaction mentions (they may be filed elsewhere: stage-target-missing and account-dark
 * show their names), the day and the language. The config is fixed per checker run.
 */
function accountKey(ws: Workspace, account: Account, asOf: string, locale: Locale): string {
  const serials = [account.doc, ...account.people.map((p) => p.doc), ...account.plans, ...account.logs].map((d) => d?.serial ?? 0);
  const named: number[] = [];
  for (const plan of account.plans) {
    const contacts = (plan.data as { contacts?: { person?: unknown }[] }).contacts;
    if (Array.isArray(contacts)) for (const c of contacts) if (typeof c?.person === 'string') named.push(ws.people.get(c.person)?.doc.serial ?? -1);
  }
  const lastSeen = account.interactions.find((i) => i.date <= asOf);
  for (const id of lastSeen?.people ?? []) named.push(ws.people.get(id)?.doc.serial ?? -1);
  return `${asOf}|${locale}|${serials.join(',')}|${named.join(',')}|${account.peopleNotSeen?.join(',') ?? ''}`;
}

/** Adds the NUL-byte warning to a document's own findings. */
function withNulWarning(outcome: ReturnType<typeof parseKeyplanDocument>, nul: boolean, path: string, locale: Locale): ReturnType<typeof parseKeyplanDocument> {
  if (!nul || outcome.status === 'ignored') return outcome;
  // On the opening `---` fence, which every Keyplan document starts with.
  const fence = { start: { line: 1, column: 1 }, end: { line: 1, column: 4 } };
  const warning = encoding.diagnostic({ file: path, range: fence }, locale, 'nul', {}, undefined, 'warning');
  return { ...outcome, diagnostics: [warning, ...outcome.diagnostics] };
}

function sameContent(a: Uint8Array | string, b: Uint8Array | string): boolean {
  if (typeof a === 'string' || typeof b === 'string') return typeof a === typeof b && a === b;
  return a.byteLength === b.byteLength && Buffer.compare(a, b) === 0;
}

/** Applies suppressions and configured severities, then sorts. */
function finalize(diagnostics: Diagnostic[], ws: Workspace, config: KeyplanConfig, only?: KeyplanDocument): Diagnostic[] {
  const byPath = only ? undefined : new Map(ws.documents.map((d) => [d.path, d]));
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const doc = byPath ? byPath.get(d.file) : only?.path === d.file ? only : undefined;
    if (doc?.disabledRules.has(d.rule)) continue;
    const severity = effectiveSeverity(config, d.rule, d.severity, doc ? ws.tierOf(doc) : undefined);
    if (!severity) continue;
    out.push(severity === d.severity ? d : { ...d, severity });
  }
  return out.sort(compareDiagnostics);
}
