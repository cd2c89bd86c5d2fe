/** The people table of `keyplan report`, shared by its text and Markdown formats. */
import type { AccountReport, PersonReport } from '../../../core/report/report.js';
import { TREND_ARROW } from '../../../core/analysis/value.js';

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

export function personCells(p: PersonReport): string[] {
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

export const PEOPLE_HEADER = ['Person', 'Title', 'Roles', 'Stance', 'Infl.', 'Coverage', 'Temperature', 'Quadrant', 'Cadence'];

/** The value lines of an account (trend, attraction–barrier, label and contract), each only when recorded; `esc` for plan text. */
export function valueLines(a: AccountReport, esc: (s: string) => string): string[] {
  const out: string[] = [];
  if (a.trend?.direction) {
    const signals = a.trend.signals.map((s) => `${s.metric} ${s.previous} → ${s.latest} (${esc(s.previousAt)} → ${esc(s.latestAt)}) ${TREND_ARROW[s.direction]}`).join(' · ');
    out.push(`trend ${TREND_ARROW[a.trend.direction]}: ${signals}`);
  }
  if (a.loyalty) {
    const l = a.loyalty;
    const show = (x: number | undefined) => (x === undefined ? 'not scored' : String(x));
    out.push(`attraction–barrier: attraction ${show(l.attraction)}, barrier ${show(l.barrier)}${l.position ? ` → ${LOYALTY_LABEL[l.position]}` : ''}`);
  }
  const facts = [a.label && `label ${a.label}`, a.contract && `contract ${a.contract.start ?? '?'}–${a.contract.end ?? '?'}${a.contract.renewal ? `, renewal ${a.contract.renewal}` : ''}`].filter(Boolean);
  if (facts.length) out.push(facts.join(' · '));
  return out;
}

export const LOYALTY_LABEL: Record<string, string> = { loyal: 'loyal', captive: 'captive', 'free-to-leave': 'free to leave', 'at-risk': 'at risk' };

export const WHITESPACE_HEADER = ['Business unit', 'Offering', 'Status', 'Competitor', 'Value'];

export function whitespaceCells(c: NonNullable<AccountReport['whitespace']>[number], esc: (s: string) => string): string[] {
  return [esc(c.unit), esc(c.offering), c.status, esc(c.competitor ?? ''), c.value === undefined ? '' : String(c.value)];
}

/** `71 green ▼`: the score and band with the trend arrow, when there is one. */
export const trendArrow = (a: AccountReport) => (a.trend?.direction ? ` ${TREND_ARROW[a.trend.direction]}` : '');
