/**
 * How the relationship plan of an account changed: plan documents added or removed, and the
 * current plan's contacts added, removed or changed (stage and targets with direction, cadence,
 * owner, a newly planned `next:` interaction).
 */
import { currentContacts } from '../model/plans.js';
import { stanceX } from '../model/placement.js';
import type { KeyplanDocument } from '../parse/document.js';
import type { PlanContact, RelationshipPlanData } from '../model/types.js';
import type { Account } from '../model/workspace.js';
import type { AccountContext } from './context.js';
import { identity } from './files.js';
import type { FieldChange, PlanChanges, PlanDocRef } from './model.js';
import { field, nameOf, ranked, STAGE_RANK } from './values.js';

function planRef(doc: KeyplanDocument): PlanDocRef {
  const data = doc.data as unknown as RelationshipPlanData;
  return { file: doc.path, id: typeof data.id === 'string' ? data.id : undefined, period: data.period ? `${data.period.start}…${data.period.end}` : undefined };
}

export function planChanges(before: Account | undefined, after: Account | undefined, ctx: AccountContext): PlanChanges {
  const out: PlanChanges = { added: [], removed: [], contacts: [] };
  const baseIds = new Set((before?.plans ?? []).map((d) => identity(d) ?? ctx.toHead(d.path)));
  const headIds = new Set((after?.plans ?? []).map((d) => identity(d) ?? d.path));
  for (const d of after?.plans ?? []) if (!baseIds.has(identity(d) ?? d.path)) out.added.push(planRef(d));
  for (const d of before?.plans ?? []) if (!headIds.has(identity(d) ?? ctx.toHead(d.path))) out.removed.push(planRef(d));
  if (!before?.doc || !after?.doc) return out;

  const was = before ? currentContacts(before, ctx.asOf) : new Map();
  const now = after ? currentContacts(after, ctx.asOf) : new Map();
  const headWs = ctx.head.result.workspace;
  const baseWs = ctx.base.result.workspace;
  const name = (id: string) => nameOf(headWs.people.get(id) ?? baseWs.people.get(id), id);
  for (const [person, entry] of now) {
    const c = entry.contact as PlanContact;
    const old = was.get(person)?.contact as PlanContact | undefined;
    if (!old) {
      out.contacts.push({ person, name: name(person), change: 'added', fields: contactFields(undefined, c), plannedNext: c.next });
      continue;
    }
    const fields = contactFields(old, c);
    if (fields.length) out.contacts.push({ person, name: name(person), change: 'changed', fields, plannedNext: c.next && c.next !== old.next ? c.next : undefined });
  }
  for (const [person] of was) if (!now.has(person)) out.contacts.push({ person, name: name(person), change: 'removed', fields: [] });
  return out;
}

function contactFields(a: PlanContact | undefined, b: PlanContact): FieldChange[] {
  const out: FieldChange[] = [];
  field(out, 'layer', a?.layer, b.layer);
  field(out, 'stage', a?.stage, b.stage, (x, y) => ranked(STAGE_RANK, x, y));
  field(out, 'target_stage', a?.target_stage, b.target_stage, (x, y) => ranked(STAGE_RANK, x, y));
  field(out, 'target_stance', a?.target_stance, b.target_stance, (x, y) => {
    const xa = stanceX(x);
    const xb = stanceX(y);
    return xa === undefined || xb === undefined || xa === xb ? 'changed' : xb > xa ? 'improved' : 'worsened';
  });
  field(out, 'target_influence', a?.target_influence, b.target_influence);
  field(out, 'cadence', a?.cadence, b.cadence);
  field(out, 'channels', a?.channels, b.channels);
  field(out, 'owner', a?.owner, b.owner);
  field(out, 'next', a?.next, b.next);
  field(out, 'content', a?.content, b.content);
  return out;
}
