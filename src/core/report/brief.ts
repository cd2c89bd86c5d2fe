/**
 * The account brief (`keyplan export`): what someone outside the account team needs to know about
 * an account — the plan's key facts, health with its parts, the people with their roles, stance,
 * influence and cadence, the objectives, the contacts of the current relationship plan and what
 * needs attention. Meant to be shared, so sensitive personal fields (`x-sensitive`: needs, career,
 * preferences, communication style) are left out unless the caller asks for them, findings about
 * them are redacted, and no Markdown body (free notes) is ever included.
 */
import type { CheckResult } from '../check/pipeline.js';
import type { Cadence } from '../parse/config.js';
import type { Severity } from '../diagnostic.js';
import { asPersonView, type PersonView } from '../model/person.js';
import { currentContacts, currentPlans } from '../model/plans.js';
import { kindLookup, redactSensitive, sensitiveValues } from '../analysis/redact.js';
import { buildReport, type AccountReport } from './report.js';
import type { AccountData, PlanContact, RelationshipPlanData } from '../model/types.js';
import type { Account } from '../model/workspace.js';

export const BRIEF_VERSION = 1;
export const BRIEF_GENERATOR = 'keyplan export';

export interface BriefPerson extends PersonView {
  keyPlayer: boolean;
  quadrant: string;
  temperature?: { score: number; band: string };
  cadence: {
    state: string;
    expected?: Cadence;
    lastInteraction?: { date: string; channel: string };
    daysSince?: number;
    overdueBy?: number;
    plannedNext?: string;
    owner?: string;
  };
  /** Sensitive personal notes: present only when they were asked for (`--include-sensitive`). */
  personal?: Record<string, unknown>;
}

export interface BriefContact {
  person: string;
  name: string;
  layer?: string;
  stage?: string;
  targetStage?: string;
  targetStance?: string;
  targetInfluence?: number;
  cadence?: Cadence;
  channels?: string[];
  owner?: string;
  next?: string;
  content?: string;
}

export interface AccountBrief {
  id: string;
  name: string;
  tier?: string;
  owner?: string;
  team?: string[];
  industry?: string;
  lifecycle?: string;
  relationshipLevel?: string;
  period?: { start?: string; end?: string };
  review?: { status?: string; next?: string };
  health: { score?: number; band?: string; parts: { part: string; score?: number; weight: number }[] };
  /** Value and early warning (#20), each only when the plan records it. */
  trend?: AccountReport['trend'];
  loyalty?: AccountReport['loyalty'];
  label?: AccountReport['label'];
  contract?: AccountReport['contract'];
  whitespace?: AccountReport['whitespace'];
  competitors?: { name: string; strength?: string; strongIn?: string[]; favouredBy: string[] }[];
  lastInteraction?: { date: string; daysSince: number };
  dark: boolean;
  counts: AccountReport['counts'];
  quadrants: AccountReport['quadrants'];
  people: BriefPerson[];
  objectives: { id: string; title: string; status: string; due?: string; target?: string | number; measure?: string; owner?: string }[];
  relationshipPlan?: { id?: string; period?: { start?: string; end?: string }; contacts: BriefContact[] };
  /** Errors and warnings about the account's documents, each once. */
  attention: { rule: string; severity: Severity; message: string }[];
}

export interface BriefExport {
  version: number;
  generator: typeof BRIEF_GENERATOR;
  asOf: string;
  locale: string;
  /** Whether sensitive personal fields were left out (the default) or included on request. */
  sensitive: 'redacted' | 'included';
  accounts: AccountBrief[];
}

