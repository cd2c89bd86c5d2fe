/**
 * The data of `keyplan overdue`: one row per contact a key-account manager should see this week,
 * most urgent first, and the cells and header every table format shows for a row.
 */
import type { AccountActivity, PersonCadence } from '../../../core/analysis/cadence.js';
import type { FollowUp } from '../../../core/analysis/follow-ups.js';
import type { Diagnostic } from '../../../core/diagnostic.js';
import { cliWord, headerOf, tc } from '../../../core/i18n/cli.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { compareNames } from '../../../core/i18n/collate.js';

export interface OverdueRow {
  state: string;
  account: string;
  accountName: string;
  tier?: string;
  person: string;
  name: string;
  title?: string;
  roles: string[];
  lastInteraction?: string;
  lastChannel?: string;
  daysSince?: number;
  overdueBy?: number;
  plannedNext?: string;
  expected?: { ideal: number; max: number };
  source?: string;
  owner?: string;
  file: string;
  explanation: string;
}

export function overdueRows(cadences: PersonCadence[]): OverdueRow[] {
  return cadences.map((c) => ({
    state: c.state,
    account: c.account.id,
    accountName: String(c.account.data?.name ?? c.account.id),
    tier: c.tier,
    person: c.person.id,
    name: String(c.person.data.name ?? c.person.id),
    title: c.person.data.title,
    roles: c.person.data.roles ?? [],
    lastInteraction: c.last?.date,
    lastChannel: c.last?.channel,
    daysSince: c.daysSince,
    overdueBy: c.overdueBy,
    plannedNext: c.missedPlan?.next,
    expected: c.expected,
    source: c.source,
    owner: c.owner,
    file: c.person.doc.path,
    explanation: c.explanation,
  }));
}

function stateLabel(r: OverdueRow, locale: Locale): string {
  if (r.state === 'overdue') return tc(locale, 'overdue.state.overdue', { n: r.overdueBy });
  if (r.state === 'planned-missed') return tc(locale, 'overdue.state.planned-missed', { date: r.plannedNext });
  return cliWord('cadence', r.state, locale);
}

export const cells = (r: OverdueRow, locale: Locale) => [
  stateLabel(r, locale),
  `${r.accountName}${r.tier ? ` (${r.tier})` : ''}`,
  `${r.name}${r.title ? ` · ${r.title}` : ''}`,
  r.roles.join('/') || '-',
  r.lastInteraction ? `${r.lastInteraction} ${cliWord('channel', r.lastChannel, locale)}` : tc(locale, 'overdue.never'),
  r.daysSince === undefined ? '-' : String(r.daysSince),
  r.expected ? `${r.expected.ideal}/${r.expected.max} (${cliWord('source', r.source, locale)})` : '-',
  r.owner ?? '-',
];

export const header = (locale: Locale) => headerOf(locale, 'overdue.header');

/** An account nobody has met for longer than `dark_after` days (the `account-dark` finding of `check`). */
export interface DarkAccountRow {
  account: string;
  accountName: string;
  tier?: string;
  owner?: string;
  lastInteraction?: string;
  daysSince?: number;
  darkAfter: number;
  file: string;
  explanation: string;
}

/**
 * The dark accounts, as `check` reports them: one row per `account-dark` finding, so a rule turned
 * off in keyplan.yaml or with `# keyplan-disable` is off here too. Longest silence first.
 */
export function darkAccountRows(activity: AccountActivity[], diagnostics: Diagnostic[], darkAfter: number): DarkAccountRow[] {
  const findings = new Map(diagnostics.filter((d) => d.rule === 'account-dark').map((d) => [d.data?.account as string, d]));
  return activity
    .filter((a) => a.dark && a.account.doc && findings.has(a.account.id))
    .map((a) => ({
      account: a.account.id,
      accountName: String(a.account.data?.name ?? a.account.id),
      tier: a.account.data?.tier,
      owner: a.account.data?.owner,
      lastInteraction: a.last?.date,
      daysSince: a.daysSince,
      darkAfter,
      file: a.account.doc!.path,
      explanation: findings.get(a.account.id)!.message,
    }))
    .sort((x, y) => (y.daysSince ?? Infinity) - (x.daysSince ?? Infinity) || compareNames(x.account, y.account));
}

export const darkHeader = (locale: Locale) => headerOf(locale, 'overdue.dark-header');

export const darkCells = (r: DarkAccountRow, locale: Locale) => [
  `${r.accountName}${r.tier ? ` (${r.tier})` : ''}`,
  r.lastInteraction ?? tc(locale, 'overdue.never'),
  r.daysSince === undefined ? '-' : String(r.daysSince),
  String(r.darkAfter),
  r.owner ?? '-',
];

/** A follow-up (`Next (2026-12-05): …` in a log entry) that is due today or past due. */
export interface FollowUpRow {
  state: 'due' | 'overdue';
  due: string;
  overdueBy: number;
  account: string;
  accountName: string;
  tier?: string;
  people: { id: string; name: string }[];
  owner?: string;
  next: string;
  /** The date of the entry that wrote the step. */
  since: string;
  file: string;
  /** 1-based line of the entry. */
  line: number;
}

export function followUpRows(followUps: FollowUp[]): FollowUpRow[] {
  return followUps.map((f) => ({
    state: f.state === 'overdue' ? 'overdue' : 'due',
    due: f.due!,
    overdueBy: f.overdueBy ?? 0,
    account: f.account.id,
    accountName: String(f.account.data?.name ?? f.account.id),
    tier: f.account.tier,
    people: f.people.map((id) => ({ id, name: String(f.account.people.find((p) => p.id === id)?.data.name ?? id) })),
    owner: f.owner,
    next: f.text,
    since: f.interaction.date,
    file: f.interaction.doc.path,
    line: f.interaction.doc.bodyRange(f.interaction.entry.start, f.interaction.entry.start).start.line,
  }));
}

export const followUpCells = (r: FollowUpRow, locale: Locale) => [
  r.state === 'overdue' ? tc(locale, 'overdue.state.overdue', { n: r.overdueBy }) : tc(locale, 'overdue.state.due-today'),
  r.due,
  `${r.accountName}${r.tier ? ` (${r.tier})` : ''}`,
  r.people.map((p) => p.name).join(', '),
  r.next,
  r.since,
  r.owner ?? '-',
];

export const followUpHeader = (locale: Locale) => headerOf(locale, 'overdue.follow-up-header');

export interface Overdue {
  asOf: string;
  rows: OverdueRow[];
  darkAccounts: DarkAccountRow[];
  /** Follow-ups due today or past due, most overdue first. */
  followUps: FollowUpRow[];
  /** `--follow-ups`: only the follow-ups. */
  onlyFollowUps?: boolean;
  /** Print each contact's explanation below the table (text format). */
  explain: boolean;
}
