/** `keyplan report`: per account, health with its parts, people, quadrants and findings. */
import type { AccountReport, PersonReport, WorkspaceReport } from '../../core/report/report.js';
import { escapeMarkdown, markdownTable } from '../../core/render/markdown.js';
import { textTable } from './table.js';

const QUADRANT_LABELS: [keyof AccountReport['quadrants'], string][] = [
  ['champions', 'champions'], ['blockers', 'blockers'], ['fans', 'fans'], ['naysayers', 'naysayers'], ['axis', 'on an axis'], ['unplaced', 'unplaced'],
];

function cadenceLabel(p: PersonReport): string {
  const c = p.cadence;
  switch (c.state) {
    case 'overdue': return `overdue +${c.overdueBy}d`;
    case 'due-soon': return `due soon (${c.daysLeft}d left)`;
    case 'planned-missed': return `planned ${c.plannedNext} missed`;
    case 'ok': return `ok (${c.daysSince}d ago)`;
    default: return c.state;
  }
}

function healthLine(a: AccountReport): string {
  return a.health.score === undefined ? 'health unknown' : `health ${a.health.score} ${a.health.band}`;
}

function partLines(a: AccountReport): string[] {
  return a.health.parts.map((part) => {
    const score = part.score === undefined ? 'unknown' : String(part.score);
    const details = part.details.map((d) => `${d.label} ${d.value}`).join(', ');
    return `${part.part.padEnd(12)} ${score.padStart(7)}  weight ${part.weight}${details ? `  (${details})` : ''}`;
  });
}

function personCells(p: PersonReport): string[] {
  return [
    p.name,
    p.title ?? '',
    p.roles.join('/') || '-',
    p.status === 'left' ? 'left' : p.stance,
    p.influence === undefined ? '?' : String(p.influence),
    p.coverage,
    p.temperature ? `${p.temperature.score} ${p.temperature.band}` : '-',
    p.placement.quadrant,
    cadenceLabel(p),
  ];
}

const PEOPLE_HEADER = ['Person', 'Title', 'Roles', 'Stance', 'Infl.', 'Coverage', 'Temperature', 'Quadrant', 'Cadence'];

function findingCounts(a: AccountReport): string {
  const n = (s: string) => a.findings.filter((f) => f.severity === s).length;
  const pl = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  return `${pl(a.findings.length, 'finding')} (${pl(n('error'), 'error')}, ${pl(n('warning'), 'warning')}, ${n('info')} info)`;
}

export function formatReportText(report: WorkspaceReport): string {
  const blocks = report.accounts.map((a) => {
    const head = `${a.name} (${a.id}) · tier ${a.tier ?? '?'} · owner ${a.owner ?? '?'} · ${healthLine(a)}${a.dark ? ' · DARK' : ''}`;
    const last = a.lastInteraction ? `last interaction ${a.lastInteraction.date} (${a.lastInteraction.daysSince} days ago)` : 'no interaction logged';
    const counts = `${last} · overdue ${a.counts.overdue} · planned missed ${a.counts.plannedMissed} · never met ${a.counts.never} · due soon ${a.counts.dueSoon}`;
    const quadrants = 'quadrants: ' + QUADRANT_LABELS.map(([k, label]) => `${label} ${a.quadrants[k]}`).join(' · ');
    const people = textTable(PEOPLE_HEADER, a.people.map(personCells)).trimEnd().split('\n').map((l) => `  ${l}`).join('\n');
    // The same finding is often placed twice (person file and plan entry); list it once.
    const seen = new Set<string>();
    const findings = a.findings
      .filter((f) => f.severity !== 'info' && !seen.has(f.rule + f.message) && seen.add(f.rule + f.message))
      .map((f) => `  - ${f.severity} ${f.rule}: ${f.message} (${f.file}:${f.line})`);
    return [head, ...partLines(a).map((l) => `  ${l}`), `  ${counts}`, `  ${quadrants}`, people, `  ${findingCounts(a)}${findings.length ? ':' : ''}`, ...findings].join('\n');
  });
  return `Keyplan report as of ${report.asOf}: ${report.accounts.length} account${report.accounts.length === 1 ? '' : 's'}\n\n${blocks.join('\n\n')}\n`;
}

export function formatReportMarkdown(report: WorkspaceReport): string {
  const out: string[] = [`## Keyplan report as of ${report.asOf}`, ''];
  out.push(markdownTable(['Account', 'Tier', 'Owner', 'Health', 'Overdue', 'Champions', 'Blockers', 'Findings'], report.accounts.map((a) => [
    escapeMarkdown(a.name), a.tier ?? '?', escapeMarkdown(a.owner ?? '?'), a.health.score === undefined ? 'unknown' : `${a.health.score} (${a.health.band})`,
    String(a.counts.overdue), String(a.quadrants.champions), String(a.quadrants.blockers), String(a.findings.length),
  ])));
  for (const a of report.accounts) {
    out.push(`### ${escapeMarkdown(a.name)} (tier ${a.tier ?? '?'})`, '');
    out.push(markdownTable(['Part', 'Score', 'Weight', 'Details'], a.health.parts.map((p) => [p.part, p.score === undefined ? 'unknown' : String(p.score), String(p.weight), escapeMarkdown(p.details.map((d) => `${d.label} ${d.value}`).join(', '))])));
    out.push(markdownTable(PEOPLE_HEADER, a.people.map((p) => personCells(p).map(escapeMarkdown))));
  }
  return out.join('\n');
}

export function formatReportJson(report: WorkspaceReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
