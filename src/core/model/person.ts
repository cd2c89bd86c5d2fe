/**
 * One person as every derived view shows them — the report (`keyplan report`), the brief
 * (`keyplan export`) and the diff's snapshot (`keyplan diff`): name, title, buying roles, stance,
 * influence, coverage and status, with the defaults a view uses for an absent value (the id for
 * the name, `unknown` stance and coverage, `active`). The data is validated upstream; the type
 * checks here only keep a missing value from being guessed at.
 */
import type { Person } from './workspace.js';

export interface PersonView {
  id: string;
  name: string;
  title?: string;
  roles: string[];
  stance: string;
  influence?: number;
  coverage: string;
  status: 'active' | 'left';
}

export function personView(p: Person): PersonView {
  return {
    id: p.id,
    name: String(p.data.name ?? p.id),
    title: typeof p.data.title === 'string' ? p.data.title : undefined,
    roles: Array.isArray(p.data.roles) ? p.data.roles.map(String) : [],
    stance: String(p.data.stance ?? 'unknown'),
    influence: typeof p.data.influence === 'number' ? p.data.influence : undefined,
    coverage: String(p.data.coverage ?? 'unknown'),
    status: p.data.status === 'left' ? 'left' : 'active',
  };
}

/** Just the person view of a larger object (a report's person), its fields in the view's order. */
export function asPersonView(v: PersonView): PersonView {
  return { id: v.id, name: v.name, title: v.title, roles: v.roles, stance: v.stance, influence: v.influence, coverage: v.coverage, status: v.status };
}
