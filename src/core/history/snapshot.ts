/**
 * The state of one account and of its people at one revision, checked at that revision's own
 * date: placement, roles, coverage, stage, temperature and cadence per person; tier, lifecycle,
 * relationship level, review, health and objectives for the account. Sensitive personal fields are
 * kept only as a fingerprint, to tell that they changed.
 */
import { temperature } from '../analysis/temperature.js';
import { SENSITIVE_FIELDS } from '../analysis/redact.js';
import type { CheckResult } from '../check/pipeline.js';
import { personView } from '../model/person.js';
import { position, quadrant } from '../model/placement.js';
import { currentContacts } from '../model/plans.js';
import { buildAccountReport } from '../report/report.js';
import type { AccountState, PersonState } from './model.js';

export interface Snapshot {
  account?: AccountState;
  people: Map<string, PersonState>;
  /** Person id → the sensitive fields as one string (compared, never shown). */
  notes: Map<string, string>;
}

export function snapshotOf(result: CheckResult, accountId: string): Snapshot {
  const people = new Map<string, PersonState>();
  const notes = new Map<string, string>();
  const account = result.workspace.accounts.get(accountId);
  if (!account) return { people, notes };
  const asOf = result.asOf;
  // The report computes every person's temperature; without an account plan there is none.
  const report = buildAccountReport(result, accountId);
  const reported = new Map(report?.people.map((p) => [p.id, p]) ?? []);
  const contacts = currentContacts(account, asOf);
  const cadences = new Map(result.cadences.filter((c) => c.account.id === accountId).map((c) => [c.person.id, c]));
  for (const p of account.people) {
    const view = personView(p);
    const contact = contacts.get(p.id)?.contact;
    const cadence = cadences.get(p.id);
    people.set(p.id, {
      id: p.id,
      name: view.name,
      ...(view.title !== undefined ? { title: view.title } : {}),
      account: accountId,
      stance: view.stance,
      ...(view.influence !== undefined ? { influence: view.influence } : {}),
      coverage: view.coverage,
      roles: view.roles,
      status: view.status,
      ...(typeof contact?.stage === 'string' ? { stage: contact.stage } : {}),
      ...(typeof contact?.target_stage === 'string' ? { targetStage: contact.target_stage } : {}),
      quadrant: quadrant(position(p.data.stance, p.data.influence)),
      keyPlayer: cadence?.keyPlayer ?? false,
      ...(view.status === 'active' ? { temperature: (reported.get(p.id)?.temperature ?? temperature(p, result.workspace.interactionsWith(p.id), asOf)).band } : {}),
      cadence: cadence?.state ?? 'unknown',
    });
    const data = p.data as unknown as Record<string, unknown>;
    notes.set(p.id, JSON.stringify(SENSITIVE_FIELDS.person.map((k) => data[k] ?? null)));
  }
  if (!report || !account.data) return { people, notes };
  const data = account.data;
  const objectives = (Array.isArray(data.objectives) ? data.objectives : [])
    .filter((o) => o && typeof o.id === 'string')
    .map((o) => ({ id: o.id, title: String(o.title ?? o.id), status: String(o.status ?? 'not-started') }));
  return {
    account: {
      id: accountId,
      name: report.name,
      ...(report.tier ? { tier: report.tier } : {}),
      ...(typeof data.owner === 'string' ? { owner: data.owner } : {}),
      ...(typeof data.lifecycle === 'string' ? { lifecycle: data.lifecycle } : {}),
      ...(typeof data.relationship_level === 'string' ? { relationshipLevel: data.relationship_level } : {}),
      ...(typeof data.review?.status === 'string' ? { reviewStatus: data.review.status } : {}),
      health: { score: report.health.score, band: report.health.band, parts: report.health.parts.map((p) => ({ part: p.part, score: p.score })) },
      objectives,
    },
    people,
    notes,
  };
}