export interface BriefOptions {
  /** Only these accounts (ids); all accounts with an account plan when absent. */
  accounts?: string[];
  includeSensitive?: boolean;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

export function buildBriefs(result: CheckResult, options: BriefOptions = {}): BriefExport {
  const includeSensitive = options.includeSensitive === true;
  // Findings as a reader of the brief may see them: about sensitive fields, only which field.
  const diagnostics = includeSensitive ? result.diagnostics : redactSensitive(result.diagnostics, kindLookup(result.documents), result.locale);
  const report = buildReport({ ...result, diagnostics });
  const wanted = options.accounts ? new Set(options.accounts) : undefined;
  const accounts = report.accounts.filter((a) => !wanted || wanted.has(a.id)).map((a) => accountBrief(a, result, includeSensitive));
  return { version: BRIEF_VERSION, generator: BRIEF_GENERATOR, asOf: result.asOf, locale: result.locale, sensitive: includeSensitive ? 'included' : 'redacted', accounts };
}

function accountBrief(a: AccountReport, result: CheckResult, includeSensitive: boolean): AccountBrief {
  const account = result.workspace.accounts.get(a.id)!;
  const data = (account.data ?? {}) as Partial<AccountData>;
  const plan = currentPlans(account, result.asOf)[0];
  const contacts = currentContacts(account, result.asOf);
  const nameOf = (id: string) => String(result.workspace.people.get(id)?.data.name ?? id);
  const seen = new Set<string>();
  return {
    id: a.id,
    name: a.name,
    tier: a.tier,
    owner: a.owner,
    team: Array.isArray(data.team) ? data.team.map(String) : undefined,
    industry: str(data.industry),
    lifecycle: str(data.lifecycle),
    relationshipLevel: str(data.relationship_level),
    period: data.period ? { start: str(data.period.start), end: str(data.period.end) } : undefined,
    review: data.review ? { status: str(data.review.status), next: str(data.review.next) } : undefined,
    health: { score: a.health.score, band: a.health.band, parts: a.health.parts.map((p) => ({ part: p.part, score: p.score, weight: p.weight })) },
    ...(a.trend ? { trend: a.trend } : {}),
    ...(a.loyalty ? { loyalty: a.loyalty } : {}),
    ...(a.label ? { label: a.label } : {}),
    ...(a.contract ? { contract: a.contract } : {}),
    ...(a.whitespace ? { whitespace: a.whitespace } : {}),
    ...competitorsOf(account),
    lastInteraction: a.lastInteraction,
    dark: a.dark,
    counts: a.counts,
    quadrants: a.quadrants,
    people: a.people.map((p) => {
      const person: BriefPerson = {
        ...asPersonView(p),
        keyPlayer: p.keyPlayer, quadrant: p.placement.quadrant,
        temperature: p.temperature ? { score: p.temperature.score, band: p.temperature.band } : undefined,
        cadence: {
          state: p.cadence.state, expected: p.cadence.expected,
          lastInteraction: p.cadence.lastInteraction ? { date: p.cadence.lastInteraction.date, channel: p.cadence.lastInteraction.channel } : undefined,
          daysSince: p.cadence.daysSince, overdueBy: p.cadence.overdueBy, plannedNext: p.cadence.plannedNext, owner: p.cadence.owner,
        },
      };
      if (includeSensitive) {
        const personal = sensitiveValues('person', result.workspace.people.get(p.id)?.data);
        if (Object.keys(personal).length) person.personal = personal;
      }
      return person;
    }),
    objectives: (Array.isArray(data.objectives) ? data.objectives : []).filter((o) => o && typeof o.id === 'string').map((o) => ({
      id: o.id, title: String(o.title ?? o.id), status: str(o.status) ?? 'not-started', due: str(o.due),
      target: typeof o.target === 'string' || typeof o.target === 'number' ? o.target : undefined, measure: str(o.measure), owner: str(o.owner),
    })),
    relationshipPlan: plan ? {
      id: str((plan.data as unknown as RelationshipPlanData).id),
      period: (plan.data as unknown as RelationshipPlanData).period ? { start: str((plan.data as unknown as RelationshipPlanData).period.start), end: str((plan.data as unknown as RelationshipPlanData).period.end) } : undefined,
      contacts: [...contacts.values()].filter((e) => e.plan === plan).map(({ contact: c }: { contact: PlanContact }) => ({
        person: c.person, name: nameOf(c.person), layer: str(c.layer), stage: str(c.stage), targetStage: str(c.target_stage), targetStance: str(c.target_stance),
        targetInfluence: num(c.target_influence), cadence: c.cadence, channels: Array.isArray(c.channels) ? c.channels.map(String) : undefined,
        owner: str(c.owner), next: str(c.next), content: str(c.content),
      })),
    } : undefined,
    attention: a.findings
      .filter((f) => f.severity !== 'info' && !seen.has(f.rule + f.message) && seen.add(f.rule + f.message))
      .map((f) => ({ rule: f.rule, severity: f.severity, message: f.message })),
  };
}

/** The account's competitors, each with the active people who favour them (by name); only when recorded. */
export function competitorsOf(account: Account): { competitors?: AccountBrief['competitors'] } {
  const list = Array.isArray(account.data?.competitors) ? account.data!.competitors.filter((c) => c && typeof c.name === 'string') : [];
  const favouring = account.people.filter((p) => p.data.status !== 'left' && typeof p.data.favours_competitor === 'string');
  const names = new Set(list.map((c) => c.name));
  // A competitor a person favours but the plan does not list is shown too: the brief hides nothing the plan says.
  const extra = [...new Set(favouring.map((p) => p.data.favours_competitor!))].filter((n) => !names.has(n)).map((name) => ({ name }));
  const all = [...list, ...extra];
  if (!all.length) return {};
  return {
    competitors: all.map((c) => ({
      name: c.name,
      ...('strength' in c && typeof c.strength === 'string' ? { strength: c.strength } : {}),
      ...('strong_in' in c && c.strong_in !== undefined ? { strongIn: (Array.isArray(c.strong_in) ? c.strong_in : [c.strong_in]).map(String) } : {}),
      favouredBy: favouring.filter((p) => p.data.favours_competitor === c.name).map((p) => String(p.data.name ?? p.id)),
    })),
  };
}
