/**
 * One account's diff: added, removed or changed; its files, plan fields (tier, owner, review,
 * value, health inputs) and objectives, its health score and band, and the changes of its people,
 * relationship plan, interactions and cadence. An account with nothing changed has no diff.
 */
import type { AccountReport } from '../report/report.js';
import { ATTRACTION_KINDS, SWITCHING_COST_KINDS, type AccountData, type Objective, type WhitespaceCell } from '../model/types.js';
import { higherIsBetter, latestSurvey, revenueSeries, SURVEY_KINDS } from '../analysis/value.js';
import type { Account } from '../model/workspace.js';
import { cadenceChanges } from './cadence.js';
import { documentsOf, type AccountContext } from './context.js';
import { interactionChanges } from './interactions.js';
import type { AccountDiff, FieldChange, HealthChange, HealthSnapshot, ObjectiveChange } from './model.js';
import { mapChange } from './map.js';
import { peopleChanges } from './people.js';
import { planChanges } from './plans.js';
import { BAND_RANK, CHURN_RANK, field, LABEL_RANK, LEVEL_RANK, numeric, OBJECTIVE_RANK, ranked, RENEWAL_RANK, REVIEW_RANK, STRENGTH_RANK, WHITESPACE_RANK } from './values.js';

export function diffAccount(id: string, before: Account | undefined, after: Account | undefined, ctx: AccountContext): AccountDiff | undefined {
  const hasBefore = !!before?.doc;
  const hasAfter = !!after?.doc;
  const data = (after?.data ?? before?.data) as AccountData | undefined;
  // An account plan that only became unreadable (a YAML error) is a changed account, not a removed one.
  const fileGone = (p: string) => ctx.files.some((f) => f.change === 'removed' && f.path === p);
  const fileNew = (p: string) => ctx.files.some((f) => f.change === 'added' && f.path === p);
  const change: AccountDiff['change'] = hasBefore && !hasAfter && fileGone(before!.doc!.path) ? 'removed' : !hasBefore && hasAfter && fileNew(after!.doc!.path) ? 'added' : 'changed';

  const headPaths = new Set(documentsOf(after).map((d) => d.path));
  const basePaths = new Set(documentsOf(before).map((d) => ctx.toHead(d.path)));
  const files = ctx.files.filter((f) => headPaths.has(f.path) || basePaths.has(f.path));

  const diff: AccountDiff = {
    id,
    name: String(data?.name ?? id),
    tier: after?.tier ?? before?.tier,
    owner: typeof data?.owner === 'string' ? data.owner : undefined,
    change,
    files,
    fields: change === 'changed' ? accountFields(before?.data, after?.data) : [],
    objectives: change === 'changed' ? objectiveChanges(before?.data, after?.data) : [],
    people: [],
    plan: { added: [], removed: [], contacts: [] },
    interactions: { added: [], removed: [], edited: [], met: [] },
    cadence: [],
    findings: ctx.findings,
  };
  if (change !== 'changed') {
    const side = change === 'added' ? after! : before!;
    diff.size = { people: side.people.length, documents: documentsOf(side).length };
  }
  diff.health = healthChange(ctx.baseReport, ctx.headReport);
  diff.people = peopleChanges(before, after, ctx);
  diff.plan = planChanges(before, after, ctx);
  // A deleted account's log went with it; listing each of its entries as removed says nothing more.
  if (change !== 'removed') diff.interactions = interactionChanges(before, after, ctx);
  diff.cadence = cadenceChanges(id, ctx);
  const map = change === 'changed' ? mapChange(before, after, ctx) : undefined;
  if (map) diff.map = map;

  const changed =
    change !== 'changed' || diff.files.length || diff.fields.length || diff.objectives.length || diff.health || diff.people.length ||
    diff.plan.added.length || diff.plan.removed.length || diff.plan.contacts.length || diff.interactions.added.length ||
    diff.interactions.removed.length || diff.interactions.edited.length || diff.cadence.length ||
    diff.findings.introduced.length || diff.findings.resolved.length || diff.findings.severityChanged.length || diff.map;
  return changed ? diff : undefined;
}

