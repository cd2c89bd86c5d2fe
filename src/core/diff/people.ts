/**
 * How the people of an account changed: added, removed, renamed (same id), moved from another
 * account, left the company or returned; stance (with direction and steps), influence, coverage,
 * roles and quadrant moves; other fields. A sensitive personal field is only "personal notes
 * changed" unless sensitive output was asked for.
 */
import { personView } from '../model/person.js';
import { influenceLinks } from '../model/influences.js';
import { position, quadrant, stanceX } from '../model/placement.js';
import { SENSITIVE_FIELDS } from '../analysis/redact.js';
import type { Account, Person } from '../model/workspace.js';
import type { AccountContext } from './context.js';
import type { PersonDiff, PersonSnapshot } from './model.js';
import { COVERAGE_RANK, field, nameOf, ranked, same } from './values.js';
import { compareNames } from '../i18n/collate.js';

function snapshot(p: Person): PersonSnapshot {
  const { id, name, ...view } = personView(p);
  return { ...view, quadrant: quadrant(position(p.data.stance, p.data.influence)) };
}

export function peopleChanges(before: Account | undefined, after: Account | undefined, ctx: AccountContext): PersonDiff[] {
  const baseWs = ctx.base.result.workspace;
  const headWs = ctx.head.result.workspace;
  const out: PersonDiff[] = [];
  for (const p of after?.people ?? []) {
    const old = baseWs.people.get(p.id);
    if (!old) {
      out.push({ id: p.id, name: nameOf(p, p.id), title: snapshot(p).title, change: 'added', snapshot: snapshot(p), fields: [], personalNotesChanged: false });
      continue;
    }
    const d = personDiff(old, p, ctx.includeSensitive);
    if (old.account !== p.account) d.movedFrom = old.account;
    if (d.movedFrom || d.renamed || d.left || d.returned || d.stance || d.influence || d.coverage || d.roles || d.quadrant || d.fields.length || d.personalNotesChanged) out.push(d);
  }
  for (const p of before?.people ?? []) {
    const now = headWs.people.get(p.id);
    // A person who moved to another account is reported there.
    if (now && now.account !== before!.id) continue;
    if (!now) out.push({ id: p.id, name: nameOf(p, p.id), title: snapshot(p).title, change: 'removed', snapshot: snapshot(p), fields: [], personalNotesChanged: false });
  }
  const order = { added: 0, changed: 1, removed: 2 };
  return out.sort((a, b) => order[a.change] - order[b.change] || compareNames(a.name, b.name));
}

function personDiff(a: Person, b: Person, includeSensitive = false): PersonDiff {
  const sa = snapshot(a);
  const sb = snapshot(b);
  const d: PersonDiff = { id: b.id, name: nameOf(b, b.id), title: sb.title, change: 'changed', snapshot: sb, fields: [], personalNotesChanged: false };
  if (nameOf(a, a.id) !== nameOf(b, b.id)) d.renamed = { from: nameOf(a, a.id), to: nameOf(b, b.id) };
  if (sa.status !== sb.status) {
    if (sb.status === 'left') d.left = true;
    else d.returned = true;
  }
  if (sa.stance !== sb.stance) {
    const xa = stanceX(sa.stance);
    const xb = stanceX(sb.stance);
    d.stance = xa !== undefined && xb !== undefined
      ? { from: sa.stance, to: sb.stance, direction: xb > xa ? 'improved' : 'worsened', steps: Math.abs(xb - xa) }
      : { from: sa.stance, to: sb.stance, direction: 'changed' };
  }
  if (sa.influence !== sb.influence) {
    d.influence = { from: sa.influence, to: sb.influence, direction: sa.influence !== undefined && sb.influence !== undefined ? (sb.influence > sa.influence ? 'improved' : 'worsened') : 'changed' };
  }
  if (sa.coverage !== sb.coverage) d.coverage = { from: sa.coverage, to: sb.coverage, direction: ranked(COVERAGE_RANK, sa.coverage, sb.coverage) };
  const added = sb.roles.filter((r) => !sa.roles.includes(r));
  const removed = sa.roles.filter((r) => !sb.roles.includes(r));
  if (added.length || removed.length) d.roles = { added, removed };
  if (sa.quadrant !== sb.quadrant) d.quadrant = { from: sa.quadrant, to: sb.quadrant };
  field(d.fields, 'title', a.data.title, b.data.title);
  field(d.fields, 'reports_to', a.data.reports_to, b.data.reports_to);
  field(d.fields, 'influences', influenceValues(a.data), influenceValues(b.data));
  field(d.fields, 'channels', a.data.channels, b.data.channels);
  field(d.fields, 'favours_competitor', a.data.favours_competitor, b.data.favours_competitor);
  field(d.fields, 'cadence', a.data.cadence, b.data.cadence);
  const sensitive = SENSITIVE_FIELDS.person;
  d.personalNotesChanged = sensitive.some((k) => !same((a.data as unknown as Record<string, unknown>)[k], (b.data as unknown as Record<string, unknown>)[k]));
  if (includeSensitive) for (const k of sensitive) field(d.fields, k, (a.data as unknown as Record<string, unknown>)[k], (b.data as unknown as Record<string, unknown>)[k]);
  return d;
}

/** `influences` as the diff shows it: ids, with the strength when recorded (`sun-jianguo (strong)`). */
function influenceValues(data: { influences?: unknown }): unknown {
  if (!Array.isArray(data.influences)) return data.influences;
  return influenceLinks(data).map((l) => (l.strength ? `${l.person} (${l.strength})` : l.person));
}
