/**
 * The decision chain of one account as a graph: formal lines (`reports_to`) and informal lines
 * (`influences`) between its people, and the paths to the decision: for each economic buyer (and
 * each key player with influence ≥ 4 who is not supportive) the shortest chain of relationships
 * from someone on our side. The map draws it; the rule `no-path-to-economic-buyer` reports an EB
 * no chain reaches.
 *
 * How a chain may walk:
 * - a reporting line both ways: a report can take us to their manager, a manager to their report;
 * - an influence line only in its direction: whoever sways someone can take us to them;
 * - only through people still active (not `status: left`) who are not opponents: a blocker will
 *   not introduce us;
 * - it starts at someone on our side: stance champion or supporter, or a Coach (whatever their stance).
 *
 * Ties are broken so the answer never depends on file order: the shortest chain; among the
 * starting points at that distance a champion before a supporter before a Coach, then the smaller
 * id; along the chain a reporting line before an influence line, then the smaller id. The work is
 * one breadth-first search per target over the account's links: bounded for any input, cycles included.
 */
import type { Account, Person } from '../model/workspace.js';
import { influenceLinks, type InfluenceStrength } from '../model/influences.js';

export type LinkKind = 'reports-to' | 'influences';

/** A line between two people of the account. Reports-to runs from the report to the manager. */
export interface ChainLink {
  kind: LinkKind;
  from: string;
  to: string;
  strength?: InfluenceStrength;
}

/** One step of a path: the line it follows and the way it is walked (`up` to a manager, `down` to a report, `along` an influence line). */
export interface PathStep {
  from: string;
  to: string;
  kind: LinkKind;
  direction: 'up' | 'down' | 'along';
}

export type PathReason = 'economic-buyer' | 'key-player';

export interface DecisionPath {
  /** The person the chain must reach. */
  target: string;
  reason: PathReason;
  /** Where the chain starts (the target itself when they are on our side); undefined: no chain reaches them. */
  from?: string;
  /** The steps from `from` to `target`; empty when the target is on our side. */
  steps: PathStep[];
}

export const SUPPORTIVE_STANCES = ['champion', 'supporter'];
export const KEY_PLAYER_INFLUENCE = 4;

const roles = (p: Person): string[] => (Array.isArray(p.data.roles) ? p.data.roles.map(String) : []);
const active = (p: Person) => p.data.status !== 'left';

/** On our side: a champion or supporter, or a Coach. */
export function onOurSide(p: Person): boolean {
  return active(p) && (SUPPORTIVE_STANCES.includes(String(p.data.stance)) || roles(p).includes('Coach'));
}

/** Rank of a starting point: champion 0, supporter 1, Coach only 2. */
function sideRank(p: Person): number {
  const stance = String(p.data.stance);
  return stance === 'champion' ? 0 : stance === 'supporter' ? 1 : 2;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every formal and informal line among the account's people (people who left included, so the map
 * can draw them), sorted: reports-to before influences, then by from and to. Lines to a person of
 * another account, to nobody or to oneself are left out (the reference rules report them).
 */
export function chainLinks(account: Account): ChainLink[] {
  const ids = new Set(account.people.map((p) => p.id));
  const out: ChainLink[] = [];
  const seen = new Set<string>();
  for (const p of account.people) {
    const manager = p.data.reports_to;
    if (typeof manager === 'string' && manager !== p.id && ids.has(manager)) out.push({ kind: 'reports-to', from: p.id, to: manager });
    for (const link of influenceLinks(p.data)) {
      const key = `${p.id}\u0000${link.person}`;
      if (link.person === p.id || !ids.has(link.person) || seen.has(key)) continue;
      seen.add(key);
      out.push({ kind: 'influences', from: p.id, to: link.person, ...(link.strength ? { strength: link.strength } : {}) });
    }
  }
  return out.sort((a, b) => (a.kind !== b.kind ? (a.kind === 'reports-to' ? -1 : 1) : byId(a.from, b.from) || byId(a.to, b.to)));
}

/** The people a chain must reach: each active EB, then each active key player (influence ≥ 4) not on our side by stance. */
export function pathTargets(account: Account): { person: Person; reason: PathReason }[] {
  const people = [...account.people].filter(active).sort((a, b) => byId(a.id, b.id));
  const ebs = people.filter((p) => roles(p).includes('EB')).map((person) => ({ person, reason: 'economic-buyer' as const }));
  const keys = people
    .filter((p) => !roles(p).includes('EB') && typeof p.data.influence === 'number' && p.data.influence >= KEY_PLAYER_INFLUENCE && !SUPPORTIVE_STANCES.includes(String(p.data.stance)))
    .map((person) => ({ person, reason: 'key-player' as const }));
  return [...ebs, ...keys];
}

/** The paths to the decision of an account, in the order of `pathTargets`. */
export function decisionPaths(account: Account, links: ChainLink[] = chainLinks(account)): DecisionPath[] {
  const people = new Map(account.people.map((p) => [p.id, p]));
  const walkable = (id: string) => {
    const p = people.get(id);
    return !!p && active(p) && p.data.stance !== 'opponent';
  };
  // Predecessors: who can take us one step to a person (u → v), in the order of the tie-break.
  const predecessors = new Map<string, { id: string; step: PathStep }[]>();
  const add = (v: string, u: string, step: PathStep) => {
    const list = predecessors.get(v);
    if (list) list.push({ id: u, step });
    else predecessors.set(v, [{ id: u, step }]);
  };
  for (const l of links) {
    if (l.kind === 'reports-to') {
      add(l.to, l.from, { from: l.from, to: l.to, kind: l.kind, direction: 'up' });
      add(l.from, l.to, { from: l.to, to: l.from, kind: l.kind, direction: 'down' });
    } else add(l.to, l.from, { from: l.from, to: l.to, kind: l.kind, direction: 'along' });
  }
  const order = (a: { id: string; step: PathStep }, b: { id: string; step: PathStep }) =>
    (a.step.kind !== b.step.kind ? (a.step.kind === 'reports-to' ? -1 : 1) : byId(a.id, b.id));
  for (const list of predecessors.values()) list.sort(order);

  return pathTargets(account).map(({ person, reason }) => {
    if (onOurSide(person)) return { target: person.id, reason, from: person.id, steps: [] };
    // Breadth-first from the target backwards; `next` is the step a person takes toward the target.
    const next = new Map<string, PathStep>([[person.id, undefined as unknown as PathStep]]);
    let frontier = [person.id];
    while (frontier.length) {
      const found: string[] = [];
      const following: string[] = [];
      for (const v of frontier) {
        for (const { id: u, step } of predecessors.get(v) ?? []) {
          if (next.has(u) || !walkable(u)) continue;
          next.set(u, step);
          following.push(u);
          if (onOurSide(people.get(u)!)) found.push(u);
        }
      }
      if (found.length) {
        const start = found.sort((a, b) => sideRank(people.get(a)!) - sideRank(people.get(b)!) || byId(a, b))[0];
        const steps: PathStep[] = [];
        for (let at = start; at !== person.id; at = next.get(at)!.to) steps.push(next.get(at)!);
        return { target: person.id, reason, from: start, steps };
      }
      frontier = following;
    }
    return { target: person.id, reason, steps: [] };
  });
}
