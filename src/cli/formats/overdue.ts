/** `keyplan overdue`: the contacts a key-account manager should see this week, most urgent first. */
import type { PersonCadence } from '../../core/analysis/cadence.js';
import { escapeMarkdown, markdownTable } from '../../core/render/markdown.js';
import { textTable } from './table.js';

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

const cells = (r: OverdueRow) => [
  stateLabel(r),
  `${r.accountName}${r.tier ? ` (${r.tier})` : ''}`,
  `${r.name}${r.title ? ` · ${r.title}` : ''}`,
  r.roles.join('/') || '-',
  r.lastInteraction ? `${r.lastInteraction} ${r.lastChannel}` : 'never',
  r.daysSince === undefined ? '-' : String(r.daysSince),
  r.expected ? `${r.expected.ideal}/${r.expected.max} (${r.source})` : '-',
  r.owner ?? '-',
];

const HEADER = ['State', 'Account', 'Person', 'Roles', 'Last interaction', 'Days', 'Cadence ideal/max', 'Owner'];

export function formatOverdueText(rows: OverdueRow[], asOf: string, explain: boolean): string {
  if (!rows.length) return `Nobody is overdue or due soon on ${asOf}.\n`;
  let out = `Contacts needing attention on ${asOf} (most urgent first):\n\n` + textTable(HEADER, rows.map(cells));
  if (explain) out += '\n' + rows.map((r) => `- ${r.explanation}`).join('\n') + '\n';
  const overdue = rows.filter((r) => r.state === 'overdue').length;
  out += `\n${rows.length} contact${rows.length === 1 ? '' : 's'}: ${overdue} overdue, ${rows.filter((r) => r.state === 'planned-missed').length} planned missed, ${rows.filter((r) => r.state === 'never').length} never met, ${rows.filter((r) => r.state === 'due-soon').length} due soon.\n`;
  return out;
}

export function formatOverdueMarkdown(rows: OverdueRow[], asOf: string): string {
  if (!rows.length) return `**Nobody is overdue or due soon on ${asOf}.**\n`;
  return `### Contacts needing attention on ${asOf}\n\n` + markdownTable(HEADER, rows.map((r) => cells(r).map(escapeMarkdown)));
}

export function formatOverdueJson(rows: OverdueRow[], asOf: string): string {
  return JSON.stringify({ version: 1, asOf, contacts: rows }, null, 2) + '\n';
}
