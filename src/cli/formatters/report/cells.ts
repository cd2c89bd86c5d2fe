/** The people table of `keyplan report`, shared by its text and Markdown formats. */
import type { PersonReport } from '../../../core/report/report.js';

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
