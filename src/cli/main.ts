/** The `keyplan` command line: a thin adapter that reads files, calls the core and prints. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkWorkspace, type CheckResult } from '../core/check/pipeline.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { urgency } from '../core/analysis/cadence.js';
import { isValidDate } from '../core/dates.js';
import { normalizeLocale, type Locale } from '../core/i18n/catalogue.js';
import { buildReport } from '../core/report/report.js';
import { runMatrix } from './commands/matrix.js';
import { runDiff } from './commands/diff.js';
import { scopeChangedSince, type ChangedScope } from './changed-since.js';
import { UsageError } from './errors.js';
import { findRepo } from './git.js';
import { formatGithub } from './formats/github.js';
import { formatJunit } from './formats/junit.js';
import { formatSarif } from './formats/sarif.js';
import { subjectResolver } from '../core/diff/findings.js';
import { kindLookup, redactSensitive } from '../core/analysis/redact.js';
import { formatJson } from './formats/json.js';
import { formatOverdueJson, formatOverdueMarkdown, formatOverdueText, overdueRows } from './formats/overdue.js';
import { formatReportJson, formatReportMarkdown, formatReportText } from './formats/report.js';
import { formatText, summarize } from './formats/text.js';
import { styleFor } from './style.js';
import { forTerminal, terminalSafe, terminalSafeLine } from './terminal.js';
import { runExport } from './commands/export.js';
import { findWorkspaceRoot, loadWorkspaceFiles } from './walk.js';

export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  cwd: string;
  env: NodeJS.ProcessEnv;
}

const defaultIo = (): Io => ({ stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env });

const HELP = `Usage: keyplan <command> [paths...] [options]

Commands:
  check [paths...]     Validate Keyplan documents and report findings (the whole workspace is
                       read so cross-file rules are right; findings are shown for the given paths)
  overdue [paths...]   Contacts that are overdue, missed a planned interaction, were never met
                       or are due soon, most urgent first
  report [paths...]    Per account: health and its parts, temperatures, quadrants, findings
  diff [BASE [HEAD]] [paths...]
                       What changed in the relationship picture between two git revisions:
                       people, stances, roles, plans, interactions, health, findings
  export [account] [paths...]
                       A shareable account brief: plan, health, people, objectives, the
                       relationship plan's contacts; sensitive personal notes left out

Options:
  --as-of <date>       compute as of this day (YYYY-MM-DD); default: today
  --locale <l>         en or zh-cn (default: KEYPLAN_LOCALE, LANG, keyplan.yaml, en)
  --no-color           plain output

check:
  --format <f>         text (default), json, github (workflow annotations), sarif (SARIF 2.1.0)
                       or junit (JUnit XML)
  --changed-since <r>  check only what changed since git revision r, plus the rest of the
                       accounts it belongs to (the result equals a full check of those files)
  --quiet              show errors only
  --max-warnings <n>   exit 1 when there are more than n warnings
  --include-sensitive  github, sarif and junit: keep the details of findings about sensitive
                       personal fields (by default they only name the field)

overdue:
  --format <f>         text (default), json or markdown
  --owner <id>         only contacts this KAM owns in the plan, or whose account this KAM owns
  --tier <A|B|C>       only accounts of this tier
  --all                include contacts that are ok
  --explain            print each contact's explanation below the table

report:
  --format <f>         text (default), json or markdown

matrix <account> [paths...]   The influence–support matrix of one account
  --svg <file>         write it as a standalone SVG file (refuses to replace a file Keyplan
                       did not write, unless --force)
  --format <f>         text (default: the quadrants as a list) or svg (to stdout)
  --size-by <s>        temperature (default) or coverage

diff [BASE [HEAD]] [paths...] [-- paths...]
                       BASE: default the merge base of HEAD with origin/main (or main);
                       HEAD: default the working tree. Both are read from git, no checkout.
  --format <f>         text (default), markdown (a pull-request comment) or json
  --matrix-dir <dir>   also write each changed account's matrix before and after as SVG
                       into <dir> (markdown output embeds them; --force replaces files
                       Keyplan did not write)
  --include-sensitive  show changes of sensitive personal fields and findings about them in
                       full (by default: only "personal notes changed")

export [account] [paths...]
  --format <f>         markdown (default) or json
  --redact             leave sensitive personal notes out (the default)
  --include-sensitive  include them (for the account team only)
  --out <file>         write to a file instead of stdout (atomically; refuses to replace a file
                       Keyplan did not write, unless --force)

  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage or I/O error.
`;

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (!command || command === '-h' || command === '--help' || command === 'help') {
      io.stdout.write(HELP);
      return command ? 0 : 2;
    }
    if (command === '-v' || command === '--version') {
      io.stdout.write(`${version()}\n`);
      return 0;
    }
    if (command === 'check') return await checkCommand(rest, io);
    if (command === 'overdue') return await overdueCommand(rest, io);
    if (command === 'report') return await reportCommand(rest, io);
    if (command === 'matrix') return await matrixCommand(rest, io);
    if (command === 'diff') return await diffCommand(rest, io);
    if (command === 'export') return await exportCommand(rest, io);
    throw new UsageError(`unknown command '${command}'. Run 'keyplan --help'.`);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`keyplan: ${(err as Error).message}\n`);
      return 2;
    }
    throw err;
  }
}

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
    return pkg.version;
  } catch {
    return 'unknown';
  }
}

/** --locale, then KEYPLAN_LOCALE, then a Chinese or English LANG; otherwise keyplan.yaml decides. */
export function chooseLocale(flag: string | undefined, env: NodeJS.ProcessEnv): Locale | undefined {
  if (flag) {
    if (!/^(en|zh)/i.test(flag)) throw new UsageError(`unknown locale '${flag}' (use en or zh-cn)`);
    return normalizeLocale(flag);
  }
  for (const v of [env.KEYPLAN_LOCALE, env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    if (v && /^(en|zh)/i.test(v)) return normalizeLocale(v);
  }
  return undefined;
}

interface LoadedWorkspace {
  root: string;
  result: CheckResult;
  /** Workspace-relative paths (or folders, ending in /) the user asked about; empty = everything. */
  focus: string[];
  failed: { path: string; error: string }[];
  /** Files deleted between listing and reading, and other things not read: notes, not errors. */
  notes: string[];
  /** With --changed-since: the part of the workspace that was checked and is reported on. */
  scope?: ChangedScope;
}

/** Options every command takes. */
const COMMON_OPTIONS = {
  'as-of': { type: 'string' },
  locale: { type: 'string' },
  'no-color': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function parseAsOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isValidDate(value)) throw new UsageError(`--as-of takes a date as YYYY-MM-DD, not '${value}'`);
  return value;
}

