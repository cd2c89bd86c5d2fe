/**
 * The short list a reviewer reads first: "张伟 moved neutral → supporter", "new EB at 华东电信",
 * "3 contacts became overdue", "missing-coach resolved". Derived from a WorkspaceDiff, most
 * important first; front ends word them and decide how many to show.
 */
import type { Severity } from '../diagnostic.js';
import type { AccountDiff, FindingRef, Headline, HeadlineKind, WorkspaceDiff } from './model.js';
import { KEY_ROLES } from './values.js';

export type { Headline, HeadlineKind } from './model.js';

/**
 * Each finding once per file: a finding repeated in one file (the same words at two places) counts
 * once, but identical messages in different files are different findings — three files with the
 * same error are three findings, each listed with its file.
 */
export function uniqueFindings<T extends FindingRef>(list: readonly T[]): T[] {
  const seen = new Set<string>();
  return list.filter((f) => {
    const key = `${f.rule}\u0000${f.file}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Findings by rule: for introduced ones one headline for errors and one for warnings, for
 * resolved ones a single headline. Infos are left to the details.
 */
function findingHeadlines(kind: 'findings-introduced' | 'findings-resolved', list: readonly FindingRef[], where: { account?: string; accountName?: string }): Headline[] {
  const byRule = new Map<string, { rule: string; severity: Severity; count: number }>();
  for (const f of uniqueFindings(list)) {
    if (f.severity === 'info') continue;
    const entry = byRule.get(f.rule) ?? { rule: f.rule, severity: f.severity, count: 0 };
    entry.count++;
    if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[entry.severity]) entry.severity = f.severity;
    byRule.set(f.rule, entry);
  }
  const rules = [...byRule.values()].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.count - a.count || a.rule.localeCompare(b.rule));
  if (!rules.length) return [];
  const headline = (severity: Severity | undefined, subset: typeof rules): Headline => ({ kind, ...where, severity, rules: subset, count: subset.reduce((n, r) => n + r.count, 0) });
  if (kind === 'findings-resolved') return [headline(undefined, rules)];
  return (['error', 'warning'] as const).map((sev) => headline(sev, rules.filter((r) => r.severity === sev))).filter((h) => h.rules!.length);
}

function accountHeadlines(a: AccountDiff): Headline[] {
  const where = { account: a.id, accountName: a.name };
  const out: Headline[] = [];
  if (a.change !== 'changed') {
    out.push({ kind: a.change === 'added' ? 'account-added' : 'account-removed', ...where, count: a.size?.people });
    if (a.change === 'removed') {
      out.push(...findingHeadlines('findings-resolved', a.findings.resolved, where));
      return out;
    }
  }
  const tier = a.fields.find((f) => f.field === 'tier');
  if (tier) out.push({ kind: 'tier', ...where, from: tier.from, to: tier.to });
  const stanceMoves = a.people.filter((p) => p.stance).sort((x, y) => (y.stance!.steps ?? 0) - (x.stance!.steps ?? 0));
  for (const p of stanceMoves) out.push({ kind: 'stance', ...where, names: [p.name], from: p.stance!.from, to: p.stance!.to, direction: p.stance!.direction, steps: p.stance!.steps });
  for (const p of a.people) {
    const gained = p.change === 'added' ? p.snapshot.roles : p.roles?.added ?? [];
    for (const role of gained.filter((r) => KEY_ROLES.includes(r))) out.push({ kind: 'key-role-added', ...where, names: [p.name], role, direction: p.change === 'added' ? 'changed' : undefined });
    const lost = p.change === 'removed' ? p.snapshot.roles : p.roles?.removed ?? [];
    for (const role of lost.filter((r) => KEY_ROLES.includes(r))) out.push({ kind: 'key-role-removed', ...where, names: [p.name], role });
  }
  const names = (list: { name: string }[]) => list.map((p) => p.name);
  const left = a.people.filter((p) => p.left);
  if (left.length) out.push({ kind: 'person-left', ...where, names: names(left), count: left.length });
  const added = a.people.filter((p) => p.change === 'added' && !p.snapshot.roles.some((r) => KEY_ROLES.includes(r)));
  if (added.length && a.change === 'changed') out.push({ kind: 'person-added', ...where, names: names(added), count: added.length });
  const removed = a.people.filter((p) => p.change === 'removed');
  if (removed.length) out.push({ kind: 'person-removed', ...where, names: names(removed), count: removed.length });
  out.push(...findingHeadlines('findings-introduced', a.findings.introduced, where).filter((h) => h.severity === 'error'));
  const overdue = a.cadence.filter((c) => c.to.state === 'overdue' && c.from.state !== 'overdue');
  if (overdue.length) out.push({ kind: 'became-overdue', ...where, names: names(overdue), count: overdue.length });
  const missed = a.cadence.filter((c) => c.to.state === 'planned-missed' && c.from.state !== 'planned-missed');
  if (missed.length) out.push({ kind: 'planned-missed', ...where, names: names(missed), count: missed.length });
  out.push(...findingHeadlines('findings-introduced', a.findings.introduced, where).filter((h) => h.severity !== 'error'));
  if (a.health && (a.health.from.band !== a.health.to.band || Math.abs((a.health.to.score ?? 0) - (a.health.from.score ?? 0)) >= 5)) {
    out.push({ kind: 'health', ...where, from: a.health.from.score ?? null, to: a.health.to.score ?? null, direction: a.health.direction, fromBand: a.health.from.band, toBand: a.health.to.band });
  }
  out.push(...findingHeadlines('findings-resolved', a.findings.resolved, where));
  const bad = new Set(['overdue', 'planned-missed', 'never']);
  const back = a.cadence.filter((c) => bad.has(c.from.state) && (c.to.state === 'ok' || c.to.state === 'due-soon'));
  if (back.length) out.push({ kind: 'back-on-track', ...where, names: names(back), count: back.length });
  const review = a.fields.find((f) => f.field === 'review.status');
  if (review) out.push({ kind: 'review', ...where, from: review.from, to: review.to, direction: review.direction });
  const owner = a.fields.find((f) => f.field === 'owner');
  if (owner) out.push({ kind: 'owner', ...where, from: owner.from, to: owner.to });
  const done = a.objectives.filter((o) => o.done);
  if (done.length) out.push({ kind: 'objective-done', ...where, names: done.map((o) => o.title), count: done.length });
  if (a.interactions.added.length) out.push({ kind: 'interactions', ...where, count: a.interactions.added.length, names: a.interactions.met.map((m) => m.name) });
  return out;
}

/** Every headline, most important first. */
export function diffHeadlines(diff: WorkspaceDiff): Headline[] {
  const perAccount = diff.accounts.map(accountHeadlines);
  const rank: Record<HeadlineKind, number> = {
    'account-added': 0, 'account-removed': 0, config: 1, tier: 2, stance: 3, 'key-role-added': 4, 'key-role-removed': 4,
    'person-left': 5, 'findings-introduced': 6, 'became-overdue': 7, 'planned-missed': 8, 'person-added': 9, 'person-removed': 9,
    health: 10, 'findings-resolved': 11, 'back-on-track': 12, review: 13, owner: 14, 'objective-done': 15, interactions: 16,
  };
  const all = perAccount.flat();
  if (diff.workspace.configChanged) all.push({ kind: 'config' });
  all.push(...findingHeadlines('findings-introduced', diff.workspace.findings.introduced, {}), ...findingHeadlines('findings-resolved', diff.workspace.findings.resolved, {}));
  // Errors introduced come before everything but structural changes; otherwise keep the kind order.
  const key = (h: Headline) => (h.kind === 'findings-introduced' && h.severity === 'error' ? 1.5 : rank[h.kind]);
  return all.map((h, i) => ({ h, i })).sort((a, b) => key(a.h) - key(b.h) || a.i - b.i).map((x) => x.h);
}
