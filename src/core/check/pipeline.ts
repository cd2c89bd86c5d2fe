/**
 * The check pipeline: files → documents → schema and document checks → workspace model →
 * reference findings → (later stages add rules) → severities from keyplan.yaml and suppressions.
 */
import { accountActivity, accountCadences, type AccountActivity, type PersonCadence } from '../analysis/cadence.js';
import { resolveConfig, TIERS, type KeyplanConfig, type Tier } from '../parse/config.js';
import { today } from '../dates.js';
import { compareDiagnostics, type Diagnostic } from '../diagnostic.js';
import { documentChecks } from '../schema/document-checks.js';
import { KeyplanDocument, parseKeyplanDocument, readYaml, YamlFile } from '../parse/document.js';
import { findFrontmatter, sniffKind } from '../parse/frontmatter.js';
import { isLocale, normalizeLocale, t, type Locale } from '../i18n/catalogue.js';
import { isDocumentKind } from '../kinds.js';
import { encoding } from '../rules/format/encoding.js';
import { accountFindings, effectiveSeverity, ruleInfo } from '../rules/index.js';
import { schema } from '../rules/format/schema.js';
import { branchErrors, schemaDiagnostics, schemaSetFor, withoutInvalid } from '../schema/validate.js';
import { decodeText } from '../parse/text.js';
import { buildWorkspace, type Account, type UnreadableDocument, type Workspace } from '../model/workspace.js';

export interface SourceFile {
  /** Workspace-relative path with forward slashes. */
  path: string;
  content: Uint8Array | string;
}

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

export const CONFIG_FILE = 'keyplan.yaml';

/**
 * Reads keyplan.yaml (if any) into a resolved config plus its own findings. The locale is the
 * caller's choice, else the file's `locale:`, else English.
 *
 * Degrades per value, never per file: a value that fails the schema (or a cadence whose `max` is
 * below its `ideal`) is reported at its place, with what is used instead, and only that value falls
 * back. A file that cannot be read at all (not UTF-8, a YAML syntax error, not a group of settings)
 * is an error finding, and `config.unreadable` says so to the commands that print no findings.
 */
export function loadConfig(file: SourceFile | undefined, localeOverride?: Locale): { config: KeyplanConfig; locale: Locale; diagnostics: Diagnostic[] } {
  const builtIn = (locale: Locale, diagnostics: Diagnostic[] = [], unreadable?: KeyplanConfig['unreadable']) => {
    const config = resolveConfig(undefined);
    if (unreadable) {
      config.unreadable = unreadable;
      const note = t(locale, 'config.unreadable');
      diagnostics = diagnostics.map((d) => (d.severity === 'error' ? { ...d, message: d.message + note } : d));
    }
    return { config, locale, diagnostics };
  };
  const fileLocale = localeOverride ?? 'en';
  if (!file) return builtIn(fileLocale);
  const decoded = typeof file.content === 'string' ? { ok: true as const, text: withoutBom(file.content) } : decodeText(file.content);
  if (!decoded.ok) return builtIn(fileLocale, [encoding.diagnostic({ file: file.path, range: FIRST_CHARACTERS }, fileLocale, 'not-utf8')], 'not-utf8');
  const text = decoded.text;
  const source = new YamlFile(file.path, text, { yamlStart: 0, yamlEnd: text.length, bodyStart: text.length, closed: true });
  const read = readYaml(file.path, text, 0, text.length, source.lines, fileLocale);
  if (!read.ok) return builtIn(fileLocale, read.diagnostics, 'yaml');
  const data = read.data;
  if (data === null || data === undefined) return builtIn(fileLocale); // an empty keyplan.yaml: nothing set
  if (typeof data !== 'object' || Array.isArray(data)) {
    const foundType = Array.isArray(data) ? 'array' : typeof data === 'number' || typeof data === 'boolean' ? typeof data : 'string';
    const d = source.diagnostic(schema, 'config-not-mapping', source.locate([], 'value'), fileLocale, { foundType, found: String(data).slice(0, 40) });
    return builtIn(fileLocale, [d], 'not-mapping');
  }
  const record = data as Record<string, unknown>;
  const locale = localeOverride ?? normalizeLocale(isLocale(record.locale) ? record.locale : 'en');
  // The roles the file itself adds are valid keys of its cadence table.
  const extraRoles = Array.isArray(record.roles) ? record.roles.filter((r): r is string => typeof r === 'string') : [];
  const defaults = resolveConfig(undefined);
  const errors = branchErrors(schemaSetFor({ channels: defaults.channels, roles: [...new Set([...defaults.roles, ...extraRoles])] }).validate('config', data));
  const diagnostics = schemaDiagnostics(source, 'keyplan.yaml', errors, locale);
  const kept = withoutInvalid(record, errors);
  // A cadence whose maximum is below its ideal is reported as it is in a person file, and not used.
  const cadence = kept.cadence as Record<string, Record<string, { ideal?: unknown; max?: unknown }> | undefined> | undefined;
  for (const tier of TIERS) {
    for (const [role, c] of Object.entries(cadence?.[tier] ?? {})) {
      if (c && typeof c.ideal === 'number' && typeof c.max === 'number' && c.max < c.ideal) {
        const at = ['cadence', tier, role, 'max'];
        diagnostics.push(source.diagnostic(schema, 'max-below-ideal', source.locate(at, 'value'), locale, { ideal: c.ideal, max: c.max }, { path: at }));
        delete cadence![tier]![role];
      }
    }
  }
  const config = resolveConfig(kept);
  return { config, locale, diagnostics: diagnostics.map((d) => withFallback(d, config, locale)) };
}

