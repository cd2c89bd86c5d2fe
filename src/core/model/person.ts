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

export type InfluenceStrength = 'weak' | 'medium' | 'strong';
export const INFLUENCE_STRENGTHS: readonly InfluenceStrength[] = ['weak', 'medium', 'strong'];

/** One informal influence line of a person: whom they sway, how strongly (when recorded), and where it is written. */
export interface InfluenceLink {
  person: string;
  strength?: InfluenceStrength;
  /** The item's index in `influences`. */
  index: number;
  /** The data path of the person id: `['influences', i]` or `['influences', i, 'person']`. */
  path: (string | number)[];
}

/**
 * The informal influence lines of a person's `influences`, whose items are a person id or
 * `{person, strength}`. Items that are neither are left out (the schema reports them).
 */
export function influenceLinks(data: { influences?: unknown }): InfluenceLink[] {
  if (!Array.isArray(data.influences)) return [];
  const out: InfluenceLink[] = [];
  data.influences.forEach((item: unknown, index) => {
    if (typeof item === 'string') out.push({ person: item, index, path: ['influences', index] });
    else if (item && typeof item === 'object' && typeof (item as { person?: unknown }).person === 'string') {
      const s = (item as { strength?: unknown }).strength;
      out.push({ person: (item as { person: string }).person, strength: INFLUENCE_STRENGTHS.includes(s as InfluenceStrength) ? (s as InfluenceStrength) : undefined, index, path: ['influences', index, 'person'] });
    }
  });
  return out;
}