function checkFormat(format: string | undefined, allowed: string[]): string {
  const f = format ?? 'text';
  if (!allowed.includes(f)) throw new UsageError(`unknown format '${f}' (use ${allowed.join(', ')})`);
  return f;
}

async function loadAndCheck(paths: string[], io: Io, locale: Locale | undefined, asOf?: string, changedSince?: string): Promise<LoadedWorkspace> {
  const targets = (paths.length ? paths : ['.']).map((p) => path.resolve(io.cwd, p));
  for (const t of targets) if (!existsSync(t)) throw new UsageError(`${path.relative(io.cwd, t) || t}: no such file or directory`);
  const root = findWorkspaceRoot(targets[0]);
  const focus: string[] = [];
  for (const t of targets) {
    const rel = path.relative(root, t).split(path.sep).join('/');
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new UsageError(`${path.relative(io.cwd, t)} is outside the workspace ${path.relative(io.cwd, root) || '.'}`);
    if (rel === '') continue;
    focus.push(existsSync(t) && !rel.endsWith('.md') ? `${rel}/` : rel);
  }
  const progress = io.stderr.isTTY ? (n: number) => { if (n % 500 === 0) io.stderr.write(`\rReading ${n} files…`); } : undefined;
  const { files, failed, vanished, notes: readNotes } = await loadWorkspaceFiles(root, { onFile: progress });
  const shown = (rel: string) => path.relative(io.cwd, path.join(root, rel)).split(path.sep).join('/');
  const notes = [...readNotes, ...vanished.map((f) => `${shown(f)} was deleted while the workspace was read; checked without it`)];
  if (progress && files.length >= 500) io.stderr.write('\r\u001b[K');
  const scope = changedSince === undefined ? undefined : scopeChangedSince(root, changedSince, files);
  const result = checkWorkspace(scope ? scope.files : files, { locale, asOf });
  return { root, result, focus, failed, notes, scope };
}

