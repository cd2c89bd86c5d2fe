/** `keyplan report` in the terminal: per account, health with its parts, people, quadrants and findings. */
import type { AccountReport, WorkspaceReport } from '../../../core/report/report.js';
import { textTable } from '../../output/table.js';
import { forTerminal, terminalSafeLine } from '../../output/terminal.js';
import type { Formatter } from '../formatter.js';
import { PEOPLE_HEADER, personCells, trendArrow, valueLines, WHITESPACE_HEADER, whitespaceCells } from './cells.js';

const QUADRANT_LABELS: [keyof AccountReport['quadrants'], string][] = [
  ['champions', 'champions'], ['blockers', 'blockers'], ['fans', 'fans'], ['naysayers', 'naysayers'], ['axis', 'on an axis'], ['unplaced', 'unplaced'],
];

function healthLine(a: AccountReport): string {
  return a.health.score === undefined ? `health unknown${trendArrow(a)}` : `health ${a.health.score} ${a.health.band}${trendArrow(a)}`;
}

function partLines(a: AccountReport): string[] {
  return a.health.parts.map((part) => {
    const score = part.score === undefined ? 'unknown' : String(part.score);
    const details = part.details.map((d) => `${d.label} ${d.value}`).join(', ');
    return `${part.part.padEnd(12)} ${score.padStart(7)}  weight ${part.weight}${details ? `  (${details})` : ''}`;
  });
}

function findingCounts(a: AccountReport): string {
  const n = (s: string) => a.findings.filter((f) => f.severity === s).length;
  const pl = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  return `${pl(a.findings.length, 'finding')} (${pl(n('error'), 'error')}, ${pl(n('warning'), 'warning')}, ${n('info')} info)`;
}

export const text: Formatter<WorkspaceReport> = (data) => {
  const report = forTerminal(data);
  const blocks = report.accounts.map((a) => {
    const head = `${a.name} (${a.id}) · tier ${a.tier ?? '?'} · owner ${a.owner ?? '?'} · ${healthLine(a)}${a.dark ? ' · DARK' : ''}`;
    const last = a.lastInteraction ? `last interaction ${a.lastInteraction.date} (${a.lastInteraction.daysSince} days ago)` : 'no interaction logged';
    const counts = `${last} · overdue ${a.counts.overdue} · planned missed ${a.counts.plannedMissed} · never met ${a.counts.never} · due soon ${a.counts.dueSoon}`;
    const quadrants = 'quadrants: ' + QUADRANT_LABELS.map(([k, label]) => `${label} ${a.quadrants[k]}`).join(' · ');
    const people = textTable(PEOPLE_HEADER, a.people.map(personCells)).trimEnd().split('\n').map((l) => `  ${l}`).join('\n');
    // Every finding at every place it is made, infos included, exactly as `check` counts them: the
    // count line above the list counts these lines (a finding placed on a person file and on a plan
    // entry is two lines, each with its place).
    const findings = a.findings.map((f) => `  - ${f.severity} ${f.rule}: ${f.message} (${f.file}:${f.line})`);
    const value = valueLines(a, terminalSafeLine).map((l) => `  ${l}`);
    const whitespace = a.whitespace ? ['  whitespace:', ...textTable(WHITESPACE_HEADER, a.whitespace.map((c) => whitespaceCells(c, terminalSafeLine))).trimEnd().split('\n').map((l) => `    ${l}`)] : [];
    return [head, ...partLines(a).map((l) => `  ${l}`), ...value, ...whitespace, `  ${counts}`, `  ${quadrants}`, people, `  ${findingCounts(a)}${findings.length ? ':' : ''}`, ...findings].join('\n');
  });
  return `Keyplan report as of ${report.asOf}: ${report.accounts.length} account${report.accounts.length === 1 ? '' : 's'}\n\n${blocks.join('\n\n')}\n`;
};