function accountFields(a: AccountData | undefined, b: AccountData | undefined): FieldChange[] {
  const out: FieldChange[] = [];
  if (!a || !b) return out;
  field(out, 'name', a.name, b.name);
  field(out, 'tier', a.tier, b.tier);
  field(out, 'owner', a.owner, b.owner);
  field(out, 'team', a.team, b.team);
  field(out, 'industry', a.industry, b.industry);
  field(out, 'lifecycle', a.lifecycle, b.lifecycle);
  field(out, 'relationship_level', a.relationship_level, b.relationship_level, (x, y) => ranked(LEVEL_RANK, x, y));
  field(out, 'period', a.period, b.period);
  field(out, 'review.status', a.review?.status, b.review?.status, (x, y) => ranked(REVIEW_RANK, x, y));
  field(out, 'review.reviewers', a.review?.reviewers, b.review?.reviewers);
  field(out, 'review.next', a.review?.next, b.review?.next);
  for (const k of ['financial', 'strategic', 'structural', 'current', 'potential'] as const) field(out, `value.${k}`, a.value?.[k], b.value?.[k], (x, y) => numeric(x, y));
  field(out, 'health.nps', a.health?.nps, b.health?.nps, (x, y) => numeric(x, y));
  field(out, 'health.csat', a.health?.csat, b.health?.csat, (x, y) => numeric(x, y));
  field(out, 'health.revenue', a.health?.revenue, b.health?.revenue, (x, y) => numeric(x, y));
  field(out, 'health.currency', a.health?.currency, b.health?.currency);
  field(out, 'health.churn_risk', a.health?.churn_risk, b.health?.churn_risk, (x, y) => ranked(CHURN_RANK, x, y));
  valueFields(out, a, b);
  return out;
}

/**
 * The value and early-warning fields (#20): label, contract, each revenue period, the latest score
 * of each survey kind, each whitespace cell, each competitor, each attraction and switching-cost
 * score. A series is compared entry by entry (by period, kind, cell or name), so a reviewer sees
 * `revenue.2026-Q3 32000000 → 14000000`, not a rewritten list.
 */
function valueFields(out: FieldChange[], a: AccountData, b: AccountData): void {
  field(out, 'label', a.label, b.label, (x, y) => ranked(LABEL_RANK, x, y));
  field(out, 'contract.start', a.contract?.start, b.contract?.start);
  field(out, 'contract.end', a.contract?.end, b.contract?.end);
  field(out, 'contract.renewal', a.contract?.renewal, b.contract?.renewal, (x, y) => ranked(RENEWAL_RANK, x, y));
  const revenue = (d: AccountData) => new Map(revenueSeries(d).map((p) => [p.label, p]));
  const ra = revenue(a);
  const rb = revenue(b);
  for (const period of [...new Set([...ra.keys(), ...rb.keys()])].sort()) {
    field(out, `revenue.${period}`, ra.get(period)?.amount, rb.get(period)?.amount, (x, y) => numeric(x, y));
    field(out, `revenue.${period}.profit`, ra.get(period)?.profit, rb.get(period)?.profit, (x, y) => numeric(x, y));
    field(out, `revenue.${period}.orders`, ra.get(period)?.orders, rb.get(period)?.orders, (x, y) => numeric(x, y));
  }
  for (const kind of SURVEY_KINDS) {
    const la = latestSurvey(a, kind);
    const lb = latestSurvey(b, kind);
    const show = (s: typeof la) => (s ? `${s.score} (${s.date})` : undefined);
    field(out, `surveys.${kind}`, show(la), show(lb), () => numeric(la?.score, lb?.score, higherIsBetter(kind)));
  }
  const cells = (d: AccountData) => new Map((Array.isArray(d.whitespace) ? d.whitespace : []).filter((c) => c && typeof c.unit === 'string' && typeof c.offering === 'string').map((c) => [`${c.unit} × ${c.offering}`, c]));
  const ca = cells(a);
  const cb = cells(b);
  for (const key of [...new Set([...ca.keys(), ...cb.keys()])]) {
    const show = (c: WhitespaceCell | undefined) => (c ? [c.status, c.competitor].filter(Boolean).join(' ') : undefined);
    field(out, `whitespace.${key}`, show(ca.get(key)), show(cb.get(key)), () => ranked(WHITESPACE_RANK, ca.get(key)?.status, cb.get(key)?.status));
    field(out, `whitespace.${key}.value`, ca.get(key)?.value, cb.get(key)?.value, (x, y) => numeric(x, y));
  }
  const comps = (d: AccountData) => new Map((Array.isArray(d.competitors) ? d.competitors : []).filter((c) => c && typeof c.name === 'string').map((c) => [c.name, c]));
  const pa = comps(a);
  const pb = comps(b);
  field(out, 'competitors', [...pa.keys()], [...pb.keys()]);
  for (const name of [...pa.keys()].filter((n) => pb.has(n))) {
    field(out, `competitors.${name}.strength`, pa.get(name)?.strength, pb.get(name)?.strength, (x, y) => ranked(STRENGTH_RANK, x, y));
    field(out, `competitors.${name}.strong_in`, pa.get(name)?.strong_in, pb.get(name)?.strong_in);
  }
  for (const k of ATTRACTION_KINDS) field(out, `attraction.${k}`, a.attraction?.[k]?.score, b.attraction?.[k]?.score, (x, y) => numeric(x, y));
  for (const k of SWITCHING_COST_KINDS) field(out, `switching_costs.${k}`, a.switching_costs?.[k]?.score, b.switching_costs?.[k]?.score, (x, y) => numeric(x, y));
}

