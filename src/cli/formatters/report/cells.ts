/** The people table of `keyplan report`, shared by its text and Markdown formats. */
import { cliWord, headerOf, tc } from '../../../core/i18n/cli.js';
import type { Locale } from '../../../core/i18n/locale.js';
import type { AccountReport, PersonReport } from '../../../core/report/report.js';
import { TREND_ARROW } from '../../../core/analysis/value.js';

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

/** A trend signal's metric: the survey kinds as written (nps, csat, ces), revenue in the locale. */
export const metricLabel = (metric: string, locale: Locale) => (metric === 'revenue' ? tc(locale, 'report.revenue') : metric);

/** The value lines of an account (trend, attraction–barrier, label and contract), each only when recorded; `esc` for plan text. */
export function valueLines(a: AccountReport, esc: (s: string) => string, locale: Locale): string[] {
  const out: string[] = [];
  if (a.trend?.direction) {
    const signals = a.trend.signals.map((s) => `${metricLabel(s.metric, locale)} ${s.previous} → ${s.latest} (${esc(s.previousAt)} → ${esc(s.latestAt)}) ${TREND_ARROW[s.direction]}`).join(' · ');
    out.push(tc(locale, 'report.trend', { arrow: TREND_ARROW[a.trend.direction], signals }));
  }
  if (a.loyalty) {
    const l = a.loyalty;
    const show = (x: number | undefined) => (x === undefined ? tc(locale, 'report.not-scored') : String(x));
    out.push(tc(locale, 'report.loyalty', { attraction: show(l.attraction), barrier: show(l.barrier), position: l.position ? cliWord('loyalty', l.position, locale) : undefined }));
  }
  const facts = [
    a.label && tc(locale, 'report.label', { v: esc(cliWord('label', a.label, locale)) }),
    a.contract && tc(locale, 'report.contract', { start: a.contract.start ?? '?', end: a.contract.end ?? '?', renewal: a.contract.renewal ? esc(cliWord('renewal', a.contract.renewal, locale)) : undefined }),
  ].filter(Boolean);
  if (facts.length) out.push(facts.join(' · '));
  return out;
}

export const whitespaceHeader = (locale: Locale) => headerOf(locale, 'report.whitespace-header');

export function whitespaceCells(c: NonNullable<AccountReport['whitespace']>[number], esc: (s: string) => string, locale: Locale): string[] {
  return [esc(c.unit), esc(c.offering), esc(cliWord('whitespace', c.status, locale)), esc(c.competitor ?? ''), c.value === undefined ? '' : String(c.value)];
}

/** `71 green ▼`: the score and band with the trend arrow, when there is one. */
export const trendArrow = (a: AccountReport) => (a.trend?.direction ? ` ${TREND_ARROW[a.trend.direction]}` : '');
