/**
 * The per-account report: health with its parts, each person's temperature, cadence and placement,
 * quadrant counts and findings. `keyplan report --format json` prints exactly this (docs/cli.md),
 * and the editor's tree and matrix read the same objects.
 */
import type { CheckResult } from '../check/pipeline.js';
import { urgency, type CadenceSource, type CadenceState, type PersonCadence } from '../analysis/cadence.js';
import type { Cadence } from '../parse/config.js';
import type { Diagnostic, Severity } from '../diagnostic.js';
import { accountHealth, type Health } from '../analysis/health.js';
import { currentContacts } from '../model/plans.js';
import { personView, type PersonView } from '../model/person.js';
import { position, quadrant, type Quadrant } from '../model/placement.js';
import { temperature, type Temperature } from '../analysis/temperature.js';
import type { Account } from '../model/workspace.js';
import type { CustomerLabel, RenewalStatus, WhitespaceCell } from '../model/types.js';
import { attractionBarrier, healthTrend, type AttractionBarrier, type HealthTrend } from '../analysis/value.js';
import { accountHeading, compareAccounts, type AccountHeading } from '../model/account-heading.js';

export const REPORT_VERSION = 1;
export type { AccountHeading };

export interface PersonReport extends PersonView {
  file: string;
  keyPlayer: boolean;
  temperature?: Temperature;
  cadence: {
    state: CadenceState;
    expected?: Cadence;
    source?: CadenceSource;
    lastInteraction?: { date: string; channel: string; file: string; line: number };
    daysSince?: number;
    overdueBy?: number;
    daysLeft?: number;
    plannedNext?: string;
    owner?: string;
    explanation: string;
  };
  placement: { x?: number; y?: number; quadrant: Quadrant };
  target?: { x?: number; y?: number; quadrant: Quadrant; stage?: string; targetStage?: string };
}

export interface AccountReport extends AccountHeading {
  industry?: string;
  reviewStatus?: string;
  health: Health;
  /** The health trend from the series (▲▼), when a series has two points. */
  trend?: HealthTrend;
  /** The attraction–barrier position, when attraction or switching costs are scored. */
  loyalty?: AttractionBarrier;
  label?: CustomerLabel;
  contract?: { start?: string; end?: string; renewal?: RenewalStatus };
  whitespace?: WhitespaceCell[];
  lastInteraction?: { date: string; daysSince: number };
  dark: boolean;
  /** Set while the account is onboarding (rule account-onboarding): the steps still to do, and the finding's message. */
  onboarding?: { todo: string[]; daysLeft?: number; message: string };
  counts: { people: number; active: number; overdue: number; dueSoon: number; never: number; plannedMissed: number };
  quadrants: Record<Quadrant, number>;
  people: PersonReport[];
  findings: { rule: string; severity: Severity; file: string; line: number; column: number; message: string }[];
}

export interface WorkspaceReport {
  version: number;
  asOf: string;
  locale: string;
  accounts: AccountReport[];
}


/** Appends to the list of `key` (a new array per key, not per element). */
function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
export function buildReport(result: CheckResult): WorkspaceReport {
  const byAccount = new Map<string, PersonCadence[]>();
  for (const c of result.cadences) pushTo(byAccount, c.account.id, c);
  const findingsByFile = new Map<string, Diagnostic[]>();
  for (const d of result.diagnostics) pushTo(findingsByFile, d.file, d);
  const accounts: AccountReport[] = [];
  for (const account of result.workspace.accounts.values()) {
    if (!account.doc) continue; // referenced but without an account plan: reported as unknown-reference
    accounts.push(accountReport(account, byAccount.get(account.id) ?? [], findingsByFile, result));
  }
  accounts.sort(compareAccounts);
  return { version: REPORT_VERSION, asOf: result.asOf, locale: result.locale, accounts };
}

/**
 * One account's report without building the others' (for `history`, which needs one account at
 * many revisions). The same function `buildReport` uses; undefined without an account plan.
 */
export function buildAccountReport(result: CheckResult, accountId: string): AccountReport | undefined {
  const account = result.workspace.accounts.get(accountId);
  if (!account?.doc) return undefined;
  const files = new Set([account.doc.path, ...account.people.map((p) => p.doc.path), ...account.portraits.map((d) => d.path), ...account.plans.map((d) => d.path), ...account.logs.map((d) => d.path)]);
  const findingsByFile = new Map<string, Diagnostic[]>();
  for (const d of result.diagnostics) if (files.has(d.file)) pushTo(findingsByFile, d.file, d);
  return accountReport(account, result.cadences.filter((c) => c.account.id === accountId), findingsByFile, result);
}