function objectiveChanges(a: AccountData | undefined, b: AccountData | undefined): ObjectiveChange[] {
  const list = (d: AccountData | undefined) => new Map((Array.isArray(d?.objectives) ? d!.objectives : []).filter((o) => o && typeof o.id === 'string').map((o) => [o.id, o]));
  const before = list(a);
  const after = list(b);
  const out: ObjectiveChange[] = [];
  const brief = (o: Objective, change: ObjectiveChange['change']): ObjectiveChange => ({ id: o.id, title: String(o.title ?? o.id), change, status: o.status, due: o.due, fields: [], done: false });
  for (const [id, o] of after) {
    const old = before.get(id);
    if (!old) {
      out.push({ ...brief(o, 'added'), done: o.status === 'done' });
      continue;
    }
    const fields: FieldChange[] = [];
    field(fields, 'title', old.title, o.title);
    field(fields, 'status', old.status ?? 'not-started', o.status ?? 'not-started', (x, y) => ranked(OBJECTIVE_RANK, x, y));
    field(fields, 'due', old.due, o.due);
    field(fields, 'target', old.target, o.target);
    field(fields, 'measure', old.measure, o.measure);
    field(fields, 'owner', old.owner, o.owner);
    field(fields, 'kind', old.kind, o.kind);
    if (fields.length) out.push({ ...brief(o, 'changed'), fields, done: o.status === 'done' && old.status !== 'done' });
  }
  for (const [id, o] of before) if (!after.has(id)) out.push(brief(o, 'removed'));
  return out;
}

function healthSnapshot(r: AccountReport | undefined): HealthSnapshot {
  return { score: r?.health.score, band: r?.health.band, parts: (r?.health.parts ?? []).map((p) => ({ part: p.part, score: p.score })) };
}

function healthChange(a: AccountReport | undefined, b: AccountReport | undefined): HealthChange | undefined {
  if (!a || !b) return undefined;
  const from = healthSnapshot(a);
  const to = healthSnapshot(b);
  if (JSON.stringify(from) === JSON.stringify(to)) return undefined;
  const direction = from.band && to.band && from.band !== to.band ? ranked(BAND_RANK, from.band, to.band) : numeric(from.score, to.score);
  return { from, to, direction };
}
