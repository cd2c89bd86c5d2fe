/**
 * Methodology rules: is the decision chain covered? Each rule looks only at data it can see;
 * a missing value is "unknown", never a guess.
 */
import { daysBetween, isValidDate } from '../dates.js';
import type { Diagnostic, Severity } from '../diagnostic.js';
import type { KeyplanDocument } from '../parse/document.js';
import type { Locale, MessageId } from '../i18n/catalogue.js';
import { currentPlans } from '../model/plans.js';
import type { AccountData, Coverage, RelationshipPlanData, Stage } from '../model/types.js';
import type { Account, Person, Workspace } from '../model/workspace.js';
import type { DataPath } from '../parse/yaml-locate.js';

const STAGES: Stage[] = ['awareness', 'recognition', 'purchase', 'advocacy'];
const DEEP: Coverage[] = ['multiple', 'in-depth'];
const STANCE_ZH: Record<string, string> = { champion: '拥护', supporter: '支持', neutral: '中立', skeptic: '怀疑', opponent: '反对', unknown: '未知' };

export const isActive = (p: Person) => p.data.status !== 'left';
export const hasRole = (p: Person, role: string) => Array.isArray(p.data.roles) && p.data.roles.includes(role);

export function methodologyDiagnostics(ws: Workspace, asOf: string, locale: Locale): Diagnostic[] {
  return [...ws.accounts.values()].flatMap((account) => accountMethodologyDiagnostics(ws, account, asOf, locale));
}

/** The methodology findings of one account. */
export function accountMethodologyDiagnostics(ws: Workspace, account: Account, asOf: string, locale: Locale): Diagnostic[] {
  const out: Diagnostic[] = [];
  const emit = (doc: KeyplanDocument, rule: string, severity: Severity, path: DataPath, id: MessageId, params: Record<string, string | number | undefined>, data: Record<string, unknown>, target: 'key' | 'value' = 'value') =>
    out.push(doc.diagnostic(rule, severity, doc.locate(path, target), locale, id, params, data));

  {
    const doc = account.doc;
    const data = account.data;
    const tier = account.tier;
    const accountName = String(data?.name ?? account.id);
    const active = account.people.filter(isActive);

    if (doc && data && tier) {
      const base = { account: account.id, tier };
      // Emitted for every tier: the per-tier defaults in the registry (C off for the EB, B and C off
      // for the Coach) decide where they show, so keyplan.yaml `rules:` can turn them on elsewhere.
      if (!active.some((p) => hasRole(p, 'EB'))) {
        emit(doc, 'missing-economic-buyer', 'warning', ['tier'], 'rule.missing-economic-buyer', { account: accountName, tier }, base);
      }
      if (!active.some((p) => hasRole(p, 'Coach'))) {
        emit(doc, 'missing-coach', 'warning', ['tier'], 'rule.missing-coach', { account: accountName, tier }, base);
      }
      singleThreaded(account, active, accountName, emit);
      accountPlanRules(doc, data, account, asOf, emit);
    }
    for (const p of active) {
      const stance = p.data.stance ?? 'unknown';
      if (hasRole(p, 'EB') && stance !== 'champion' && stance !== 'supporter') {
        emit(p.doc, 'economic-buyer-not-supportive', 'warning', p.data.stance ? ['stance'] : ['roles'], 'rule.economic-buyer-not-supportive', { name: String(p.data.name ?? p.id), stance, stanceZh: STANCE_ZH[stance] ?? stance }, { person: p.id, account: account.id, stance });
      }
      const coverage = p.data.coverage ?? 'unknown';
      if (typeof p.data.influence === 'number' && p.data.influence >= 4 && (coverage === 'unknown' || coverage === 'none')) {
        emit(p.doc, 'key-player-uncovered', 'warning', p.data.coverage ? ['coverage'] : ['influence'], 'rule.key-player-uncovered', { name: String(p.data.name ?? p.id), influence: p.data.influence, coverage }, { person: p.id, account: account.id });
      }
    }
    for (const plan of account.plans) relationshipPlanRules(plan, ws, account, asOf, emit);
  }
  return out;
}

