/**
 * How an account's decision chain changed: the reporting and influence lines added or removed (a
 * changed strength is one of each), and the map of the changed part at both revisions, for the
 * pull-request comment's before/after Mermaid charts. The changed part is every person at either
 * end of a changed line; each side's map holds those people and the lines between them.
 */
import { chainLinks } from '../analysis/decision-chain.js';
import { accountMap, type MapEdge, type MapModel } from '../map/model.js';
import type { Account } from '../model/workspace.js';
import type { AccountContext } from './context.js';
import type { MapChange } from './model.js';

const key = (e: MapEdge) => `${e.kind}\u0000${e.from}\u0000${e.to}\u0000${e.strength ?? ''}`;

/** The map restricted to some people: their nodes, the lines between them, the paths that stay among them. */
export function mapPart(model: MapModel, people: ReadonlySet<string>): MapModel {
  return {
    ...model,
    nodes: model.nodes.filter((n) => people.has(n.id)),
    edges: model.edges.filter((e) => people.has(e.from) && people.has(e.to)),
    paths: model.paths.filter((p) => people.has(p.target) && (p.from === undefined || people.has(p.from)) && p.steps.every((s) => people.has(s.from) && people.has(s.to))),
    procurement: [],
    approver: model.approver && people.has(model.approver) ? model.approver : undefined,
  };
}

export function mapChange(before: Account | undefined, after: Account | undefined, ctx: AccountContext): MapChange | undefined {
  if (!before || !after) return undefined;
  // The lines alone first (a map's edges are its chain links): most changed accounts keep theirs,
  // and the whole maps, with their paths and temperatures, are drawn only when a line changed.
  const [was, is] = [chainLinks(before), chainLinks(after)];
  const [wasKeys, isKeys] = [new Set(was.map(key)), new Set(is.map(key))];
  const added = is.filter((e) => !wasKeys.has(key(e)));
  const removed = was.filter((e) => !isKeys.has(key(e)));
  if (!added.length && !removed.length) return undefined;
  const a = accountMap({ workspace: ctx.base.result.workspace, cadences: ctx.base.result.cadences, asOf: ctx.asOf }, before);
  const b = accountMap({ workspace: ctx.head.result.workspace, cadences: ctx.head.result.cadences, asOf: ctx.asOf }, after);
  const people = new Set([...added, ...removed].flatMap((e) => [e.from, e.to]));
  return { added, removed, people: [...people].sort(), before: mapPart(a, people), after: mapPart(b, people) };
}
