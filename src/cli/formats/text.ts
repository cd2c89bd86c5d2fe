/** Human output of `keyplan check`: `file:line:col severity rule message`, grouped per file. */
import type { Diagnostic, Severity } from '../../core/diagnostic.js';
import type { Style } from '../style.js';

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  files: number;
  documents: number;
}

export function summarize(diagnostics: Diagnostic[], documents: number): Summary {
  const s: Summary = { errors: 0, warnings: 0, infos: 0, files: new Set(diagnostics.map((d) => d.file)).size, documents };
  for (const d of diagnostics) {
    if (d.severity === 'error') s.errors++;
    else if (d.severity === 'warning') s.warnings++;
    else s.infos++;
  }
  return s;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function formatText(diagnostics: Diagnostic[], summary: Summary, style: Style, displayPath: (file: string) => string): string {
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
    lines.push(`${where} ${color[d.severity](d.severity)} ${style.dim(d.rule)} ${oneLine(d.message)}`);
  }
  if (lines.length) lines.push('');
  const total = summary.errors + summary.warnings + summary.infos;
  const counts = `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${summary.infos} info`;
  const checked = `${plural(summary.documents, 'document')} checked`;
  lines.push(total === 0 ? style.bold(`✔ No problems; ${checked}.`) : style.bold(`✖ ${plural(total, 'problem')} (${counts}) in ${plural(summary.files, 'file')}; ${checked}.`));
  return lines.join('\n') + '\n';
}

/** Messages are single-line in every output; plan text can carry newlines. */
export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}