function inFocus(focus: string[], file: string): boolean {
  return focus.length === 0 || focus.some((f) => (f.endsWith('/') ? file.startsWith(f) : file === f));
}

async function checkCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...COMMON_OPTIONS,
      format: { type: 'string', default: 'text' },
      quiet: { type: 'boolean', default: false },
      'max-warnings': { type: 'string' },
      'changed-since': { type: 'string' },
      'include-sensitive': { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const format = checkFormat(values.format, ['text', 'json', 'github', 'sarif', 'junit']);
  let maxWarnings = Infinity;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError('--max-warnings takes a whole number');
  }
  if (values['changed-since'] === '') throw new UsageError('--changed-since takes a git revision, e.g. --changed-since origin/main');
  const locale = chooseLocale(values.locale, io.env);
  const { root, result, focus, failed, notes, scope } = await loadAndCheck(positionals, io, locale, parseAsOf(values['as-of']), values['changed-since']);
  const reported = (file: string) => inFocus(focus, file) && (!scope || scope.focus.has(file));

  let shown: Diagnostic[] = result.diagnostics.filter((d) => reported(d.file));
  if (values.quiet) shown = shown.filter((d) => d.severity === 'error');
  const documents = result.documents.filter((d) => reported(d.path)).length;
  const summary = summarize(shown, documents);
  const displayPath = (file: string) => path.relative(io.cwd, path.join(root, file)).split(path.sep).join('/');
  if (scope) io.stderr.write(scopeNote(scope, documents));

  if (format === 'json') {
    const extra = scope ? { scope: { changedSince: scope.ref, full: scope.full, accounts: scope.accounts, files: [...scope.focus].sort().map(displayPath) } } : undefined;
    io.stdout.write(formatJson(shown, summary, result.skipped, displayPath, extra));
  } else if (format === 'text') {
    const style = values['no-color'] ? styleFor({ isTTY: false }, {}) : styleFor(io.stdout, io.env);
    io.stdout.write(formatText(forTerminal(shown), summary, style, (file) => terminalSafeLine(displayPath(file)), result.locale));
    for (const s of result.skipped.filter((x) => reported(x.path))) io.stderr.write(`note: skipped ${terminalSafeLine(displayPath(s.path))} (${s.reason}${s.detail ? `: ${s.detail}` : ''})\n`);
  } else {
    io.stdout.write(formatCiOutput(format, shown, summary, result, root, io, (file) => reported(file), values['include-sensitive'] === true));
  }
  for (const n of notes) io.stderr.write(`note: ${terminalSafeLine(n)}\n`);
  for (const f of failed) io.stderr.write(`keyplan: could not read ${terminalSafeLine(displayPath(f.path))} (${f.error})\n`);
  if (failed.length) return 2;
  const warnings = result.diagnostics.filter((d) => reported(d.file) && d.severity === 'warning').length;
  return summary.errors > 0 || warnings > maxWarnings ? 1 : 0;
}

/** What --changed-since checked, for the log. */
function scopeNote(scope: ChangedScope, documents: number): string {
  if (scope.full) return `keyplan: ${scope.changed.includes('keyplan.yaml') ? 'keyplan.yaml changed' : 'a changed document names no account'} since ${scope.ref}; checking the whole workspace.\n`;
  if (!scope.changed.length) return `keyplan: no Keyplan files changed since ${scope.ref}; nothing to check.\n`;
  const accounts = scope.accounts.length ? ` and the rest of ${scope.accounts.length === 1 ? 'account' : 'accounts'} ${scope.accounts.join(', ')}` : '';
  return `keyplan: ${scope.changed.length} file${scope.changed.length === 1 ? '' : 's'} changed since ${scope.ref}; checking ${documents} document${documents === 1 ? '' : 's'}: the changed ones${accounts}.\n`;
}

