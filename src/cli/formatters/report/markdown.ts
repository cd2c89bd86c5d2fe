/** `keyplan report --format markdown`: an overview table, then health parts and people per account. */
import { cliWord, headerOf, tc } from '../../../core/i18n/cli.js';
import type { WorkspaceReport } from '../../../core/report/report.js';
import { escapeMarkdown, markdownTable } from '../../../core/render/markdown.js';
import type { Formatter } from '../formatter.js';
import { detailText, peopleHeader, personCells, trendArrow, valueLines, whitespaceHeader, whitespaceCells } from './cells.js';

export const markdown: Formatter<WorkspaceReport> = (report, { locale }) => {
  const unknown = tc(locale, 'report.unknown');
  const out: string[] = [`## ${tc(locale, 'report.heading', { asOf: report.asOf })}`, ''];
  out.push(markdownTable(headerOf(locale, 'report.overview-header'), report.accounts.map((a) => [
    escapeMarkdown(a.name), a.tier ?? '?', escapeMarkdown(a.owner ?? '?'), a.health.score === undefined ? `${unknown}${trendArrow(a)}` : `${a.health.score} (${cliWord('health', a.health.band, locale)})${trendArrow(a)}`,
    String(a.counts.overdue), String(a.quadrants.champions), String(a.quadrants.blockers), String(a.findings.length),
  ])));
  for (const a of report.accounts) {
    out.push(`### ${escapeMarkdown(tc(locale, 'report.account.heading', { name: a.name, tier: a.tier ?? '?' }))}`, '');
    out.push(markdownTable(headerOf(locale, 'report.parts-header'), a.health.parts.map((p) => [cliWord('part', p.part, locale), p.score === undefined ? unknown : String(p.score), String(p.weight), escapeMarkdown(detailText(p.details, locale))])));
    const value = valueLines(a, escapeMarkdown, locale);
    if (value.length) out.push(...value.map((l) => `- ${l}`), '');
    if (a.whitespace) out.push(`**${tc(locale, 'brief.whitespace')}**`, '', markdownTable(whitespaceHeader(locale), a.whitespace.map((c) => whitespaceCells(c, escapeMarkdown, locale))));
    out.push(markdownTable(peopleHeader(locale), a.people.map((p) => personCells(p, locale).map(escapeMarkdown))));
  }
  return out.join('\n');
};