function accountReport(account: Account, cadences: PersonCadence[], findingsByFile: Map<string, Diagnostic[]>, result: CheckResult): AccountReport {
  const asOf = result.asOf;
  const contacts = currentContacts(account, asOf);
  const files = new Set([account.doc!.path, ...account.people.map((p) => p.doc.path), ...account.portraits.map((d) => d.path), ...account.plans.map((d) => d.path), ...account.logs.map((d) => d.path)]);
  const findings = [...files].flatMap((f) => findingsByFile.get(f) ?? []);
  const people: PersonReport[] = [...cadences].sort((a, b) => urgency(b) - urgency(a)).map((c) => {
    const p = c.person;
    // The file goes after the title, where the report has always printed it.
    const { id, name, title, ...view } = personView(p);
    const active = view.status === 'active';
    const pos = position(p.data.stance, p.data.influence);
    const contact = contacts.get(p.id)?.contact;
    const targetPos = contact ? position(contact.target_stance ?? p.data.stance, contact.target_influence ?? p.data.influence) : undefined;
    const line = c.last ? c.last.doc.bodyRange(c.last.entry.start, c.last.entry.end).start.line : 0;
    return {
      id,
      name,
      title,
      file: p.doc.path,
      ...view,
      keyPlayer: c.keyPlayer,
      temperature: active ? temperature(p, result.workspace.interactionsWith(p.id), asOf) : undefined,
      cadence: {
        state: c.state, expected: c.expected, source: c.source,
        lastInteraction: c.last ? { date: c.last.date, channel: c.last.channel, file: c.last.doc.path, line } : undefined,
        daysSince: c.daysSince, overdueBy: c.overdueBy, daysLeft: c.daysLeft, plannedNext: contact?.next, owner: c.owner, explanation: c.explanation,
      },
      placement: { x: pos?.x, y: pos?.y, quadrant: quadrant(pos) },
      target: contact ? { x: targetPos?.x, y: targetPos?.y, quadrant: quadrant(targetPos), stage: contact.stage, targetStage: contact.target_stage } : undefined,
    };
  });
  const activePeople = people.filter((p) => p.status === 'active');
  const key = activePeople.filter((p) => p.keyPlayer);
  const temps = (key.length ? key : activePeople).filter((p) => p.temperature).map((p) => ({ name: p.name, temperature: p.temperature! }));
  const onboarding = findings.find((d) => d.rule === 'account-onboarding' && d.file === account.doc!.path);
  // An onboarding account has no interaction to judge a temperature by: its relationship part is unknown, not 0.
  const health = accountHealth(account.data, onboarding ? [] : temps, findings, result.config, asOf);
  const activity = result.activity.find((a) => a.account === account);
  const quadrants: Record<Quadrant, number> = { champions: 0, blockers: 0, fans: 0, naysayers: 0, axis: 0, unplaced: 0 };
  for (const p of activePeople) quadrants[p.placement.quadrant]++;
  const count = (s: CadenceState) => people.filter((p) => p.cadence.state === s).length;
  return {
    ...accountHeading(account),
    industry: account.data?.industry,
    reviewStatus: account.data?.review?.status,
    health,
    ...valueFields(account, asOf),
    lastInteraction: activity?.last ? { date: activity.last.date, daysSince: activity.daysSince! } : undefined,
    dark: !onboarding && (activity?.dark ?? false),
    ...(onboarding ? { onboarding: { todo: (onboarding.data?.todo as string[] | undefined) ?? [], ...(typeof onboarding.data?.daysLeft === 'number' ? { daysLeft: onboarding.data.daysLeft } : {}), message: onboarding.message } } : {}),
    counts: { people: people.length, active: activePeople.length, overdue: count('overdue'), dueSoon: count('due-soon'), never: count('never'), plannedMissed: count('planned-missed') },
    quadrants,
    people,
    findings: findings.map((d) => ({ rule: d.rule, severity: d.severity, file: d.file, line: d.range.start.line, column: d.range.start.column, message: d.message })),
  };
}

/** The value fields of an account's report, each only when the plan records it (so older reports stay byte-identical). */
function valueFields(account: Account, asOf: string): Pick<AccountReport, 'trend' | 'loyalty' | 'label' | 'contract' | 'whitespace'> {
  const data = account.data;
  const out: Pick<AccountReport, 'trend' | 'loyalty' | 'label' | 'contract' | 'whitespace'> = {};
  const trend = healthTrend(data, asOf);
  if (trend.signals.length) out.trend = trend;
  const loyalty = attractionBarrier(data);
  if (loyalty.attractionScores.length || loyalty.barrierScores.length) out.loyalty = loyalty;
  if (typeof data?.label === 'string') out.label = data.label;
  if (data?.contract && typeof data.contract === 'object') out.contract = { start: data.contract.start, end: data.contract.end, renewal: data.contract.renewal };
  const cells = Array.isArray(data?.whitespace) ? data!.whitespace.filter((c) => c && typeof c.unit === 'string' && typeof c.offering === 'string' && typeof c.status === 'string') : [];
  if (cells.length) out.whitespace = cells.map((c) => ({ unit: c.unit, offering: c.offering, status: c.status, ...(typeof c.competitor === 'string' ? { competitor: c.competitor } : {}), ...(typeof c.value === 'number' ? { value: c.value } : {}) }));
  return out;
}