/**
 * The CI formats (GitHub annotations, SARIF, JUnit) are read by others: paths are relative to the
 * repository (GITHUB_WORKSPACE, else the git top folder, else the current folder) and sensitive
 * personal fields are redacted from the messages.
 */
function formatCiOutput(format: string, shown: Diagnostic[], summary: ReturnType<typeof summarize>, result: CheckResult, root: string, io: Io, reported: (file: string) => boolean, includeSensitive = false): string {
  const base = io.env.GITHUB_WORKSPACE ? path.resolve(io.env.GITHUB_WORKSPACE) : findRepo(root)?.top ?? io.cwd;
  const repoPath = (file: string) => path.relative(base, path.join(root, file)).split(path.sep).join('/');
  const redacted = includeSensitive ? shown : redactSensitive(shown, kindLookup(result.documents), result.locale);
  if (format === 'github') return formatGithub(redacted, summary, repoPath);
  if (format === 'junit') {
    const files = result.documents.map((d) => d.path).filter(reported);
    return formatJunit({ files, diagnostics: redacted, displayPath: repoPath });
  }
  const subject = subjectResolver(result.documents);
  const byIdentity = new Map(shown.map((d, i) => [redacted[i], d]));
  return formatSarif({
    diagnostics: redacted,
    displayPath: repoPath,
    version: version(),
    fingerprint: (d) => { const original = byIdentity.get(d) ?? d; return `${original.rule}|${repoPath(original.file)}|${subject(original)}`; },
  });
}

/** Whether a person's or account's file is among the paths the user named. */
function accountInFocus(focus: string[], files: string[]): boolean {
  return focus.length === 0 || files.some((f) => inFocus(focus, f));
}

async function overdueCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...COMMON_OPTIONS, format: { type: 'string', default: 'text' }, owner: { type: 'string' }, tier: { type: 'string' }, all: { type: 'boolean', default: false }, explain: { type: 'boolean', default: false } },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const format = checkFormat(values.format, ['text', 'json', 'markdown']);
  if (values.tier && !['A', 'B', 'C'].includes(values.tier)) throw new UsageError(`--tier takes A, B or C, not '${values.tier}'`);
  const { result, focus, failed, notes } = await loadAndCheck(positionals, io, chooseLocale(values.locale, io.env), parseAsOf(values['as-of']));
  const shownStates = new Set(['overdue', 'planned-missed', 'never', 'due-soon', ...(values.all ? ['ok'] : [])]);
  const cadences = result.cadences
    .filter((c) => shownStates.has(c.state))
    .filter((c) => !values.tier || c.tier === values.tier)
    .filter((c) => !values.owner || c.owner === values.owner || c.account.data?.owner === values.owner)
    .filter((c) => accountInFocus(focus, [c.person.doc.path, ...(c.account.doc ? [c.account.doc.path] : [])]))
    .sort((a, b) => urgency(b) - urgency(a) || a.account.id.localeCompare(b.account.id) || a.person.id.localeCompare(b.person.id));
  const rows = overdueRows(cadences);
  if (format === 'json') io.stdout.write(formatOverdueJson(rows, result.asOf));
  else if (format === 'markdown') io.stdout.write(formatOverdueMarkdown(rows, result.asOf));
  else io.stdout.write(formatOverdueText(forTerminal(rows), result.asOf, values.explain ?? false));
  return reportFailures(failed, io, notes);
}

async function reportCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...COMMON_OPTIONS, format: { type: 'string', default: 'text' } } });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const format = checkFormat(values.format, ['text', 'json', 'markdown']);
  const { result, focus, failed, notes } = await loadAndCheck(positionals, io, chooseLocale(values.locale, io.env), parseAsOf(values['as-of']));
  const report = buildReport(result);
  report.accounts = report.accounts.filter((a) => accountInFocus(focus, [a.file ?? '', ...a.people.map((p) => p.file)]));
  if (format === 'json') io.stdout.write(formatReportJson(report));
  else if (format === 'markdown') io.stdout.write(formatReportMarkdown(report));
  else io.stdout.write(formatReportText(forTerminal(report)));
  return reportFailures(failed, io, notes);
}

