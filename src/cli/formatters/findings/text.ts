/**
 * Human output of `keyplan check`: `file:line:col severity rule message`, grouped per file, plan
 * text made safe for the terminal; skipped files are noted on stderr.
 */
import type { Severity } from '../../../core/diagnostic.js';
import { t } from '../../../core/i18n/catalogue.js';
import { cliWord, tc } from '../../../core/i18n/cli.js';
import { oneLine, terminalSafeLine } from '../../output/terminal.js';
import { inPieces, type FormatContext } from '../formatter.js';
import type { Findings } from './model.js';

/** The lines of the output, one piece each: printed as they come, never the whole text at once. */
function* textPieces(f: Findings, { style, locale, note }: FormatContext): Generator<string> {
  const color: Record<Severity, (s: string) => string> = { error: style.red, warning: style.yellow, info: style.blue };
  // Made safe as each line is written (a copy of every finding first would cost 10k copies for nothing).
  const shownPath = (file: string) => terminalSafeLine(f.displayPath(file));
  let current: string | undefined;
  let currentShown = '';
  for (const d of f.diagnostics) {
    if (d.file !== current) {
      currentShown = shownPath(d.file);
      yield `${current !== undefined ? '\n' : ''}${style.underline(currentShown)}\n`;
      current = d.file;
    }
    const where = `${currentShown}:${d.range.start.line}:${d.range.start.column}`;
    yield `${where} ${color[d.severity](cliWord('severity', d.severity, locale))} ${style.dim(terminalSafeLine(d.rule))} ${oneLine(terminalSafeLine(d.message))}\n`;
  }
  if (current !== undefined) yield '\n';
  const { summary } = f;
  const total = summary.errors + summary.warnings + summary.infos;
  yield `${style.bold(t(locale, 'check.summary', {
    total, errors: summary.errors, warnings: summary.warnings, infos: summary.infos, files: summary.files, documents: summary.documents,
  }))}\n`;
  for (const s of f.skipped.filter((x) => f.reported(x.path))) note(tc(locale, 'note.skipped', { path: shownPath(s.path), reason: s.reason, bytes: s.bytes }));
}

export const text = inPieces(textPieces);
