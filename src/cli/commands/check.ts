/**
 * `keyplan check [paths] [--format text|json|github|sarif|junit] [--changed-since REV] [--quiet]
 * [--max-warnings N] [--include-sensitive]`: the findings about the given paths (the whole
 * workspace is read so that cross-file rules are right). The CI formats are read by others: their
 * paths are relative to the repository and sensitive personal fields are redacted.
 */
import path from 'node:path';
import { kindLookup, redactSensitive } from '../../core/analysis/redact.js';
import type { CheckResult } from '../../core/check/pipeline.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import { tc } from '../../core/i18n/cli.js';
import type { Locale } from '../../core/i18n/locale.js';
import { subjectResolver } from '../../core/diff/findings.js';
import type { ChangedScope } from '../changed-since.js';
import { defineCommand, print, reportProblems, type Io } from '../command.js';
import { usage } from '../errors.js';
import { pickFormatter } from '../formatters/formatter.js';
import { FINDINGS_FORMATS } from '../formatters/findings/index.js';
import { summarize, type CiFindings, type Findings } from '../formatters/findings/model.js';
import { findRepo } from '../../git/git.js';
import { inFocus, pathFrom } from '../paths.js';
import { loadWorkspace } from '../workspace.js';

export const check = defineCommand({
  name: 'check',
  choices: { format: Object.keys(FINDINGS_FORMATS) },
  options: {
    format: { type: 'string', default: 'text' },
    quiet: { type: 'boolean', default: false },
    'max-warnings': { type: 'string' },
    'changed-since': { type: 'string' },
    'include-sensitive': { type: 'boolean', default: false },
  },
  async run(call) {
    const { values, positionals, io } = call;
    const formatter = pickFormatter(FINDINGS_FORMATS, values.format);
    let maxWarnings = Infinity;
    if (values['max-warnings'] !== undefined) {
      maxWarnings = Number(values['max-warnings']);
      if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw usage('error.max-warnings');
    }
    if (values['changed-since'] === '') throw usage('error.changed-since');
    const { root, result, focus, failed, notes, scope, displayPath } = await loadWorkspace(call, positionals, values['changed-since'], true);
    const reported = (file: string) => inFocus(focus, file) && (!scope || scope.focus.has(file));

    let shown: Diagnostic[] = result.diagnostics.filter((d) => reported(d.file));
    if (values.quiet) shown = shown.filter((d) => d.severity === 'error');
    const documents = result.documents.map((d) => d.path).filter(reported);
    const summary = summarize(shown, documents.length);
    if (scope) io.stderr.write(scopeNote(scope, documents.length, result.locale));

    const findings: Findings = {
      diagnostics: shown,
      summary,
      skipped: result.skipped,
      reported,
      documents,
      displayPath,
      scope: scope && { changedSince: scope.ref, full: scope.full, accounts: scope.accounts, files: [...scope.focus].sort().map(displayPath) },
      ci: () => ciFindings(shown, result, root, io, values['include-sensitive'] === true),
    };
    print(call, formatter, findings, result.locale);
    const problems = reportProblems(io, notes, failed, displayPath, call.locale);
    if (problems) return problems;
    const warnings = result.diagnostics.filter((d) => reported(d.file) && d.severity === 'warning').length;
    return summary.errors > 0 || warnings > maxWarnings ? 1 : 0;
  },
});

/** What --changed-since checked, for the log. */
function scopeNote(scope: ChangedScope, documents: number, locale: Locale): string {
  if (scope.full) return `keyplan: ${tc(locale, 'check.scope.full', { reason: scope.reason, ref: scope.ref })}\n`;
  if (!scope.changed.length) return `keyplan: ${tc(locale, 'check.scope.nothing', { ref: scope.ref })}\n`;
  return `keyplan: ${tc(locale, 'check.scope.changed', { n: scope.changed.length, ref: scope.ref, documents, accounts: scope.accounts.join(', '), accountCount: scope.accounts.length })}\n`;
}

/**
 * The findings as CI systems get them: paths relative to the repository (GITHUB_WORKSPACE, else
 * the git top folder, else the current folder), sensitive personal fields redacted, and a
 * fingerprint computed from the unredacted finding (so redaction does not change it).
 */
function ciFindings(shown: Diagnostic[], result: CheckResult, root: string, io: Io, includeSensitive: boolean): CiFindings {
  const base = io.env.GITHUB_WORKSPACE ? path.resolve(io.env.GITHUB_WORKSPACE) : findRepo(root)?.top ?? io.cwd;
  const repoPath = pathFrom(base, root);
  const redacted = includeSensitive ? shown : redactSensitive(shown, kindLookup(result.documents), result.locale);
  const byIdentity = new Map(shown.map((d, i) => [redacted[i], d]));
  let subject: ReturnType<typeof subjectResolver> | undefined;
  return {
    diagnostics: redacted,
    path: repoPath,
    fingerprint: (d) => {
      subject ??= subjectResolver(result.documents);
      const original = byIdentity.get(d) ?? d;
      return `${original.rule}|${repoPath(original.file)}|${subject(original)}`;
    },
  };
}