/** Appends to a keyplan.yaml finding what is used instead of the value it is about. */
function withFallback(d: Diagnostic, config: KeyplanConfig, locale: Locale): Diagnostic {
  const path = (d.data?.path as (string | number)[] | undefined) ?? [];
  return { ...d, message: d.message + fallbackText(path, config, locale) };
}

function fallbackText(path: (string | number)[], config: KeyplanConfig, locale: Locale): string {
  const [top, a, b] = path;
  const builtIn = resolveConfig(undefined);
  switch (top) {
    case 'rules': {
      const rule = ruleInfo(String(a ?? ''));
      if (a === undefined) return t(locale, 'config.fallback.ignored');
      if (!rule) return t(locale, 'config.fallback.ignored');
      const severity = rule.severity;
      if (typeof b === 'string' && (TIERS as readonly string[]).includes(b)) {
        const s = typeof severity === 'string' ? severity : severity[b as Tier];
        return t(locale, 'config.fallback.rule-tier', { tier: b, severity: s });
      }
      if (b !== undefined) return t(locale, 'config.fallback.ignored');
      const shown = typeof severity === 'string' ? severity : TIERS.map((tier) => `${tier}: ${severity[tier]}`).join(', ');
      return t(locale, 'config.fallback.rule', { rule: rule.id, severity: shown });
    }
    case 'cadence': {
      if (typeof a !== 'string' || !(TIERS as readonly string[]).includes(a) || typeof b !== 'string') return t(locale, 'config.fallback.ignored');
      const tier = a as Tier;
      const own = config.cadence[tier][b];
      const used = own ?? config.cadence[tier].default ?? builtIn.cadence[tier].default;
      const source = own && !config.cadenceFromFile.has(`${tier}.${b}`) ? t(locale, 'config.fallback.cadence.built-in') : t(locale, 'config.fallback.cadence.tier-default', { tier });
      return t(locale, 'config.fallback.cadence', { source, key: `${tier}.${b}`, ideal: used.ideal, max: used.max });
    }
    case 'dark_after':
      return t(locale, 'config.fallback.dark-after', { days: config.darkAfter });
    case 'health':
      return typeof b === 'string' && b in builtIn.healthWeights
        ? t(locale, 'config.fallback.weight', { weight: config.healthWeights[b as keyof KeyplanConfig['healthWeights']] })
        : t(locale, 'config.fallback.ignored');
    case 'locale':
      return t(locale, 'config.fallback.locale');
    case 'channels':
      return typeof a === 'number' ? t(locale, 'config.fallback.item') : t(locale, 'config.fallback.channels');
    case 'roles':
    case 'exclude':
      return typeof a === 'number' ? t(locale, 'config.fallback.item') : t(locale, 'config.fallback.ignored');
    default:
      return t(locale, 'config.fallback.ignored');
  }
}

/** Above this size a Markdown file is not read (plans are small; this guards the editor and CI). */
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
        const finding = encoding.diagnostic({ file: file.path, range: FIRST_CHARACTERS }, locale, 'not-utf8');
        const id = span ? /^id[ \t]*:[ \t]*["']?([a-z0-9-]+)/m.exec(latin1.slice(span.yamlStart, span.yamlEnd))?.[1] : undefined;
        return { diagnostics: [finding], unreadable: { path: file.path, kind, id, reason: finding.message } };
      }
      if (!decoded.ok) return { diagnostics: [], skipped: { path: file.path, reason: decoded.reason } };
    }
    text = decoded.text;
  }
  const outcome = withNulWarning(parseKeyplanDocument(file.path, text, locale), nulWarning, file.path, locale);
  if (outcome.status === 'ignored') return { diagnostics: [] };
  if (outcome.status === 'unreadable') {
    const reason = (outcome.diagnostics.find((d) => d.severity === 'error') ?? outcome.diagnostics[0])?.message;
    return { diagnostics: outcome.diagnostics, unreadable: { path: file.path, kind: outcome.kind, id: outcome.id, reason } };
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
  return `${asOf}|${locale}|${serials.join(',')}`;
}

/** Where a finding about a whole file's bytes goes. */
const FIRST_CHARACTERS = { start: { line: 1, column: 1 }, end: { line: 1, column: 4 } };

/** Adds the NUL-byte warning to a document's own findings. */
function withNulWarning(outcome: ReturnType<typeof parseKeyplanDocument>, nul: boolean, path: string, locale: Locale): ReturnType<typeof parseKeyplanDocument> {
  if (!nul || outcome.status === 'ignored') return outcome;
  const warning = encoding.diagnostic({ file: path, range: FIRST_CHARACTERS }, locale, 'nul', {}, undefined, 'warning');
  return { ...outcome, diagnostics: [warning, ...outcome.diagnostics] };
}

/** Text given as a string (by an editor) may still start with a byte-order mark; positions never count it. */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
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
