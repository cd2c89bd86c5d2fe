/**
 * The decision-chain map as plain text (`keyplan map`'s default): the reporting trees, the people
 * without a reporting line, the informal lines, the paths to the decision and the procurement steps
 * that name people. The CLI makes it safe for the terminal.
 */
import { t, type Locale } from '../i18n/catalogue.js';
import type { DecisionPath } from '../analysis/decision-chain.js';
import type { MapLayout } from './layout.js';
import type { MapModel, MapNode } from './model.js';
import { cardDetails } from './svg.js';

function line(n: MapNode, L: Locale): string {
  const marks = n.marks.map((m) => t(L, `map.mark.${m}`));
  return `${n.name}${n.title ? `, ${n.title}` : ''} (${n.id}): ${cardDetails(n, L)}${marks.length ? ` [${marks.join(', ')}]` : ''}`;
}

/** A path in words: `李明 —reports to→ 张伟 —influences→ 孙建国`. */
export function pathText(path: DecisionPath, names: Map<string, string>, L: Locale): string {
  const name = (id: string) => names.get(id) ?? id;
  const reason = t(L, `map.reason.${path.reason}`);
  if (path.from === undefined) return `${t(L, 'map.path.none', { target: name(path.target) })} (${reason})`;
  if (!path.steps.length) return `${t(L, 'map.path.on-side', { target: name(path.target) })} (${reason})`;
  return `${name(path.target)} (${reason}): ${name(path.from)}${path.steps.map((s) => ` —${t(L, `map.step.${s.direction}`)}→ ${name(s.to)}`).join('')}`;
}

export function mapText(model: MapModel, layout: MapLayout, L: Locale): string {
  const out = [`${t(L, 'map.title', { account: model.accountName })} (${model.account}) · ${model.asOf}${model.tier ? ` · ${model.tier}` : ''}`, ''];
  const nodes = new Map(model.nodes.map((n) => [n.id, n]));
  const names = new Map(model.nodes.map((n) => [n.id, n.name]));
  // The trees as the layout drew them (a cycle is cut where the layout cut it).
  const children = new Map<string, string[]>();
  const hasParent = new Set<string>();
  for (const e of layout.edges) {
    if (e.kind !== 'reports-to' || e.cycle) continue;
    children.set(e.to, [...(children.get(e.to) ?? []), e.from].sort());
    hasParent.add(e.from);
  }
  const roots = model.nodes.filter((n) => !hasParent.has(n.id) && children.has(n.id));
  for (const root of roots) {
    const stack: [string, string, string][] = [[root.id, '', '']];
    while (stack.length) {
      const [id, lead, indent] = stack.pop()!;
      out.push(`${lead}${line(nodes.get(id)!, L)}`);
      const kids = children.get(id) ?? [];
      for (let i = kids.length - 1; i >= 0; i--) {
        const last = i === kids.length - 1;
        stack.push([kids[i], `${indent}${last ? '└─ ' : '├─ '}`, `${indent}${last ? '   ' : '│  '}`]);
      }
    }
  }
  const cycles = layout.edges.filter((e) => e.cycle);
  for (const e of cycles) out.push(`  (${t(L, 'map.mark.cycle')}: ${names.get(e.from)} → ${names.get(e.to)})`);
  const loners = model.nodes.filter((n) => !hasParent.has(n.id) && !children.has(n.id));
  if (loners.length) {
    if (roots.length) out.push('');
    out.push(`${t(L, 'map.unattached')} (${loners.length})`);
    for (const n of loners) out.push(`  - ${line(n, L)}`);
  }
  const informal = model.edges.filter((e) => e.kind === 'influences');
  if (informal.length) {
    out.push('', `${t(L, 'map.informal')} (${informal.length})`);
    for (const e of informal) out.push(`  - ${names.get(e.from)} → ${names.get(e.to)}${e.strength ? ` (${e.strength})` : ''}`);
  }
  out.push('', `${t(L, 'map.paths')} (${model.paths.length})`);
  for (const p of model.paths) out.push(`  - ${pathText(p, names, L)}`);
  const steps = model.procurement.filter((s) => s.people.length);
  if (steps.length || model.approver) {
    out.push('', t(L, 'map.procurement'));
    for (const s of steps) out.push(`  ${s.index + 1}. ${s.text} (${s.people.map((id) => names.get(id)).join(', ')})`);
    if (model.approver) out.push(`  - ${t(L, 'map.approver', { name: names.get(model.approver) })}`);
  }
  return out.join('\n') + '\n';
}
