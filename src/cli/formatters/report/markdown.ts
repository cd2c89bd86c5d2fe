/** `keyplan report --format markdown`: an overview table, then health parts and people per account. */
import type { WorkspaceReport } from '../../../core/report/report.js';
import { escapeMarkdown, markdownTable } from '../../../core/render/markdown.js';
import type { Formatter } from '../formatter.js';
import { PEOPLE_HEADER, personCells, trendArrow, valueLines, WHITESPACE_HEADER, whitespaceCells } from './cells.js';

export const markdown: Formatter<WorkspaceReport> = (report) => {
  const out: string[] = [`## Keyplan report as of ${report.asOf}`, ''];
  out.push(markdownTable(['Account', 'Tier', 'Owner', 'Health', 'Overdue', 'Champions', 'Blockers', 'Findings'], report.accounts.map((a) => [
    escapeMarkdown(a.name), a.tier ?? '?', escapeMarkdown(a.owner ?? '?'), a.health.score === undefined ? `unknown${trendArrow(a)}` : `${a.health.score} (${a.health.band})${trendArrow(a)}`,
    String(a.counts.overdue), String(a.quadrants.champions), String(a.quadrants.blockers), String(a.findings.length),
  ])));
  for (const a of report.accounts) {
    out.push(`### ${escapeMarkdown(a.name)} (tier ${a.tier ?? '?'})`, '');
    out.push(markdownTable(['Part', 'Score', 'Weight', 'Details'], a.health.parts.map((p) => [p.part, p.score === undefined ? 'unknown' : String(p.score), String(p.weight), escapeMarkdown(p.details.map((d) => `${d.label} ${d.value}`).join(', '))])));
    const value = valueLines(a, escapeMarkdown);
    if (value.length) out.push(...value.map((l) => `- ${l}`), '');
    if (a.whitespace) out.push('**Whitespace**', '', markdownTable(WHITESPACE_HEADER, a.whitespace.map((c) => whitespaceCells(c, escapeMarkdown))));
    out.push(markdownTable(PEOPLE_HEADER, a.people.map((p) => personCells(p).map(escapeMarkdown))));
  }
  return out.join('\n');
};
