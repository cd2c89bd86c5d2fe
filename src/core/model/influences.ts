/** The informal influence lines a person document records (`influences`), in either of its two forms. */
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
