/**
 * The data of `keyplan overdue`: one row per contact a key-account manager should see this week,
 * most urgent first, and the cells and header every table format shows for a row.
 */
import type { PersonCadence } from '../../../core/analysis/cadence.js';

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

function stateLabel(r: OverdueRow): string {
  if (r.state === 'overdue') return `overdue +${r.overdueBy}d`;
  if (r.state === 'planned-missed') return `planned ${r.plannedNext} missed`;
  return r.state;
}

export const cells = (r: OverdueRow) => [
  stateLabel(r),
  `${r.accountName}${r.tier ? ` (${r.tier})` : ''}`,
  `${r.name}${r.title ? ` · ${r.title}` : ''}`,
  r.roles.join('/') || '-',
  r.lastInteraction ? `${r.lastInteraction} ${r.lastChannel}` : 'never',
  r.daysSince === undefined ? '-' : String(r.daysSince),
  r.expected ? `${r.expected.ideal}/${r.expected.max} (${r.source})` : '-',
  r.owner ?? '-',
];

export const HEADER = ['State', 'Account', 'Person', 'Roles', 'Last interaction', 'Days', 'Cadence ideal/max', 'Owner'];

export interface Overdue {
  asOf: string;
  rows: OverdueRow[];
  /** Print each contact's explanation below the table (text format). */
  explain: boolean;
}
