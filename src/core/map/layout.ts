/**
 * Geometry of the decision-chain map, shared by the SVG and the webview: a layered tree by
 * reporting line (roots at the top, each report one layer below their manager), the people with
 * neither a manager nor reports grouped in rows below the trees, a large team without reports of
 * its own stacked in a few columns, formal lines as elbows and informal lines as curves drawn
 * beneath the cards.
 *
 * Cards never overlap, for any number of people: every leaf of a tree gets its own column (a stacked
 * team its own block of columns and layers) and a manager sits above the middle of their reports,
 * so two cards of one layer are at least one column apart; the group below starts under the
 * deepest layer. A cycle in `reports_to` (reported by `reports-to-cycle`) is cut at its member with
 * the smallest id, who becomes a root; the line is still drawn (as a curve, `cycle: true`).
 * Everything is iterative (no recursion on the depth of an org chart) and bounded: linear in
 * people, and for the curves, a few tries per informal line against the cards near it.
 */
import type { MapEdge, MapModel } from './model.js';

export const CARD = { width: 204, height: 64 };
const GAP_X = 28;
const GAP_Y = 76;
const MARGIN = 24;
/** Space above the group of people without a reporting line, for its heading. */
const GROUP_GAP = 56;
/** Wide enough for the group's heading. */
const MIN_GROUP_WIDTH = 300;
/** Reports (without reports of their own) from which a manager's team is stacked. */
const STACK_FROM = 5;

export interface NodeBox {
  id: string;
  /** Top-left corner of the card. */
  x: number;
  y: number;
  width: number;
  height: number;
  cx: number;
  cy: number;
  /** The layer (0: a root); the group below the trees has its own rows. */
  depth: number;
  group: 'tree' | 'unattached';
}

export interface EdgePath extends MapEdge {
  /** SVG path data from the `from` card to the `to` card. */
  d: string;
  /** The line is part of a path to the decision (map model `paths`). */
  onPath: boolean;
  /** A reporting line that closes a cycle: drawn as a curve, not as part of the tree. */
  cycle?: boolean;
}

