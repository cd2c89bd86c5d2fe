/**
 * The check pipeline: files → documents → schema and document checks → workspace model →
 * reference findings → (later stages add rules) → severities from keyplan.yaml and suppressions.
 */
import { accountActivity, accountCadences, type AccountActivity, type PersonCadence } from '../analysis/cadence.js';
import type { KeyplanConfig } from '../parse/config.js';
import { today } from '../dates.js';
import { compareDiagnostics, type Diagnostic } from '../diagnostic.js';
import { documentChecks } from '../schema/document-checks.js';
import { KeyplanDocument, parseKeyplanDocument } from '../parse/document.js';
import { findFrontmatter, sniffKind, sniffValue } from '../parse/frontmatter.js';
import type { Locale } from '../i18n/catalogue.js';
import { isDocumentKind } from '../kinds.js';
import { encoding } from '../rules/format/encoding.js';
import { accountFindings, effectiveSeverity } from '../rules/index.js';
import { schemaDiagnostics, schemaSetFor, withoutInvalid } from '../schema/validate.js';
import { decodeText } from '../parse/text.js';
import { CONFIG_FILE, loadConfig } from './config.js';
import { firstCharacters, withoutBom, type SourceFile } from './source.js';
import { buildWorkspace, type Account, type UnreadableDocument, type Workspace } from '../model/workspace.js';

export interface SkippedFile {
  path: string;
  reason: 'binary' | 'not-utf8' | 'too-large' | 'unreadable';
  detail?: string;
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

export { CONFIG_FILE, loadConfig };
export type { SourceFile };

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface FileOutcome {
  document?: KeyplanDocument;
  /** A document that could not be read: its kind and id as far as a quick look could see. */
  unreadable?: UnreadableDocument;
  diagnostics: Diagnostic[];
  skipped?: SkippedFile;
}

/** Decodes, parses and validates one file on its own (the part of a check that can be cached per file). */
export function checkFile(file: SourceFile, config: KeyplanConfig, locale: Locale): FileOutcome {
  const size = typeof file.content === 'string' ? file.content.length : file.content.byteLength;
  if (size > MAX_FILE_BYTES) return { diagnostics: [], skipped: { path: file.path, reason: 'too-large', detail: `${size} bytes` } };
  let text = typeof file.content === 'string' ? withoutBom(file.content) : '';
  let nulWarning = false;
  if (typeof file.content !== 'string') {
    let decoded = decodeText(file.content);
    if (!decoded.ok) {
      // Only a file that would have been a Keyplan document deserves a finding; other files are skipped.
      const latin1 = Buffer.from(file.content.subarray(0, 4096)).toString('latin1');
      const span = findFrontmatter(latin1);
      const kind = span ? sniffKind(latin1.slice(span.yamlStart, span.yamlEnd)) : null;
      // A Keyplan document with a NUL byte is still read (as an editor would show it), with a warning.
      if (decoded.reason === 'binary' && isDocumentKind(kind)) {
        decoded = decodeText(file.content, true);
        nulWarning = decoded.ok;
      }
      if (!decoded.ok && decoded.reason === 'not-utf8' && isDocumentKind(kind)) {
        const finding = encoding.diagnostic({ file: file.path, range: firstCharacters(file.content) }, locale, 'not-utf8');
        const yaml = span ? latin1.slice(span.yamlStart, span.yamlEnd) : '';
        return { diagnostics: [finding], unreadable: { path: file.path, kind, id: sniffValue(yaml, 'id'), account: sniffValue(yaml, 'account'), reason: finding.message } };
      }
      if (!decoded.ok) return { diagnostics: [], skipped: { path: file.path, reason: decoded.reason } };
    }
    text = decoded.text;
  }
  const outcome = withNulWarning(parseKeyplanDocument(file.path, text, locale), nulWarning, file.path, locale);
  if (outcome.status === 'ignored') return { diagnostics: [] };
  if (outcome.status === 'unreadable') {
    const reason = (outcome.diagnostics.find((d) => d.severity === 'error') ?? outcome.diagnostics[0])?.message;
    return { diagnostics: outcome.diagnostics, unreadable: { path: file.path, kind: outcome.kind, id: outcome.id, account: outcome.account, reason } };
  }
  const parsed = outcome.document;
  const errors = schemaSetFor(config).validate(parsed.kind, parsed.data);
  const diagnostics = [...outcome.diagnostics, ...schemaDiagnostics(parsed, parsed.kind, errors, locale)];
  const doc = errors.length ? parsed.withData(withoutInvalid(parsed.data, errors)) : parsed;
  diagnostics.push(...documentChecks(doc, locale));
  return { document: doc, diagnostics };
}

/** Checks a whole workspace. `files` may include keyplan.yaml at the root. Never throws on bad input. */
export function checkWorkspace(files: SourceFile[], options: CheckOptions = {}): CheckResult {
  const checker = new IncrementalChecker(options.locale);
  for (const file of files) checker.set(file);
  return checker.check(options.asOf);
}

/**
 * Keeps each file's own result (parse, schema, document checks) until that file changes, and
 * re-runs only the cross-file stages (model, references, cadence, methodology) on every check.
 * The editor feeds it buffer and disk changes; the CLI fills it once.
 */
export class IncrementalChecker {
  private readonly files = new Map<string, { file: SourceFile; outcome?: FileOutcome }>();
  private configFile: SourceFile | undefined;
  private loaded?: ReturnType<typeof loadConfig>;
  /** Per-account cadence and methodology results, reused while none of the account's documents changed. */
  private readonly accountMemo = new Map<string, { key: string; cadences: PersonCadence[]; activity: AccountActivity; diagnostics: Diagnostic[] }>();

