/**
 * Human output of `keyplan check`: `file:line:col severity rule message`, grouped per file, plan
 * text made safe for the terminal; skipped files are noted on stderr.
 */
import type { Diagnostic, Severity } from '../../../core/diagnostic.js';
import type { Locale } from '../../../core/i18n/catalogue.js';
import type { Style } from '../../output/style.js';
import { forTerminal, oneLine, terminalSafeLine } from '../../output/terminal.js';
import type { Formatter } from '../formatter.js';
import type { Findings, Summary } from './model.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

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
    lines.push(`${where} ${color[d.severity](d.severity)} ${style.dim(d.rule)} ${oneLine(d.message)}`);
  }
  if (lines.length) lines.push('');
  const total = summary.errors + summary.warnings + summary.infos;
  if (locale === 'zh-cn') {
    const checked = `已检查 ${summary.documents} 个文档`;
    lines.push(style.bold(total === 0 ? `✔ 没有问题；${checked}。` : `✖ ${total} 个问题（${summary.errors} 个错误、${summary.warnings} 个警告、${summary.infos} 个提示），涉及 ${summary.files} 个文件；${checked}。`));
  } else {
    const counts = `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${summary.infos} info`;
    const checked = `${plural(summary.documents, 'document')} checked`;
    lines.push(style.bold(total === 0 ? `✔ No problems; ${checked}.` : `✖ ${plural(total, 'problem')} (${counts}) in ${plural(summary.files, 'file')}; ${checked}.`));
  }
  return lines.join('\n') + '\n';
}

export const text: Formatter<Findings> = (f, { style, locale, note }) => {
  const out = formatText(forTerminal(f.diagnostics), f.summary, style, (file) => terminalSafeLine(f.displayPath(file)), locale);
  for (const s of f.skipped.filter((x) => f.reported(x.path))) note(`skipped ${terminalSafeLine(f.displayPath(s.path))} (${s.reason}${s.detail ? `: ${s.detail}` : ''})`);
  return out;
};