export interface MapLayout {
  width: number;
  height: number;
  /** In the order of the model's nodes. */
  nodes: NodeBox[];
  /** In the order of the model's edges. */
  edges: EdgePath[];
  /** Where the people without a reporting line are (and their heading goes), when there are any. */
  unattached?: { x: number; y: number; width: number; height: number };
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** The point where a line from the card's centre toward (tx, ty) leaves the card. */
function exitPoint(b: NodeBox, tx: number, ty: number): [number, number] {
  const dx = tx - b.cx;
  const dy = ty - b.cy;
  if (dx === 0 && dy === 0) return [b.cx, b.y];
  const t = Math.min(dx === 0 ? Infinity : b.width / 2 / Math.abs(dx), dy === 0 ? Infinity : b.height / 2 / Math.abs(dy));
  return [b.cx + dx * t, b.cy + dy * t];
}

/** The control point of a curve between two cards bowed by `k` (negative: to the other side). */
function control(a: NodeBox, b: NodeBox, k: number): [number, number] {
  const dx = b.cx - a.cx;
  const dy = b.cy - a.cy;
  const len = Math.hypot(dx, dy) || 1;
  return [(a.cx + b.cx) / 2 - (dy / len) * k, (a.cy + b.cy) / 2 + (dx / len) * k];
}

/** How many other cards a quadratic curve crosses (sampled; cards grown by a small margin). */
function crossings(from: [number, number], q: [number, number], to: [number, number], others: NodeBox[]): number {
  let hits = 0;
  for (const o of others) {
    for (let i = 1; i < 16; i++) {
      const t = i / 16;
      const x = (1 - t) * (1 - t) * from[0] + 2 * (1 - t) * t * q[0] + t * t * to[0];
      const y = (1 - t) * (1 - t) * from[1] + 2 * (1 - t) * t * q[1] + t * t * to[1];
      if (x > o.x - 4 && x < o.x + o.width + 4 && y > o.y - 4 && y < o.y + o.height + 4) {
        hits++;
        break;
      }
    }
  }
  return hits;
}

/**
 * A curve between two cards that bows to one side, so that a line back does not cover it. Of a few
 * bows either side, the first that crosses no other card is taken (else the one crossing fewest):
 * lines go around cards where they can, and are drawn beneath them where they cannot.
 */
function curve(a: NodeBox, b: NodeBox, bow: number, cards: NodeBox[]): string {
  const len = Math.hypot(b.cx - a.cx, b.cy - a.cy);
  const others = cards.filter((c) => c !== a && c !== b && Math.max(a.x, b.x) + 400 > c.x && Math.min(a.x, b.x) - 400 < c.x + c.width);
  let best: { q: [number, number]; hits: number } | undefined;
  for (const f of [bow, -bow, bow * 2, -bow * 2, bow * 3.5, -bow * 3.5]) {
    const k = Math.sign(f) * Math.min(260, Math.max(30, len * Math.abs(f)));
    const q = control(a, b, k);
    const from = exitPoint(a, q[0], q[1]);
    const to = exitPoint(b, q[0], q[1]);
    const hits = crossings(from, q, to, others);
    if (!best || hits < best.hits) best = { q, hits };
    if (hits === 0) break;
  }
  const q = best!.q;
  const [sx, sy] = exitPoint(a, q[0], q[1]);
  const [ex, ey] = exitPoint(b, q[0], q[1]);
  return `M${r1(sx)},${r1(sy)} Q${r1(q[0])},${r1(q[1])} ${r1(ex)},${r1(ey)}`;
}

export function layoutMap(model: MapModel): MapLayout {
  const ids = model.nodes.map((n) => n.id);
  const known = new Set(ids);
  const parent = new Map<string, string>();
  for (const n of model.nodes) if (n.reportsTo && known.has(n.reportsTo) && n.reportsTo !== n.id) parent.set(n.id, n.reportsTo);

  // 1. Cut every cycle at its smallest id (walks each chain once: linear).
  const cut = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  for (const start of ids) {
    if (state.has(start)) continue;
    const chain: string[] = [];
    let at: string | undefined = start;
    while (at !== undefined && !state.has(at)) {
      state.set(at, 'open');
      chain.push(at);
      at = parent.get(at);
    }
    if (at !== undefined && state.get(at) === 'open') {
      const cycle = chain.slice(chain.indexOf(at));
      const smallest = [...cycle].sort()[0];
      cut.add(smallest);
      parent.delete(smallest);
    }
    for (const id of chain) state.set(id, 'done');
  }

  // 2. Children in id order; roots with reports form trees, the others the group below.
  const children = new Map<string, string[]>();
  for (const id of ids) {
    const p = parent.get(id);
    if (p !== undefined) children.set(p, [...(children.get(p) ?? []), id]);
  }
  const roots = ids.filter((id) => !parent.has(id));
  const treeRoots = roots.filter((id) => children.has(id));
  const loners = roots.filter((id) => !children.has(id));

  // 3. Columns: each leaf its own, a manager above the middle of their reports (iterative post-order).
  // A manager with STACK_FROM or more reports who have no reports themselves gets them stacked in a
  // few columns below (a flat team of 30 is 6 columns wide, not 30); their lines run along a spine
  // in the gap to the left of each column.
  const column = new Map<string, number>();
  const depth = new Map<string, number>();
  const stacked = new Set<string>();
  let next = 0;
  for (const root of treeRoots) {
    depth.set(root, 0);
    const stack: [string, number][] = [[root, 0]];
    while (stack.length) {
      const top = stack[stack.length - 1];
      const kids = children.get(top[0]) ?? [];
      if (top[1] === 0 && kids.length >= STACK_FROM && kids.every((k) => !children.has(k))) {
        const cols = Math.ceil(Math.sqrt(kids.length));
        const rows = Math.ceil(kids.length / cols);
        kids.forEach((k, i) => {
          stacked.add(k);
          column.set(k, next + Math.floor(i / rows));
          depth.set(k, depth.get(top[0])! + 1 + (i % rows));
        });
        column.set(top[0], next + (cols - 1) / 2);
        next += cols;
        stack.pop();
        continue;
      }
      if (top[1] < kids.length) {
        const child = kids[top[1]++];
        depth.set(child, depth.get(top[0])! + 1);
        stack.push([child, 0]);
        continue;
      }
      stack.pop();
      column.set(top[0], kids.length ? (column.get(kids[0])! + column.get(kids[kids.length - 1])!) / 2 : next++);
    }
  }
  const treeColumns = next;
  let layers = 0;
  for (const d of depth.values()) layers = Math.max(layers, d + 1);

  const boxes = new Map<string, NodeBox>();
  const box = (id: string, x: number, y: number, d: number, group: NodeBox['group']): NodeBox => ({
    id, x: r1(x), y: r1(y), width: CARD.width, height: CARD.height, cx: r1(x + CARD.width / 2), cy: r1(y + CARD.height / 2), depth: d, group,
  });
  for (const [id, col] of column) {
    const d = depth.get(id)!;
    boxes.set(id, box(id, MARGIN + col * (CARD.width + GAP_X), MARGIN + d * (CARD.height + GAP_Y), d, 'tree'));
  }

  // 4. The group below: rows as wide as the trees (at least 4 cards, at most as many as there are).
  let unattached: MapLayout['unattached'];
  if (loners.length) {
    const cols = Math.min(loners.length, Math.max(4, treeColumns));
    const top = MARGIN + layers * (CARD.height + GAP_Y) + (layers ? GROUP_GAP - GAP_Y / 2 : GROUP_GAP - MARGIN);
    loners.forEach((id, i) => {
      const row = Math.floor(i / cols);
      boxes.set(id, box(id, MARGIN + (i % cols) * (CARD.width + GAP_X), top + row * (CARD.height + GAP_X), row, 'unattached'));
    });
    const rows = Math.ceil(loners.length / cols);
    unattached = { x: MARGIN / 2, y: r1(top - 28), width: Math.max(MIN_GROUP_WIDTH, cols * (CARD.width + GAP_X) - GAP_X + MARGIN), height: r1(rows * (CARD.height + GAP_X) - GAP_X + 28 + MARGIN / 2) };
  }

  // 5. Lines: a reporting line as an elbow from the report up to the manager; others as curves.
  const allBoxes = [...boxes.values()];
  const onPath = new Set<string>();
  for (const p of model.paths) for (const s of p.steps) onPath.add(s.kind === 'reports-to' && s.direction === 'down' ? `${s.kind} ${s.to} ${s.from}` : `${s.kind} ${s.from} ${s.to}`);
  const edges: EdgePath[] = model.edges.map((e) => {
    const a = boxes.get(e.from);
    const b = boxes.get(e.to);
    const base = { ...e, onPath: onPath.has(`${e.kind} ${e.from} ${e.to}`) };
    if (!a || !b) return { ...base, d: '' };
    if (e.kind === 'reports-to' && parent.get(e.from) === e.to && stacked.has(e.from)) {
      const mid = r1(b.y + b.height + GAP_Y / 2);
      return { ...base, d: `M${a.x},${a.cy} H${r1(a.x - GAP_X / 2)} V${mid} H${b.cx} V${r1(b.y + b.height)}` };
    }
    if (e.kind === 'reports-to' && parent.get(e.from) === e.to) {
      const mid = r1(a.y - GAP_Y / 2);
      return { ...base, d: `M${a.cx},${a.y} V${mid} H${b.cx} V${r1(b.y + b.height)}` };
    }
    return { ...base, d: curve(a, b, e.kind === 'reports-to' ? 0.35 : 0.25, allBoxes), ...(e.kind === 'reports-to' && cut.has(e.from) ? { cycle: true } : {}) };
  });

  const nodes = model.nodes.map((n) => boxes.get(n.id)!);
  const right = Math.max(MARGIN * 2 + CARD.width, ...nodes.map((b) => b.x + b.width + MARGIN), unattached ? unattached.x + unattached.width + MARGIN / 2 : 0);
  const bottom = Math.max(MARGIN * 2 + CARD.height, ...nodes.map((b) => b.y + b.height + MARGIN));
  return { width: Math.ceil(right), height: Math.ceil(bottom), nodes, edges, ...(unattached ? { unattached } : {}) };
}
