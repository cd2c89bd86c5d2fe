/**
 * Human output of `keyplan check`: `file:line:col severity rule message`, grouped per file, plan
 * text made safe for the terminal; skipped files are noted on stderr.
 */
import type { Diagnostic, Severity } from '../../../core/diagnostic.js';
import { t, type Locale } from '../../../core/i18n/catalogue.js';
import { cliWord, tc } from '../../../core/i18n/cli.js';
import type { Style } from '../../output/style.js';
import { oneLine, terminalSafeLine } from '../../output/terminal.js';
import type { Formatter } from '../formatter.js';
import type { Findings, Summary } from './model.js';

function formatText(diagnostics: Diagnostic[], summary: Summary, style: Style, displayPath: (file: string) => string, locale: Locale = 'en'): string {
  const color: Record<Severity, (s: string) => string> = { error: style.red, warning: style.yellow, info: style.blue };
  const lines: string[] = [];
  let current: string | undefined;
  for (const d of diagnostics) {
    if (d.file !== current) {
      if (current !== undefined) lines.push('');
      lines.push(style.underline(displayPath(d.file)));
      current = d.file;
    }
    const where = `${displayPath(d.file)}:${d.range.start.line}:${d.range.start.column}`;
    lines.push(`${where} ${color[d.severity](cliWord('severity', d.severity, locale))} ${style.dim(d.rule)} ${oneLine(d.message)}`);
  }
  if (lines.length) lines.push('');
  const total = summary.errors + summary.warnings + summary.infos;
  lines.push(style.bold(t(locale, 'check.summary', {
    total, errors: summary.errors, warnings: summary.warnings, infos: summary.infos, files: summary.files, documents: summary.documents,
  })));
  return lines.join('\n') + '\n';
}

export const text: Formatter<Findings> = (f, { style, locale, note }) => {
  // The fields printed, made safe (a copy of each finding's whole `data` would cost 10k copies for nothing).
  const shown = f.diagnostics.map((d) => ({ ...d, file: terminalSafeLine(d.file), rule: terminalSafeLine(d.rule), message: terminalSafeLine(d.message) }));
  const out = formatText(shown, f.summary, style, (file) => terminalSafeLine(f.displayPath(file)), locale);
  for (const s of f.skipped.filter((x) => f.reported(x.path))) note(tc(locale, 'note.skipped', { path: terminalSafeLine(f.displayPath(s.path)), reason: s.reason, bytes: s.bytes }));
  return out;
};
