/** `keyplan report` in the terminal: per account, health with its parts, people, quadrants and findings. */
import { cliWord, tc } from '../../../core/i18n/cli.js';
import type { Locale } from '../../../core/i18n/locale.js';
import type { AccountReport, WorkspaceReport } from '../../../core/report/report.js';
import { displayWidth, textTable } from '../../output/table.js';
import { forTerminal, terminalSafeLine } from '../../output/terminal.js';
import type { Formatter } from '../formatter.js';
import { detailText, peopleHeader, personCells, quadrantLabel, trendArrow, valueLines, whitespaceHeader, whitespaceCells } from './cells.js';

const QUADRANTS: (keyof AccountReport['quadrants'])[] = ['champions', 'blockers', 'fans', 'naysayers', 'axis', 'unplaced'];

const padEnd = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - displayWidth(s)));
const padStart = (s: string, n: number) => ' '.repeat(Math.max(0, n - displayWidth(s))) + s;

function healthLine(a: AccountReport, locale: Locale): string {
  return (a.health.score === undefined ? tc(locale, 'report.health.unknown') : tc(locale, 'report.health', { score: a.health.score, band: cliWord('health', a.health.band, locale) })) + trendArrow(a);
}

function partLines(a: AccountReport, locale: Locale): string[] {
  return a.health.parts.map((part) => {
    const score = part.score === undefined ? tc(locale, 'report.unknown') : String(part.score);
    const details = detailText(part.details, locale);
    return `${padEnd(cliWord('part', part.part, locale), 12)} ${padStart(score, 7)}  ${tc(locale, 'report.weight', { weight: part.weight })}${details ? `  (${details})` : ''}`;
  });
}

function findingCounts(a: AccountReport, locale: Locale): string {
  const n = (s: string) => a.findings.filter((f) => f.severity === s).length;
  return tc(locale, 'report.findings', { n: a.findings.length, errors: n('error'), warnings: n('warning'), infos: n('info') });
}

export const text: Formatter<WorkspaceReport> = (data, { width, locale }) => {
  const report = forTerminal(data);
  const blocks = report.accounts.map((a) => {
    const head = tc(locale, 'report.account', { name: a.name, id: a.id, tier: a.tier ?? '?', owner: a.owner ?? '?', health: healthLine(a, locale) }) + (a.dark ? ` · ${tc(locale, 'report.dark')}` : '');
    const last = a.lastInteraction ? tc(locale, 'report.last', { date: a.lastInteraction.date, days: a.lastInteraction.daysSince }) : tc(locale, 'report.no-interaction');
    const counts = `${last} · ${tc(locale, 'report.counts', { overdue: a.counts.overdue, missed: a.counts.plannedMissed, never: a.counts.never, soon: a.counts.dueSoon })}`;
    const quadrants = tc(locale, 'report.quadrants') + QUADRANTS.map((k) => `${quadrantLabel(k, locale)} ${a.quadrants[k]}`).join(' · ');
    const people = textTable(peopleHeader(locale), a.people.map((p) => personCells(p, locale)), { maxWidth: width === undefined ? undefined : width - 2 }).trimEnd().split('\n').map((l) => `  ${l}`).join('\n');
    // Every finding at every place it is made, infos included, exactly as `check` counts them: the
    // count line above the list counts these lines (a finding placed on a person file and on a plan
    // entry is two lines, each with its place).
    const findings = a.findings.map((f) => `  - ${cliWord('severity', f.severity, locale)} ${f.rule}: ${f.message} (${f.file}:${f.line})`);
    const value = valueLines(a, terminalSafeLine, locale).map((l) => `  ${l}`);
    const whitespace = a.whitespace ? [`  ${tc(locale, 'report.whitespace')}`, ...textTable(whitespaceHeader(locale), a.whitespace.map((c) => whitespaceCells(c, terminalSafeLine, locale))).trimEnd().split('\n').map((l) => `    ${l}`)] : [];
    return [head, ...partLines(a, locale).map((l) => `  ${l}`), ...value, ...whitespace, `  ${counts}`, `  ${quadrants}`, people, `  ${findingCounts(a, locale)}${findings.length ? ':' : ''}`, ...findings].join('\n');
  });
  return `${tc(locale, 'report.title', { asOf: report.asOf, n: report.accounts.length })}\n\n${blocks.join('\n\n')}\n`;
};

