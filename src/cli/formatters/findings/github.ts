/**
 * `keyplan check --format github`: GitHub Actions workflow commands, so findings appear as
 * annotations on the pull request's diff. Escaping follows the workflow-command rules: `%`, CR and
 * LF in the message; additionally `:` and `,` in properties.
 */
import type { Diagnostic, Severity } from '../../../core/diagnostic.js';
import { severityRank } from '../../../core/diagnostic.js';
import { terminalSafe } from '../../output/terminal.js';
import { inPieces } from '../formatter.js';
import type { Findings, Summary } from './model.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * Message text of a workflow command: `%`, CR and LF are escaped as the runner reads them; other
 * control characters (an ESC sequence would be interpreted by the log viewer) are made visible.
 */
export function escapeData(text: string): string {
  return terminalSafe(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One workflow command. Columns: GitHub's `endColumn` is inclusive, ours exclusive. */
export function githubCommand(d: Diagnostic, file: string): string {
  const { start, end } = d.range;
  const props = [`file=${escapeProperty(file)}`, `line=${start.line}`, `col=${start.column}`, `endLine=${end.line}`];
  if (end.line === start.line && end.column > start.column + 1) props.push(`endColumn=${end.column - 1}`);
  props.push(`title=${escapeProperty(d.rule)}`);
  return `::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(d.message)}`;
}

/**
 * Errors first: GitHub shows only the first few annotations of each kind per step, and those
 * should be the ones that fail the build.
 */
export function formatGithub(diagnostics: Diagnostic[], summary: Summary, displayPath: (file: string) => string): string {
  return [...githubPieces(diagnostics, summary, displayPath)].join('');
}

/** One command per line, each made when it is written. */
function* githubPieces(diagnostics: Diagnostic[], summary: Summary, displayPath: (file: string) => string): Generator<string> {
  const sorted = [...diagnostics].sort((a, b) => severityRank[b.severity] - severityRank[a.severity]);
  for (const d of sorted) yield `${githubCommand(d, displayPath(d.file))}\n`;
  yield `keyplan: ${summary.errors} error${summary.errors === 1 ? '' : 's'}, ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}, ${summary.infos} info in ${summary.files} file${summary.files === 1 ? '' : 's'}; ${summary.documents} document${summary.documents === 1 ? '' : 's'} checked.\n`;
}

export const github = inPieces<Findings>((f) => {
  const ci = f.ci();
  return githubPieces(ci.diagnostics, f.summary, ci.path);
});