function reportFailures(failed: { path: string; error: string }[], io: Io, notes: string[] = []): number {
  for (const n of notes) io.stderr.write(`note: ${terminalSafeLine(n)}\n`);
  for (const f of failed) io.stderr.write(`keyplan: could not read ${terminalSafeLine(f.path)} (${f.error})\n`);
  return failed.length ? 2 : 0;
}

async function matrixCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...COMMON_OPTIONS, format: { type: 'string', default: 'text' }, svg: { type: 'string' }, 'size-by': { type: 'string', default: 'temperature' }, force: { type: 'boolean', default: false } },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const [account, ...paths] = positionals;
  if (!account) throw new UsageError('matrix needs an account id, e.g. keyplan matrix east-china-telecom');
  const format = checkFormat(values.format, ['text', 'svg']) as 'text' | 'svg';
  const sizeBy = values['size-by'];
  if (sizeBy !== 'temperature' && sizeBy !== 'coverage') throw new UsageError(`--size-by takes temperature or coverage, not '${sizeBy}'`);
  const { result, failed, notes } = await loadAndCheck(paths, io, chooseLocale(values.locale, io.env), parseAsOf(values['as-of']));
  try {
    const out = await runMatrix(result, { account, svg: values.svg, format, sizeBy, cwd: io.cwd, force: values.force });
    io.stdout.write(format === 'svg' && !values.svg ? out : terminalSafe(out));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  return reportFailures(failed, io, notes);
}

async function diffCommand(args: string[], io: Io): Promise<number> {
  // Everything after `--` is a path, never a revision.
  const dashes = args.indexOf('--');
  const { values, positionals } = parseArgs({
    args: dashes < 0 ? args : args.slice(0, dashes),
    allowPositionals: true,
    options: { ...COMMON_OPTIONS, format: { type: 'string', default: 'text' }, 'matrix-dir': { type: 'string' }, force: { type: 'boolean', default: false }, 'include-sensitive': { type: 'boolean', default: false } },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const format = checkFormat(values.format, ['text', 'markdown', 'json']) as 'text' | 'markdown' | 'json';
  const { output, failed } = await runDiff({
    positionals,
    paths: dashes < 0 ? [] : args.slice(dashes + 1),
    format,
    asOf: parseAsOf(values['as-of']),
    locale: chooseLocale(values.locale, io.env),
    matrixDir: values['matrix-dir'],
    force: values.force,
    includeSensitive: values['include-sensitive'],
    cwd: io.cwd,
    style: values['no-color'] ? styleFor({ isTTY: false }, {}) : styleFor(io.stdout, io.env),
    note: (message) => io.stderr.write(`keyplan: ${terminalSafeLine(message)}\n`),
  });
  io.stdout.write(output);
  return reportFailures(failed, io);
}

async function exportCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...COMMON_OPTIONS,
      format: { type: 'string', default: 'markdown' },
      redact: { type: 'boolean', default: false },
      'include-sensitive': { type: 'boolean', default: false },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const format = checkFormat(values.format, ['markdown', 'json']) as 'markdown' | 'json';
  if (values.redact && values['include-sensitive']) throw new UsageError('--redact and --include-sensitive contradict each other; choose one');
  if (values.out === '') throw new UsageError('--out takes a file name');
  // `keyplan export east-china-telecom`: an account id; `keyplan export samples`: a folder.
  const [first, ...rest] = positionals;
  const isAccount = first !== undefined && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(first) && !existsSync(path.resolve(io.cwd, first));
  const { result, failed, notes } = await loadAndCheck(isAccount ? rest : positionals, io, chooseLocale(values.locale, io.env), parseAsOf(values['as-of']));
  const output = await runExport(result, { account: isAccount ? first : undefined, format, includeSensitive: values['include-sensitive'] === true, out: values.out, force: values.force, cwd: io.cwd });
  io.stdout.write(output);
  return reportFailures(failed, io, notes);
}
