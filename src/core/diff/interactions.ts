/**
 * The interactions logged for an account between two revisions: entries added, removed and
 * edited (same date, channel and people, another summary), and who was met in the added ones.
 */
import type { Account, Interaction, Workspace } from '../model/workspace.js';
import type { AccountContext } from './context.js';
import type { InteractionChanges, InteractionRef } from './model.js';
import { nameOf } from './values.js';
import { compareNames } from '../i18n/collate.js';

function interactionRef(i: Interaction, ws: Workspace): InteractionRef {
  return {
    date: i.date,
    channel: i.channel,
    people: i.people.map((id) => ({ id, name: nameOf(ws.people.get(id), id) })),
    summary: i.summary,
    file: i.doc.path,
    line: i.doc.bodyRange(i.entry.start, i.entry.end).start.line,
  };
}

export function interactionChanges(before: Account | undefined, after: Account | undefined, ctx: AccountContext): InteractionChanges {
  // Each entry's keys are made once (an account's log is compared entry by entry, several times).
  const keys = new Map<Interaction, { full: string; loose: string }>();
  const keyOf = (i: Interaction) => {
    let k = keys.get(i);
    if (!k) {
      const loose = `${i.date}|${i.channel}|${[...i.people].sort().join(',')}`;
      keys.set(i, (k = { loose, full: `${loose}|${i.summary.trim()}` }));
    }
    return k;
  };
  const full = (i: Interaction) => keyOf(i).full;
  const loose = (i: Interaction) => keyOf(i).loose;
  const count = new Map<string, number>();
  for (const i of before?.interactions ?? []) count.set(full(i), (count.get(full(i)) ?? 0) + 1);
  const added: Interaction[] = [];
  for (const i of [...(after?.interactions ?? [])].reverse()) {
    const n = count.get(full(i)) ?? 0;
    if (n > 0) count.set(full(i), n - 1);
    else added.push(i);
  }
  const removed = [...(before?.interactions ?? [])].reverse().filter((i) => {
    const n = count.get(full(i)) ?? 0;
    if (n > 0) {
      count.set(full(i), n - 1);
      return true;
    }
    return false;
  });
  // An entry whose summary was edited is one change, not a removal and an addition.
  const edited: Interaction[] = [];
  for (const r of [...removed]) {
    const k = added.findIndex((a) => loose(a) === loose(r));
    if (k >= 0) {
      edited.push(added[k]);
      added.splice(k, 1);
      removed.splice(removed.indexOf(r), 1);
    }
  }
  const headWs = ctx.head.result.workspace;
  const baseWs = ctx.base.result.workspace;
  const met = new Map<string, { id: string; name: string; count: number }>();
  for (const i of added) for (const id of i.people) {
    const m = met.get(id) ?? { id, name: nameOf(headWs.people.get(id), id), count: 0 };
    m.count++;
    met.set(id, m);
  }
  const byDate = (a: InteractionRef, b: InteractionRef) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.line - b.line);
  return {
    added: added.map((i) => interactionRef(i, headWs)).sort(byDate),
    removed: removed.map((i) => interactionRef(i, baseWs)).sort(byDate),
    edited: edited.map((i) => interactionRef(i, headWs)).sort(byDate),
    met: [...met.values()].sort((a, b) => b.count - a.count || compareNames(a.name, b.name)),
  };
}
