/** The people table of `keyplan report`, shared by its text and Markdown formats. */
import { cliWord, headerOf, tc } from '../../../core/i18n/cli.js';
import type { Locale } from '../../../core/i18n/locale.js';
import type { PersonReport } from '../../../core/report/report.js';

function cadenceLabel(p: PersonReport, locale: Locale): string {
  const c = p.cadence;
  switch (c.state) {
    case 'overdue': return tc(locale, 'overdue.state.overdue', { n: c.overdueBy });
    case 'due-soon': return tc(locale, 'report.cadence.due-soon', { n: c.daysLeft });
    case 'planned-missed': return tc(locale, 'overdue.state.planned-missed', { date: c.plannedNext });
    case 'ok': return tc(locale, 'report.cadence.ok', { n: c.daysSince });
    default: return cliWord('cadence', c.state, locale);
  }
}

export function personCells(p: PersonReport, locale: Locale): string[] {
  return [
    p.name,
    p.title ?? '',
    p.roles.join('/') || '-',
    p.status === 'left' ? cliWord('cadence', 'left', locale) : cliWord('stance', p.stance, locale),
    p.influence === undefined ? '?' : String(p.influence),
    cliWord('coverage', p.coverage, locale),
    p.temperature ? `${p.temperature.score} ${cliWord('temperature', p.temperature.band, locale)}` : '-',
    quadrantLabel(p.placement.quadrant, locale),
    cadenceLabel(p, locale),
  ];
}

export const peopleHeader = (locale: Locale) => headerOf(locale, 'report.header');

/** A health part's details (`张伟 51, nps 40, objectives on track or done 3/4`). */
export function detailText(details: { label: string; value: unknown }[], locale: Locale): string {
  return details.map((d) => `${cliWord('detail', d.label, locale)} ${d.label === 'churn_risk' ? cliWord('churn', d.value, locale) : d.value}`).join(', ');
}

/** A quadrant's label in a sentence or a cell: lower-case in English (`champions 2 · on an axis 3`). */
export function quadrantLabel(q: string, locale: Locale): string {
  const w = cliWord('quadrant', q, locale);
  return /^[A-Z][a-z]/.test(w) ? w[0].toLowerCase() + w.slice(1) : w;
}