type Emit = (doc: KeyplanDocument, rule: string, severity: Severity, path: DataPath, id: MessageId, params: Record<string, string | number | undefined>, data: Record<string, unknown>, target?: 'key' | 'value') => void;

function singleThreaded(account: Account, active: Person[], accountName: string, emit: Emit): void {
  const doc = account.doc!;
  const data = { account: account.id, tier: account.tier };
  if (active.length < 3) {
    emit(doc, 'single-threaded', 'warning', ['name'], 'rule.single-threaded.count', { account: accountName, n: active.length }, { ...data, contacts: active.length });
    return;
  }
  const deep = active.filter((p) => DEEP.includes(p.data.coverage as Coverage)).length;
  // Only when every contact's coverage is known: an unknown coverage might be deep.
  const allKnown = active.every((p) => p.data.coverage && p.data.coverage !== 'unknown');
  if (deep <= 1 && allKnown) {
    emit(doc, 'single-threaded', 'warning', ['name'], 'rule.single-threaded.depth', { account: accountName, n: deep, total: active.length }, { ...data, contacts: active.length, deep });
  }
}

function accountPlanRules(doc: KeyplanDocument, data: AccountData, account: Account, asOf: string, emit: Emit): void {
  const base = { account: account.id, tier: account.tier };
  const end = data.period?.end;
  if (isValidDate(end) && end < asOf) {
    emit(doc, 'plan-period-ended', 'warning', ['period', 'end'], 'rule.plan-period-ended', { what: 'account plan', whatZh: '客户计划', end, n: daysBetween(end, asOf), asOf }, { ...base, end });
  }
  const next = data.review?.next;
  if (isValidDate(next) && next < asOf) {
    emit(doc, 'review-overdue', 'warning', ['review', 'next'], 'rule.review-overdue', { next, n: daysBetween(next, asOf), status: data.review?.status ?? 'unknown' }, { ...base, next });
  }
  (Array.isArray(data.objectives) ? data.objectives : []).forEach((o, i) => {
    if (!o || !isValidDate(o.due) || o.due >= asOf || o.status === 'done' || o.status === 'dropped') return;
    emit(doc, 'objective-overdue', 'warning', ['objectives', i, 'due'], 'rule.objective-overdue', { id: o.id ?? `#${i + 1}`, title: o.title ?? '', due: o.due, n: daysBetween(o.due, asOf), status: o.status ?? 'not-started' }, { ...base, objective: o.id });
  });
}

function relationshipPlanRules(plan: KeyplanDocument, ws: Workspace, account: Account, asOf: string, emit: Emit): void {
  const data = plan.data as unknown as RelationshipPlanData;
  const base = { account: account.id, tier: account.tier };
  const current = currentPlans(account, asOf);
  const end = data.period?.end;
  // A lapsed plan matters only when no newer plan has taken over.
  if (isValidDate(end) && end < asOf && current[0] === plan) {
    emit(plan, 'plan-period-ended', 'warning', ['period', 'end'], 'rule.plan-period-ended', { what: 'relationship plan', whatZh: '关系规划', end, n: daysBetween(end, asOf), asOf }, { ...base, end });
  }
  if (!current.includes(plan)) return;
  (Array.isArray(data.contacts) ? data.contacts : []).forEach((c, i) => {
    if (!c || typeof c.person !== 'string') return;
    const person = ws.people.get(c.person);
    if (person && !isActive(person)) return;
    const name = String(person?.data.name ?? c.person);
    if (!c.target_stage) {
      emit(plan, 'stage-target-missing', 'warning', ['contacts', i, 'person'], 'rule.stage-target-missing', { name }, { ...base, person: c.person });
    } else if (c.stage && STAGES.indexOf(c.target_stage) < STAGES.indexOf(c.stage)) {
      emit(plan, 'stage-target-missing', 'warning', ['contacts', i, 'target_stage'], 'rule.stage-target-below', { name, stage: c.stage, target: c.target_stage }, { ...base, person: c.person });
    }
  });
}