  constructor(private readonly localeOverride?: Locale) {}

  /** Adds or replaces a file (keyplan.yaml included). */
  set(file: SourceFile): void {
    if (file.path === CONFIG_FILE) {
      this.configFile = file;
      this.loaded = undefined;
      for (const entry of this.files.values()) entry.outcome = undefined; // the vocabulary may have changed
      return;
    }
    const previous = this.files.get(file.path);
    if (previous && sameContent(previous.file.content, file.content)) return;
    this.files.set(file.path, { file });
  }

  delete(path: string): void {
    if (path === CONFIG_FILE) this.set({ path, content: '' });
    else this.files.delete(path);
  }

  has(path: string): boolean {
    return this.files.has(path);
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
    this.accountMemo.set(account.id, { key, cadences, activity, diagnostics });
    return { cadences, activity, diagnostics };
  }

  check(asOfOption?: string): CheckResult {
    this.loaded ??= loadConfig(this.configFile, this.localeOverride);
    const { config, locale, diagnostics: configDiagnostics } = this.loaded;
    const all: Diagnostic[] = [...configDiagnostics];
    const documents: KeyplanDocument[] = [];
    const unreadable: UnreadableDocument[] = [];
    const skipped: SkippedFile[] = [];
    for (const entry of this.files.values()) {
      const outcome = (entry.outcome ??= checkFile(entry.file, config, locale));
      if (outcome.document) documents.push(outcome.document);
      if (outcome.unreadable) unreadable.push(outcome.unreadable);
      if (outcome.skipped) skipped.push(outcome.skipped);
      all.push(...outcome.diagnostics);
    }
    const built = buildWorkspace(documents, config, locale, unreadable);
    const ws = built.workspace;
    const asOf = asOfOption ?? today();
    all.push(...built.diagnostics);
    const cadences: PersonCadence[] = [];
    const activity: AccountActivity[] = [];
    const analysed = new Set<string>();
    for (const account of ws.accounts.values()) {
      const a = this.analyse(ws, account, asOf, locale);
      analysed.add(account.id);
      cadences.push(...a.cadences);
      activity.push(a.activity);
      all.push(...a.diagnostics);
    }
    for (const id of this.accountMemo.keys()) if (!analysed.has(id)) this.accountMemo.delete(id);
    const diagnostics = finalize(all, ws, config);
    unreadable.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { diagnostics, workspace: ws, config, locale, asOf, cadences, activity, documents, skipped, unreadable, filesRead: this.files.size };
  }
}

/**
 * What an account's analysis depends on: its documents (by serial), the people its plans name
 * (they may be filed elsewhere), the day and the language. The config is fixed per checker run.
 */
function accountKey(ws: Workspace, account: Account, asOf: string, locale: Locale): string {
  const serials = [account.doc, ...account.people.map((p) => p.doc), ...account.plans, ...account.logs].map((d) => d?.serial ?? 0);
  for (const plan of account.plans) {
    const contacts = (plan.data as { contacts?: { person?: unknown }[] }).contacts;
    if (Array.isArray(contacts)) for (const c of contacts) if (typeof c?.person === 'string') serials.push(ws.people.get(c.person)?.doc.serial ?? -1);
  }
  return `${asOf}|${locale}|${serials.join(',')}|${account.peopleNotSeen?.join(',') ?? ''}`;
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
function finalize(diagnostics: Diagnostic[], ws: Workspace, config: KeyplanConfig): Diagnostic[] {
  const byPath = new Map(ws.documents.map((d) => [d.path, d]));
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const doc = byPath.get(d.file);
    if (doc?.disabledRules.has(d.rule)) continue;
    const severity = effectiveSeverity(config, d.rule, d.severity, doc ? ws.tierOf(doc) : undefined);
    if (!severity) continue;
    out.push(severity === d.severity ? d : { ...d, severity });
  }
  return out.sort(compareDiagnostics);
}
